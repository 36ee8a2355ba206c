import type { StackConfig } from '../base/stackFile/stack.js';
import type { McpServerConfig } from '../base/stackFile/mcp.js';
import type { AppContext } from '../core/appContext.js';
import { McpSupervisor } from './supervisor.js';

/**
 * Wires the MCP supervisor to the app: the `mcp` topic (snapshot, then the
 * whole state after every transition), the mcp.* commands, and the stack
 * file's mcpServers (followed as it changes). The supervisor is an async
 * disposable of the capability's store: the app awaits its stop at quit.
 */
export function registerMcp(ctx: AppContext): McpSupervisor {
  const supervisor = ctx.disposables.add(new McpSupervisor({ logs: ctx.logs, audit: ctx.audit, secrets: ctx.secrets, baseDir: ctx.config.baseDir() }));
  const apply = (config: StackConfig) => void supervisor.setServers(serversOf(config));
  apply(ctx.config.current());
  ctx.disposables.add(ctx.config.changed.on(apply));

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
