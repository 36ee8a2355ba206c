import type { McpServerConfig } from '../base/stackFile/mcp.js';
import type { McpPings, McpServerState, McpStatus, McpToolCallResult, McpToolInfo, SelfcheckResult } from '../../shared/contract/mcp.js';
import { SwitchboardError } from '../../shared/errors.js';
import { sourceId } from '../../shared/sourceId.js';
import type { AsyncDisposable } from '../base/disposable.js';
import { CoalescedChange } from '../base/coalescedChange.js';
import { Emitter } from '../base/emitter.js';
import { createAuditLog, type AuditLog } from '../core/auditLog.js';
import { SecretMasker } from '../base/secrets/secretMasker.js';
import type { LogWriter } from '../core/logWriter.js';
import { realClock, type Clock } from './clock.js';
import { untrackedGroups, type GroupTracker } from './orphanGuard.js';
import { defaultStopTimings, type StopTimings } from './processGroup.js';
import { runSelfcheck } from './selfcheck.js';
import { SupervisedServer } from './supervisedServer.js';
import type { McpWire } from './mcpWire.js';

export interface McpSupervisorOptions {
  /** Where the servers' stderr and stray stdout go, each under its own source. */
  logs: LogWriter;
  /** Operators' actions and state changes; tests and benchmarks may leave it out to have them written to `logs`. */
  audit?: AuditLog;
  /** The app's masker (it knows the stack file's expanded ${VAR}s); tests may leave it out for one that knows shapes only. */
  secrets?: SecretMasker;
  /** Relative commands and cwd resolve against the stack file's folder. */
  baseDir: string;
  /** A fake clock in tests; the real one otherwise. */
  clock?: Clock;
  stopTimings?: StopTimings;
  toolCallTimeoutMs?: number;
  /** Told of every process group started and ended (the app's OrphanGuard); none by default. */
  groups?: GroupTracker;
  /** Told of every server's change of status (the app's stack events); none by default. */
  onTransition?: (from: McpStatus, state: McpServerState) => void;
}

/**
 * Launches and supervises the stack's stdio MCP servers: one
 * SupervisedServer per config entry, reconciled when the config changes,
 * and one `changed` event with every server's state after any transition
 * (ping times apart, read with pings() when `pinged` fires: they change far
 * more often and matter to fewer readers).
 * disposeAsync() stops every process group; nothing is left behind.
 */
export class McpSupervisor implements AsyncDisposable {
  readonly changed = new Emitter<McpServerState[]>();
  readonly pinged = new CoalescedChange();
  private readonly servers = new Map<string, SupervisedServer>();
  /** Copies started for the gateway's per-session mode: instance name → the configured server's name. */
  private readonly instances = new Map<string, string>();
  /** The selfcheck running for a server (a replaced server's entry goes with it). */
  private readonly selfchecks = new WeakMap<SupervisedServer, Promise<SelfcheckResult>>();
  private readonly clock: Clock;
  private readonly audit: AuditLog;
  private readonly secrets: SecretMasker;
  private disposed = false;
  private stopping: Promise<void> | undefined;
  private changeQueued = false;
  private baseDir: string;
  // a hard exit (uncaught error, process.exit) cannot await dispose: kill the groups synchronously
  private readonly onProcessExit = () => {
    for (const server of this.servers.values()) server.killNow();
  };

  constructor(private readonly options: McpSupervisorOptions) {
    this.clock = options.clock ?? realClock;
    this.baseDir = options.baseDir;
    this.secrets = options.secrets ?? new SecretMasker();
    this.audit = options.audit ?? createAuditLog(options.logs, this.secrets);
    process.on('exit', this.onProcessExit);
  }

  list(): McpServerState[] {
    return [...this.servers.values()].map((s) => s.snapshot());
  }

  /** The last ping round trip of each ready server that has answered one. */
  pings(): McpPings['pings'] {
    const pings: McpPings['pings'] = {};
    for (const [name, server] of this.servers) if (server.lastPingMs !== undefined) pings[name] = server.lastPingMs;
    return pings;
  }

  get(name: string): McpServerState {
    return this.server(name).snapshot();
  }

  /**
   * Makes the supervised set match the config: new entries are added (and
   * started when autostart), removed ones stopped, changed ones replaced.
   * A new `baseDir` (the app switched to another stack file) replaces them all: their relative paths mean something else now.
   */
  async setServers(configs: Record<string, McpServerConfig>, baseDir = this.baseDir): Promise<void> {
    if (this.disposed) return;
    const moved = baseDir !== this.baseDir;
    this.baseDir = baseDir;
    const work: Promise<unknown>[] = [];
    for (const [name, server] of this.servers) {
      const base = this.instances.get(name);
      // an instance lives while its server's config stays as it was
      const next = base === undefined ? configs[name] : configs[base] && { ...configs[base], autostart: true };
      if (next && !moved && JSON.stringify(next) === JSON.stringify(server.config)) continue;
      this.servers.delete(name);
      this.instances.delete(name);
      work.push(server.disposeAsync());
    }
    // the new set shows at once; a replaced server starts once its old process is gone
    const replaced = Promise.all(work);
    for (const [name, config] of Object.entries(configs)) {
      if (this.servers.has(name)) continue;
      const server = this.createServer(name, config);
      this.servers.set(name, server);
      // autostart runs in the background: a slow server must not hold up the app
      if (config.autostart) void replaced.then(() => (this.servers.get(name) === server && !this.disposed ? server.start() : undefined));
    }
    this.queueChange();
    await replaced;
  }

  /**
   * Starts a copy of a configured server under its own name (the MCP
   * gateway's child for one client session): supervised, logged and shown
   * like the others, outside the stack file's set; it goes when ended, or
   * when its server's config changes or goes.
   */
  async startInstance(name: string, instance: string): Promise<McpServerState> {
    const config = { ...this.server(name).config, autostart: true };
    if (this.servers.has(instance)) throw new SwitchboardError('conflict', `an MCP server named "${instance}" exists already`);
    const server = this.createServer(instance, config);
    this.servers.set(instance, server);
    this.instances.set(instance, name);
    this.queueChange();
    return server.start();
  }

  /** Stops an instance started by startInstance and forgets it. */
  async endInstance(instance: string): Promise<void> {
    const server = this.servers.get(instance);
    if (!server || !this.instances.has(instance)) return;
    this.servers.delete(instance);
    this.instances.delete(instance);
    this.queueChange();
    await server.disposeAsync();
  }

  start(name: string): Promise<McpServerState> {
    this.requested('start', name);
    return this.server(name).start();
  }

  stop(name: string): Promise<McpServerState> {
    this.requested('stop', name);
    return this.server(name).stop();
  }

  async restart(name: string): Promise<McpServerState> {
    const started = performance.now();
    this.requested('restart', name);
    const state = await this.server(name).restart();
    this.audit.action({ action: 'restart', target: sourceId.mcp(name), outcome: 'done', detail: `finished: ${state.status}`, durationMs: performance.now() - started });
    return state;
  }

  /**
   * Runs the server's selfcheck; at most one runs per server at a time. A
   * request while one runs joins it and gets its result: a selfcheck takes no
   * arguments and leaves the server alone, so that run answers the same
   * question, where a conflict error would only send the caller back to
   * spawn another.
   */
  async selfcheck(name: string): Promise<SelfcheckResult> {
    const server = this.server(name);
    const running = this.selfchecks.get(server);
    if (running) {
      this.audit.note(`selfcheck of ${sourceId.mcp(name)} requested while one is running: it gets that run's result`);
      return running;
    }
    this.requested('selfcheck', name);
    const run = this.selfcheckOnce(name, server).finally(() => this.selfchecks.delete(server));
    this.selfchecks.set(server, run);
    return run;
  }

  private async selfcheckOnce(name: string, server: SupervisedServer): Promise<SelfcheckResult> {
    const result = await runSelfcheck(name, server.config, this.baseDir, server.config.initializeTimeout, server.masker);
    const exit = `exit ${result.exitCode ?? result.signal}`;
    // a selfcheck that ran and failed is the server's problem, not Switchboard's: a warning
    this.audit.action(
      result.ok
        ? { action: 'selfcheck', target: sourceId.mcp(name), outcome: 'done', detail: `passed (${exit})`, durationMs: result.durationMs }
        : { action: 'selfcheck', target: sourceId.mcp(name), outcome: 'failed', detail: exit, durationMs: result.durationMs, level: 'warn' },
    );
    return result;
  }

  /** Raw JSON-RPC on a ready server's stdio (the MCP gateway's way in); undefined while it is not ready. */
  wire(name: string): McpWire | undefined {
    return this.servers.get(name)?.session()?.wire();
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
      const message = this.server(name).masker.mask(err instanceof Error ? err.message : String(err));
      const code = /timed out/i.test(message) ? 'timeout' : 'unavailable';
      throw new SwitchboardError(code, `calling ${tool} on ${name} failed: ${message}`);
    }
  }

  /** Stops every server (MCP-spec shutdown of each whole process group) and forgets them; resolves once all are gone. */
  disposeAsync(): Promise<void> {
    this.stopping ??= this.stopAll();
    return this.stopping;
  }

  /** Starts the same stop for an owner that cannot wait; the 'exit' handler kills what is left if the process ends first. */
  dispose(): void {
    void this.disposeAsync();
  }

  private createServer(name: string, config: McpServerConfig): SupervisedServer {
    return new SupervisedServer(name, config, {
      logs: this.options.logs,
      audit: this.audit,
      secrets: this.secrets,
      baseDir: this.baseDir,
      clock: this.clock,
      stopTimings: this.options.stopTimings ?? defaultStopTimings,
      groups: this.options.groups ?? untrackedGroups,
      onChange: () => this.queueChange(),
      onPing: () => this.pinged.schedule(),
      ...(this.options.onTransition ? { onTransition: this.options.onTransition } : {}),
    });
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

  private async stopAll(): Promise<void> {
    this.disposed = true;
    await Promise.all([...this.servers.values()].map((s) => s.disposeAsync()));
    this.servers.clear();
    process.off('exit', this.onProcessExit);
    this.changed.dispose();
    this.pinged.dispose();
  }

  private requested(action: string, name: string): void {
    this.audit.action({ action, target: sourceId.mcp(name), outcome: 'requested' });
  }
}
