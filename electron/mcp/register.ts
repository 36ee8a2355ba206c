import type { StackConfig } from '../base/stackFile/stack.js';
import type { McpServerConfig } from '../base/stackFile/mcp.js';
import { exposureOf } from '../base/stackFile/gateway.js';
import { replicaNames } from '../../shared/gatewayNames.js';
import type { AppContext } from '../core/appContext.js';
import { Leftovers, reportLeftovers } from './leftovers.js';
import { OrphanGuard } from './orphanGuard.js';
import { privateRuntimeFolder } from './runtimeFolder.js';
import { McpStackEvents } from './mcpStackEvents.js';
import { McpSupervisor } from './supervisor.js';

export interface McpOptions {
  /** Where XDG_RUNTIME_DIR comes from, for the private folder recording live process groups. */
  env: NodeJS.ProcessEnv;
}

/**
 * Wires the MCP supervisor to the app: the `mcp` topic (snapshot, then the
 * whole state after every transition), `mcp.pings` (the ping times, apart),
 * the mcp.* commands, and the stack file's mcpServers (followed as it
 * changes). The supervisor is an async disposable of the capability's store:
 * the app awaits its stop at quit.
 * Before any server starts, what an earlier run that died left running is
 * reported (mcp.leftovers lists it, mcp.endLeftovers ends it): reported, not
 * ended unasked, because a wrapper's grandchild — a database, say — may be
 * something the operator still uses, and ending it is their call.
 */
export function registerMcp(ctx: AppContext, options: McpOptions = { env: process.env }): McpSupervisor {
  let folder: string | undefined;
  try {
    folder = privateRuntimeFolder(options.env);
  } catch (err) {
    ctx.audit.note(`MCP servers left running by a crash will not be found at the next start: ${err instanceof Error ? err.message : String(err)}`, 'warn');
  }
  const leftovers = new Leftovers(folder);
  reportLeftovers(ctx.audit, leftovers.scan());
  // added before the supervisor, so it is disposed after it: the watchdog's pipe closes once every server has stopped
  const guard = ctx.disposables.add(new OrphanGuard(folder, (text) => ctx.audit.note(text, 'warn')));
  const stackEvents = new McpStackEvents(ctx.events, ctx.signals);
  const supervisor = ctx.disposables.add(
    new McpSupervisor({
      logs: ctx.logs,
      audit: ctx.audit,
      secrets: ctx.secrets,
      baseDir: ctx.config.baseDir(),
      groups: guard,
      onTransition: (from, state) => stackEvents.transition(from, state),
    }),
  );
  // the folder is read again each time: switching to another stack file moves it
  const apply = (config: StackConfig) => void supervisor.setServers(serversOf(config), ctx.config.baseDir());
  apply(ctx.config.current());
  ctx.disposables.add(ctx.config.changed.on(apply));

  ctx.topics.provide('mcp', (_params, sink) => {
    sink.snapshot({ servers: supervisor.list() });
    return supervisor.changed.on((servers) => sink.state({ servers }));
  });
  ctx.topics.provide('mcp.pings', (_params, sink) => {
    sink.snapshot({ pings: supervisor.pings() });
    return supervisor.pinged.on(() => sink.state({ pings: supervisor.pings() }));
  });

  ctx.commands.handle('mcp.start', (p) => supervisor.start(p.name));
  ctx.commands.handle('mcp.stop', (p) => supervisor.stop(p.name));
  ctx.commands.handle('mcp.restart', (p) => supervisor.restart(p.name));
  ctx.commands.handle('mcp.selfcheck', (p) => supervisor.selfcheck(p.name));
  ctx.commands.handle('mcp.listTools', (p) => supervisor.listTools(p.name));
  ctx.commands.handle('mcp.leftovers', () => leftovers.list());
  ctx.commands.handle('mcp.endLeftovers', async (p) => {
    const started = performance.now();
    ctx.audit.action({ action: 'end leftovers', outcome: 'requested' });
    const result = await leftovers.end(p.pgids);
    const ended = result.ended.map((l) => `${l.server} (pids ${l.pids.join(', ')})`).join(', ') || 'nothing';
    const still = result.stillRunning.map((l) => `${l.server} (pids ${l.pids.join(', ')})`).join(', ');
    ctx.audit.action(
      still
        ? { action: 'end leftovers', outcome: 'failed', detail: `ended ${ended}; still running: ${still}`, durationMs: performance.now() - started }
        : { action: 'end leftovers', outcome: 'done', detail: `ended ${ended}`, durationMs: performance.now() - started },
    );
    return result;
  });
  ctx.commands.handle('mcp.callTool', (p) => supervisor.callTool(p.name, p.tool, p.arguments as Record<string, unknown>));
  return supervisor;
}

/**
 * The loader merges VS Code's `servers` into mcpServers; a config built by hand may still carry both.
 * A server's `gateway` is spelled out here (off without a top-level `gateway:`, on by default with one), so the child learns at start whether to offer sampling & co.
 */
function serversOf(config: StackConfig): Record<string, McpServerConfig> {
  const all = { ...(config.servers ?? {}), ...config.mcpServers };
  if (!config.gateway) return all;
  const spelled: Record<string, McpServerConfig> = {};
  for (const [name, server] of Object.entries(all)) {
    const gateway = server.gateway ?? true;
    // `replicas: N` is N supervised servers, "name", "name#2" …, each shown and restarted like any other
    const exposure = exposureOf(gateway);
    for (const replica of replicaNames(name, exposure?.mode === 'shared' ? exposure.replicas : 1)) spelled[replica] = { ...server, gateway };
  }
  return spelled;
}
