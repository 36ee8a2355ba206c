import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { ToolListChangedNotificationSchema } from '@modelcontextprotocol/sdk/types.js';
import { keepAliveFetch } from '../../bench/keepAliveFetch.js';
import { startGatewayApp, type GatewayApp } from '../../support/gateway.js';
import { killLeftovers, realServers, serverConfig, supportDir } from '../../support/mcp/servers.js';

const text = (result: unknown) => ((result as { content: { text?: string }[] }).content[0]?.text ?? '');

// The gateway bench's second client is only a fair figure if it does everything Node's fetch does for the SDK here.
describe('the gateway bench: the SDK client on the keep-alive node:http fetch', { timeout: 120_000 }, () => {
  let app: GatewayApp | undefined;
  const nodeHttp = keepAliveFetch();
  afterEach(async () => {
    await app?.close();
    nodeHttp.close();
    killLeftovers();
  });

  it('carries JSON answers, an SSE answer with progress, the GET stream and the DELETE that ends the session', async () => {
    app = await startGatewayApp({
      mcpServers: { everything: realServers.everything(), test: serverConfig({ command: 'node', args: [path.join(supportDir, 'gatewayServer.mjs')] }) },
    });
    const connect = async (server: string) => {
      const transport = new StreamableHTTPClientTransport(new URL(`${app!.url}/${server}`), { requestInit: { headers: { Authorization: `Bearer ${app!.token}` } }, fetch: nodeHttp.fetch });
      const client = new Client({ name: 'bench-fetch', version: '1' });
      await client.connect(transport);
      return { client, transport };
    };
    const everything = await connect('everything');
    expect(text(await everything.client.callTool({ name: 'echo', arguments: { message: 'hi' } }))).toBe('Echo: hi');
    const progress: number[] = [];
    const long = await everything.client.callTool({ name: 'trigger-long-running-operation', arguments: { duration: 0.6, steps: 3 } }, undefined, {
      onprogress: (p) => progress.push(p.progress),
    });
    expect(text(long)).toMatch(/completed/i);
    expect(progress).toEqual([1, 2, 3]);

    const test = await connect('test');
    let heard = 0;
    test.client.setNotificationHandler(ToolListChangedNotificationSchema, () => void heard++);
    await expect
      .poll(async () => {
        await test.client.callTool({ name: 'announce', arguments: {} });
        return heard > 0;
      }, { timeout: 10_000, interval: 200 })
      .toBe(true);

    await everything.transport.terminateSession();
    expect(everything.transport.sessionId).toBeUndefined();
    await Promise.all([everything.client.close(), test.client.close()]);
  });
});
