import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startGatewayApp, type GatewayApp } from '../../support/gateway.js';
import { killLeftovers, serverConfig, supportDir } from '../../support/mcp/servers.js';

const gatewayServer = () => serverConfig({ command: 'node', args: [path.join(supportDir, 'gatewayServer.mjs')] });

describe('MCP gateway: how a POST is answered (the transport spec allows JSON or an SSE stream)', { timeout: 120_000 }, () => {
  let app: GatewayApp | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
    killLeftovers();
  });

  it('answers a call that returns at once with plain JSON, and one that runs long as an SSE stream with a resumable id first', async () => {
    app = await startGatewayApp({ mcpServers: { test: gatewayServer() } });
    const url = `${app.url}/test`;
    const base = { Authorization: `Bearer ${app.token}`, 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream' };
    const post = (body: unknown, headers: Record<string, string> = {}) => fetch(url, { method: 'POST', headers: { ...base, ...headers }, body: JSON.stringify(body) });

    const init = await post({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 't', version: '1' } } });
    expect(init.headers.get('content-type')).toBe('application/json');
    const session = { 'Mcp-Session-Id': init.headers.get('mcp-session-id')!, 'Mcp-Protocol-Version': '2025-11-25' };
    expect((await init.json()).result.serverInfo.name).toBe('gateway-test');
    expect((await post({ jsonrpc: '2.0', method: 'notifications/initialized' }, session)).status).toBe(202);

    const quick = await post({ jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'echo', arguments: { message: 'hi' } } }, session);
    expect(quick.headers.get('content-type')).toBe('application/json');
    expect(await quick.json()).toEqual({ jsonrpc: '2.0', id: 2, result: { content: [{ type: 'text', text: 'hi' }] } });

    const batch = await post([{ jsonrpc: '2.0', id: 3, method: 'tools/call', params: { name: 'echo', arguments: { message: 'a' } } }, { jsonrpc: '2.0', id: 4, method: 'ping' }], session);
    expect(((await batch.json()) as { id: number }[]).map((m) => m.id).sort()).toEqual([3, 4]);

    const long = await post({ jsonrpc: '2.0', id: 5, method: 'tools/call', params: { name: 'spin', arguments: { ms: 1_500 } } }, session);
    expect(long.headers.get('content-type')).toBe('text/event-stream');
    const events = (await long.text()).split('\n\n').filter(Boolean);
    expect(events[0]).toMatch(/^id: \S+\ndata: $/);
    expect(events[1]).toMatch(/^event: message\nid: \S+\ndata: \{"jsonrpc":"2.0","id":5,"result"/);

    expect((await post({ jsonrpc: '2.0', id: 6 }, session)).status).toBe(400);
    expect((await post({ jsonrpc: '2.0', id: 7, method: 'ping' }, { ...session, Accept: 'application/json' })).status).toBe(406);
  });
});
