import path from 'node:path';
import type { McpServerInput } from '../../../electron/base/stackFile/mcp.js';
import { afterEach, describe, expect, it } from 'vitest';
import { startGatewayApp, type GatewayApp } from '../../support/gateway.js';
import { killLeftovers, serverConfig, supportDir } from '../../support/mcp/servers.js';
import { waitFor } from '../../support/waitFor.js';

const gatewayServer = (gateway: McpServerInput['gateway']) => ({ ...serverConfig({ command: 'node', args: [path.join(supportDir, 'gatewayServer.mjs')] }), gateway });
const text = (result: unknown) => ((result as { content: { text?: string }[] }).content[0]?.text ?? '');

describe('MCP gateway replicas', { timeout: 120_000 }, () => {
  const apps: GatewayApp[] = [];
  afterEach(async () => {
    await Promise.all(apps.splice(0).map((a) => a.close()));
    killLeftovers();
  });

  it('runs N supervised children, spreads sessions, and fails a call at once when its replica dies; the next call goes to another', async () => {
    const a = await startGatewayApp({ mcpServers: { test: gatewayServer({ replicas: 2 }) } });
    apps.push(a);
    expect(a.mcp.list().map((s) => s.name)).toEqual(['test', 'test#2']);
    const one = await a.connect('test');
    const two = await a.connect('test');
    const pidOne = text(await one.client.callTool({ name: 'whoami', arguments: {} }));
    const pidTwo = text(await two.client.callTool({ name: 'whoami', arguments: {} }));
    expect(pidOne).not.toBe(pidTwo); // least-loaded: the second session went to the other replica

    const victim = a.mcp.list().find((s) => String(s.pid) === pidOne)!;
    const call = one.client.callTool({ name: 'spin', arguments: { ms: 20_000 } }).then(
      () => 'answered',
      (err: Error) => err.message,
    );
    await new Promise((r) => setTimeout(r, 200));
    const killedAt = performance.now();
    process.kill(-victim.pid!, 'SIGKILL');
    const outcome = await call;
    expect(performance.now() - killedAt).toBeLessThan(3_000);
    expect(outcome).toMatch(/exited or restarted during this call/);

    // the session moves to the replica that is still ready
    expect(text(await one.client.callTool({ name: 'whoami', arguments: {} }))).toBe(pidTwo);
    // the killed one is restarted by its restart policy and is a replica again
    await waitFor('the killed replica ready again', () => a.mcp.get(victim.name).status === 'ready' && a.mcp.get(victim.name).pid !== victim.pid, 30_000);
    const endpoint = a.gateway.state().endpoints[0]!;
    expect(endpoint.replicas.map((r) => r.name)).toEqual(['test', 'test#2']);
    expect(endpoint.errors['child exited']).toBe(1);
  });
});
