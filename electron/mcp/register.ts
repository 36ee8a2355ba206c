import type { StackConfig } from '../base/stackFile/stack.js';
import type { McpServerConfig } from '../base/stackFile/mcp.js';
import type { AppContext } from '../core/appContext.js';
import { toDisposable } from '../base/disposable.js';
import { McpSupervisor } from './supervisor.js';

/**
 * Wires the MCP supervisor to the app: the `mcp` topic (snapshot, then the
 * whole state after every transition), the mcp.* commands, and the stack
 * file's mcpServers (followed as it changes).
 *
 * Shutdown: stopping servers by the spec takes seconds, so it runs as a
 * beforeQuit task the composition root awaits. The disposable added to
 * ctx.disposables only starts the same stop (for a root that cannot await),
 * and the supervisor SIGKILLs every group on process 'exit' as a last resort.
 */
export function registerMcp(ctx: AppContext): McpSupervisor {
  const supervisor = new McpSupervisor({ logs: ctx.logs, baseDir: ctx.config.baseDir() });
  const apply = (config: StackConfig) => void supervisor.setServers(serversOf(config));
  apply(ctx.config.current());
  ctx.disposables.add(ctx.config.changed.on(apply));
  ctx.beforeQuit(() => supervisor.dispose());
  ctx.disposables.add(toDisposable(() => void supervisor.dispose()));

  ctx.topics.provide('mcp', (_params, sink) => {
    sink.snapshot({ servers: supervisor.list() });
    return supervisor.changed.on((servers) => sink.state({ servers }));
  });

  ctx.commands.handle('mcp.start', (p) => supervisor.start(p.name));
  ctx.commands.handle('mcp.stop', (p) => supervisor.stop(p.name));
  ctx.commands.handle('mcp.restart', (p) => supervisor.restart(p.name));
  ctx.commands.handle('mcp.selfcheck', (p) => supervisor.selfcheck(p.name));
  ctx.commands.handle('mcp.listTools', (p) => supervisor.listTools(p.name));
  ctx.commands.handle('mcp.callTool', (p) => supervisor.callTool(p.name, p.tool, p.arguments as Record<string, unknown>));
  return supervisor;
}

/** The loader merges VS Code's `servers` into mcpServers; a config built by hand may still carry both. */
function serversOf(config: StackConfig): Record<string, McpServerConfig> {
  return { ...(config.servers ?? {}), ...config.mcpServers };
}
