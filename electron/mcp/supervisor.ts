import type { McpServerConfig } from '../base/stackFile/mcp.js';
import type { McpServerState, McpToolCallResult, McpToolInfo, SelfcheckResult } from '../../shared/contract/mcp.js';
import { SwitchboardError } from '../../shared/errors.js';
import { Emitter } from '../base/emitter.js';
import type { LogWriter } from '../core/logWriter.js';
import { realClock, type Clock } from './clock.js';
import { formatSeconds } from './diagnosis.js';
import { defaultStopTimings, type StopTimings } from './processGroup.js';
import { runSelfcheck } from './selfcheck.js';
import { SupervisedServer } from './supervisedServer.js';

export interface McpSupervisorOptions {
  logs: LogWriter;
  /** Relative commands and cwd resolve against the stack file's folder. */
  baseDir: string;
  /** A fake clock in tests; the real one otherwise. */
  clock?: Clock;
  stopTimings?: StopTimings;
  toolCallTimeoutMs?: number;
}

/**
 * Launches and supervises the stack's stdio MCP servers: one
 * SupervisedServer per config entry, reconciled when the config changes,
 * and one `changed` event with every server's state after any transition.
 * dispose() stops every process group; nothing is left behind.
 */
export class McpSupervisor {
  readonly changed = new Emitter<McpServerState[]>();
  private readonly servers = new Map<string, SupervisedServer>();
  private readonly clock: Clock;
  private disposed = false;
  private changeQueued = false;
  // a hard exit (uncaught error, process.exit) cannot await dispose: kill the groups synchronously
  private readonly onProcessExit = () => {
    for (const server of this.servers.values()) server.killNow();
  };

  constructor(private readonly options: McpSupervisorOptions) {
    this.clock = options.clock ?? realClock;
    process.on('exit', this.onProcessExit);
  }

  list(): McpServerState[] {
    return [...this.servers.values()].map((s) => s.snapshot());
  }

  get(name: string): McpServerState {
    return this.server(name).snapshot();
  }

  /**
   * Makes the supervised set match the config: new entries are added (and
   * started when autostart), removed ones stopped, changed ones replaced.
   */
  async setServers(configs: Record<string, McpServerConfig>): Promise<void> {
    if (this.disposed) return;
    const work: Promise<unknown>[] = [];
    for (const [name, server] of this.servers) {
      const next = configs[name];
      if (next && JSON.stringify(next) === JSON.stringify(server.config)) continue;
      this.servers.delete(name);
      work.push(server.dispose());
    }
    // the new set shows at once; a replaced server starts once its old process is gone
    const replaced = Promise.all(work);
    for (const [name, config] of Object.entries(configs)) {
      if (this.servers.has(name)) continue;
      const server = new SupervisedServer(name, config, {
        logs: this.options.logs,
        baseDir: this.options.baseDir,
        clock: this.clock,
        stopTimings: this.options.stopTimings ?? defaultStopTimings,
        onChange: () => this.queueChange(),
      });
      this.servers.set(name, server);
      // autostart runs in the background: a slow server must not hold up the app
      if (config.autostart) void replaced.then(() => (this.servers.get(name) === server && !this.disposed ? server.start() : undefined));
    }
    this.queueChange();
    await replaced;
  }

  start(name: string): Promise<McpServerState> {
    this.action('start', name);
    return this.server(name).start();
  }

  stop(name: string): Promise<McpServerState> {
    this.action('stop', name);
    return this.server(name).stop();
  }

  async restart(name: string): Promise<McpServerState> {
    const started = performance.now();
    this.action('restart', name);
    const state = await this.server(name).restart();
    this.log(`restart of mcp:${name} finished: ${state.status} in ${formatSeconds(performance.now() - started)}`);
    return state;
  }

  async selfcheck(name: string): Promise<SelfcheckResult> {
    const server = this.server(name);
    this.action('selfcheck', name);
    const result = await runSelfcheck(name, server.config, this.options.baseDir, server.config.initializeTimeout);
    this.log(`selfcheck of mcp:${name}: ${result.ok ? 'passed' : 'failed'} (exit ${result.exitCode ?? result.signal}) in ${formatSeconds(result.durationMs)}`, result.ok ? 'info' : 'warn');
    return result;
  }

  async listTools(name: string): Promise<McpToolInfo[]> {
    const session = this.readySession(name);
    await session.refresh('tools');
    return session.lists.tools;
  }

  async callTool(name: string, tool: string, args: Record<string, unknown>): Promise<McpToolCallResult> {
    const session = this.readySession(name);
    const known = () => session.lists.tools.some((t) => t.name === tool);
    // right after ready the lists may still be loading
    if (!known()) await session.refresh('tools');
    if (!known()) {
      throw new SwitchboardError('not_found', `${name} has no tool "${tool}"; it offers ${session.lists.tools.map((t) => t.name).join(', ') || 'none'}`);
    }
    const started = performance.now();
    try {
      const result = await session.callTool(tool, args, this.options.toolCallTimeoutMs ?? 60_000);
      return { server: name, tool, ...result, durationMs: performance.now() - started };
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const code = /timed out/i.test(message) ? 'timeout' : 'unavailable';
      throw new SwitchboardError(code, `calling ${tool} on ${name} failed: ${message}`);
    }
  }

  /** Stops every server (MCP-spec shutdown of each whole process group) and forgets them. */
  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    await Promise.all([...this.servers.values()].map((s) => s.dispose()));
    this.servers.clear();
    process.off('exit', this.onProcessExit);
    this.changed.dispose();
  }

  private server(name: string): SupervisedServer {
    const server = this.servers.get(name);
    if (!server) {
      const known = [...this.servers.keys()].join(', ') || 'none configured';
      throw new SwitchboardError('not_found', `no MCP server named "${name}" (known: ${known})`);
    }
    return server;
  }

  private readySession(name: string) {
    const server = this.server(name);
    const session = server.session();
    if (!session) {
      const state = server.snapshot();
      throw new SwitchboardError('unavailable', `${name} is ${state.status}, not ready: ${state.reason}`);
    }
    return session;
  }

  private queueChange(): void {
    // several transitions in one tick become one event
    if (this.changeQueued || this.disposed) return;
    this.changeQueued = true;
    queueMicrotask(() => {
      this.changeQueued = false;
      if (!this.disposed) this.changed.emit(this.list());
    });
  }

  private action(verb: string, name: string): void {
    this.log(`${verb} of mcp:${name} requested`);
  }

  private log(text: string, level: 'info' | 'warn' = 'info'): void {
    this.options.logs.write({ source: 'switchboard', stream: 'system', level, text });
  }
}
