/**
 * The MCP gateway in a process of its own, as the app runs it (supervisor,
 * gateway, a real log hub taking one line per request), for the gateway
 * benchmark: the stack comes as JSON in GATEWAY_HOST_STACK; it prints
 * "GATEWAY <base url>" once every server is ready, and stops when stdin closes.
 */
import { stackSchema } from '../../electron/base/stackFile/stack.js';
import { registerGateway } from '../../electron/gateway/index.js';
import { LogHub } from '../../electron/logs/logHub.js';
import { registerMcp } from '../../electron/mcp/register.js';
import { isLoopbackHost } from '../../electron/transport/bindPlan.js';
import { LoopbackGuard } from '../../electron/transport/loopbackGuard.js';
import { fakeAppContext } from '../support/appContext.js';
import { repoRoot } from '../support/mcp/servers.js';
import { waitFor } from '../support/waitFor.js';

const stack = stackSchema.parse(JSON.parse(process.env.GATEWAY_HOST_STACK ?? '{}'));
const hub = new LogHub(stack.logs);
const ctx = fakeAppContext(stack, { baseDir: repoRoot, logs: hub });
const mcp = registerMcp(ctx, { env: process.env });
const gateway = registerGateway(ctx, mcp, { guard: (token, port, host, opts) => new LoopbackGuard(token, port, host, opts), isLoopbackHost });
await waitFor('every server ready', () => mcp.list().length > 0 && mcp.list().every((s) => s.status === 'ready' && s.tools.length > 0), 60_000);
const state = await waitFor('the gateway listening', () => (gateway.state().listening ? gateway.state() : undefined), 10_000);
console.log(`GATEWAY ${state.url}`);
process.stdin.resume();
process.stdin.on('end', () => {
  void ctx.disposables.disposeAsync().then(() => {
    hub.dispose();
    process.exit(0);
  });
});
