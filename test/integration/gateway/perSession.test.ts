import path from 'node:path';
import type { McpServerInput } from '../../../electron/base/stackFile/mcp.js';
import { afterEach, describe, expect, it } from 'vitest';
import { startGatewayApp, type GatewayApp } from '../../support/gateway.js';
import { killLeftovers, leftoverProcesses, serverConfig, supportDir } from '../../support/mcp/servers.js';
import { waitFor } from '../../support/waitFor.js';

const gatewayServer = (gateway: McpServerInput['gateway']) => ({ ...serverConfig({ command: 'node', args: [path.join(supportDir, 'gatewayServer.mjs')] }), gateway });
const text = (result: unknown) => ((result as { content: { text?: string }[] }).content[0]?.text ?? '');

describe('MCP gateway, mode per-session', { timeout: 120_000 }, () => {
  const apps: GatewayApp[] = [];
  afterEach(async () => {
    await Promise.all(apps.splice(0).map((a) => a.close()));
    killLeftovers();
  });

  it('gives each session a supervised child of its own, caps them, and reaps idle ones even with a GET stream open', async () => {
    const a = await startGatewayApp({ mcpServers: { test: gatewayServer({ mode: 'per-session', maxSessions: 2, idleTimeout: '1s' }) } });
    apps.push(a);
    const one = await a.connect('test');
    const two = await a.connect('test');
    const pids = [text(await one.client.callTool({ name: 'whoami', arguments: {} })), text(await two.client.callTool({ name: 'whoami', arguments: {} }))];
    const base = String(a.mcp.get('test').pid);
    expect(new Set([...pids, base]).size).toBe(3);
    // each child shows among the MCP servers, named after its session
    expect(a.mcp.list().map((s) => s.name).filter((n) => n.startsWith('test@'))).toHaveLength(2);
    expect(a.gateway.state().endpoints[0]!.replicas).toHaveLength(2);

    await expect(a.connect('test')).rejects.toThrow(/maxSessions 2/);

    // the shortcut and the catalog use the configured server itself
    const shortcut = await fetch(`${a.url}/test/tools/whoami`, { method: 'POST', headers: { Authorization: `Bearer ${a.token}` }, body: '{}' });
    expect(await shortcut.json()).toEqual({ content: [{ type: 'text', text: base }] });

    // nobody calls for over a second: both sessions and their children go (their GET streams were open)
    await waitFor('idle sessions reaped', () => a.mcp.list().every((s) => !s.name.startsWith('test@')), 15_000);
    // their processes stop by the MCP spec (stdin closed, then signals): only the configured server's remains
    await waitFor('the reaped children gone', () => leftoverProcesses().length === 1, 15_000);
    await expect(one.client.callTool({ name: 'whoami', arguments: {} })).rejects.toThrow(/404|no session|ended/i);
  });
});
