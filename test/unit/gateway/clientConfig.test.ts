import { describe, expect, it } from 'vitest';
import { exposureOf } from '../../../electron/base/stackFile/gateway.js';
import { stackSchema } from '../../../electron/base/stackFile/stack.js';
import { gatewayClientConfig } from '../../../shared/gatewayClientConfig.js';
import { replicaNames, replicaOf } from '../../../shared/gatewayNames.js';

describe('gateway client configs', () => {
  const url = 'http://127.0.0.1:7421/mcp/postgres';
  it('gives Claude Code a command line, Cursor and VS Code their mcp.json entries, each with the bearer header', () => {
    expect(gatewayClientConfig('claude-code', 'postgres', url, 'abc')).toBe(
      "claude mcp add --transport http postgres http://127.0.0.1:7421/mcp/postgres --header 'Authorization: Bearer abc'",
    );
    expect(JSON.parse(gatewayClientConfig('cursor', 'postgres', url, 'abc'))).toEqual({ mcpServers: { postgres: { url, headers: { Authorization: 'Bearer abc' } } } });
    expect(JSON.parse(gatewayClientConfig('vscode', 'postgres', url, 'abc'))).toEqual({ servers: { postgres: { type: 'http', url, headers: { Authorization: 'Bearer abc' } } } });
  });
  it("quotes a token with a quote in it for the shell", () => {
    expect(gatewayClientConfig('claude-code', 'pg', url, "a'b")).toContain(`'Authorization: Bearer a'\\''b'`);
  });
});

describe('gateway stack-file keys', () => {
  it('exposes every server with defaults once a gateway is configured; false hides one', () => {
    const stack = stackSchema.parse({ gateway: {}, mcpServers: { a: { command: 'x' }, b: { command: 'x', gateway: false }, c: { command: 'x', gateway: { replicas: 3, idleTimeout: '2m' } } } });
    expect(stack.gateway).toEqual({ port: 7421, host: '127.0.0.1', allowHosts: [] });
    expect(exposureOf(stack.mcpServers.a!.gateway)).toMatchObject({ mode: 'shared', replicas: 1 });
    expect(exposureOf(stack.mcpServers.b!.gateway)).toBeUndefined();
    expect(exposureOf(stack.mcpServers.c!.gateway)).toMatchObject({ replicas: 3, idleTimeout: 120_000, logPayloads: false });
  });
  it('refuses a short token and unknown keys', () => {
    expect(stackSchema.safeParse({ gateway: { token: 'short' } }).success).toBe(false);
    expect(stackSchema.safeParse({ mcpServers: { a: { command: 'x', gateway: { replica: 2 } } } }).success).toBe(false);
  });
  it('names replicas "name", "name#2" … and reads them back', () => {
    expect(replicaNames('pg', 3)).toEqual(['pg', 'pg#2', 'pg#3']);
    expect(['pg', 'pg#2', 'a#b'].map(replicaOf)).toEqual(['pg', 'pg', 'a#b']);
  });
});
