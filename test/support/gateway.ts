import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { ClientCapabilities } from '@modelcontextprotocol/sdk/types.js';
import type { StackInput } from '../../electron/base/stackFile/stack.js';
import { registerGateway } from '../../electron/gateway/index.js';
import type { GatewayService } from '../../electron/gateway/gatewayService.js';
import { registerMcp } from '../../electron/mcp/register.js';
import type { McpSupervisor } from '../../electron/mcp/supervisor.js';
import { isLoopbackHost } from '../../electron/transport/bindPlan.js';
import { LoopbackGuard } from '../../electron/transport/loopbackGuard.js';
import { fakeAppContext, type FakeAppContext } from './appContext.js';
import { repoRoot } from './mcp/servers.js';
import { waitFor } from './waitFor.js';

export interface GatewayApp {
  ctx: FakeAppContext;
  mcp: McpSupervisor;
  gateway: GatewayService;
  /** e.g. http://127.0.0.1:41234/mcp */
  url: string;
  token: string;
  connect(server: string, capabilities?: ClientCapabilities, headers?: Record<string, string>): Promise<{ client: Client; transport: StreamableHTTPClientTransport }>;
  close(): Promise<void>;
}

/** The MCP and gateway capabilities wired as the composition root wires them, the gateway on a free port; waits until every server is ready. */
export async function startGatewayApp(input: StackInput): Promise<GatewayApp> {
  const ctx = fakeAppContext({ gateway: { port: 0 }, ...input }, { baseDir: repoRoot });
  const mcp = registerMcp(ctx, { env: process.env });
  const gateway = registerGateway(ctx, mcp, { guard: (token, port, host, opts) => new LoopbackGuard(token, port, host, opts), isLoopbackHost });
  const clients: Client[] = [];
  await waitFor('every MCP server ready', () => mcp.list().length > 0 && mcp.list().every((s) => s.status === 'ready' && s.tools.length > 0), 60_000);
  const state = await waitFor('the gateway listening', () => (gateway.state().listening ? gateway.state() : undefined), 10_000);
  const url = state.url!;
  const token = state.token!;
  return {
    ctx,
    mcp,
    gateway,
    url,
    token,
    async connect(server, capabilities = {}, headers = { Authorization: `Bearer ${token}` }) {
      const transport = new StreamableHTTPClientTransport(new URL(`${url}/${server}`), { requestInit: { headers } });
      const client = new Client({ name: 'gateway-test', version: '1.0.0' }, { capabilities });
      await client.connect(transport);
      clients.push(client);
      return { client, transport };
    },
    async close() {
      await Promise.all(clients.map((c) => c.close().catch(() => {})));
      await ctx.disposables.disposeAsync();
    },
  };
}
