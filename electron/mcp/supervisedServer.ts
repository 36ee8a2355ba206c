import type { McpServerConfig } from '../base/stackFile/mcp.js';
import type { McpServerState, McpStatus } from '../../shared/contract/mcp.js';
import { sourceId } from '../../shared/sourceId.js';
import { formatElapsed } from '../../shared/elapsed.js';
import type { Disposable } from '../base/disposable.js';
import type { AuditLog } from '../core/auditLog.js';
import type { LogWriter } from '../core/logWriter.js';
import type { Clock } from './clock.js';
import type { GroupTracker } from './orphanGuard.js';
import { crashedAfterReady, diagnoseStartFailure, exitedCleanly, spawnFailed } from './diagnosis.js';
import { initialServerState } from './initialServerState.js';
import { planLaunch } from './launchPlan.js';
import { PingLoop } from './pingLoop.js';
import type { StopTimings } from './processGroup.js';
import { RestartPolicy } from './restartPolicy.js';
import { ServerRun } from './serverRun.js';
import { StoppingRuns } from './stoppingRuns.js';
import type { SecretMasker } from '../base/secrets/secretMasker.js';

export interface ServerDeps {
  logs: LogWriter;
  audit: AuditLog;
  /** The app's masker; each server adds its own env's secret values to it. */
  secrets: SecretMasker;
  baseDir: string;
  clock: Clock;
  stopTimings: StopTimings;
  /** Told of each process group started and ended, so none outlives Switchboard unnoticed. */
  groups: GroupTracker;
  onChange: () => void;
  /** Told when the last ping time changed or went (kept out of the state: see McpPings). */
  onPing: () => void;
  /** Told of every change of status, after the state is updated (stack events and signals). */
  onTransition?: (from: McpStatus, state: McpServerState) => void;
}

/**
 * One configured MCP server and its state machine:
 * stopped → starting → ready ⇄ degraded; a failure goes to backoff (then
 * starting again), to exited (policy says stay) or to crash-loop (too many
 * failures in the window; stays until a person acts). Every transition is
 * driven from here; the process and the protocol live in ServerRun.
 */
export class SupervisedServer {
  private state: McpServerState;
  private readonly policy: RestartPolicy;
  /** Everything this server shows or logs goes through it: the app's secrets and this server's env secrets. */
  readonly masker: SecretMasker;
  private run: ServerRun | undefined;
  private backoffTimer: Disposable | undefined;
  /** While ready or degraded. */
  private pings: PingLoop | undefined;
  private starting: Promise<McpServerState> | undefined;
  /** Old runs still shutting down (after a Stop, or beside the new run during an overlapped Restart). */
  private readonly stops = new StoppingRuns();
  private disposed = false;
  /** Bumped by every launch and stop, so a slow launch step can tell it was overtaken. */
  private attempt = 0;
  private stderrRefresh: Disposable | undefined;

  constructor(
    readonly name: string,
    readonly config: McpServerConfig,
    private readonly deps: ServerDeps,
  ) {
    this.policy = new RestartPolicy(config);
    this.masker = deps.secrets.withEnv(config.env);
    this.state = initialServerState(name, config, this.masker, deps.clock.now());
  }

  /** The last ping's round trip, while the server is ready and answers pings (a degraded server has none). */
  get lastPingMs(): number | undefined {
    return this.pings?.ms;
  }

  get source(): string {
    return sourceId.mcp(this.name);
  }

  snapshot(): McpServerState {
    // while a process runs, its stderr tail is read live; after it ends, the tail kept at the transition stands
    const stderrTail = this.run ? this.run.tail() : [...this.state.stderrTail];
    return { ...this.state, tools: [...this.state.tools], stderrTail };
  }

  /** The session of a ready (or degraded) server, for tool calls. */
  session() {
    return this.state.status === 'ready' || this.state.status === 'degraded' ? this.run?.session : undefined;
  }

  /** Starts unless already running; from crash-loop or backoff a manual start forgets past failures. */
  async start(): Promise<McpServerState> {
    if (this.starting) return this.starting;
    if (this.state.status === 'ready' || this.state.status === 'degraded') return this.snapshot();
    if (this.stops.any) await this.stops.settled();
    this.cancelTimers();
    this.policy.reset();
    return this.launch();
  }

  async stop(reason = 'stopped by operator'): Promise<McpServerState> {
    const attempt = ++this.attempt;
    this.cancelTimers();
    this.stopCurrentRun();
    // stopped means no process of this server is left, an overlapped Restart's old one included
    await this.stops.settled();
    // a Start or Restart clicked while this stop was waiting has already moved on
    if (attempt !== this.attempt) return this.snapshot();
    this.policy.reset();
    this.setStatus('stopped', reason, { pid: undefined, nextAttemptAt: undefined, failures: 0 });
    return this.snapshot();
  }

  /**
   * Works from every state, crash-loop included, and resets the backoff. The
   * new process starts while the old one shuts down (unless `restartOverlap: false`);
   * resolves once the new run is ready (or failed) and the old one is gone.
   */
  async restart(): Promise<McpServerState> {
    if (!this.config.restartOverlap) {
      await this.stop('restarting');
      return this.start();
    }
    this.cancelTimers();
    this.stopCurrentRun();
    this.policy.reset();
    // the same transitions as a Stop then Start, so timelines and restart counts read as before
    this.setStatus('stopped', 'restarting', { pid: undefined, nextAttemptAt: undefined, failures: 0 });
    await Promise.all([this.launch(), this.stops.settled()]);
    return this.snapshot();
  }

  async disposeAsync(): Promise<void> {
    this.disposed = true;
    await this.stop('Switchboard is shutting down');
  }

  /** Synchronous last resort when the app exits without awaiting dispose. */
  killNow(): void {
    this.run?.killNow();
    this.stops.killNow();
  }

  /** Detaches the current run (its exit is no longer this server's news) and starts its stop. */
  private stopCurrentRun(): void {
    const run = this.run;
    this.run = undefined;
    this.starting = undefined;
    if (run) void this.stops.stop(run, this.deps.stopTimings);
  }

  private launch(): Promise<McpServerState> {
    const attempt = this.launchOnce().finally(() => {
      if (this.starting === attempt) this.starting = undefined;
    });
    this.starting = attempt;
    return attempt;
  }

  private async launchOnce(): Promise<McpServerState> {
    const startedAt = this.deps.clock.now();
    this.setStatus('starting', `launching ${this.state.command}`, {
      nextAttemptAt: undefined,
      exitCode: undefined,
      exitSignal: undefined,
      server: undefined,
      stderrTail: [],
    });
    const attempt = ++this.attempt;
    const plan = await planLaunch(this.config, this.deps.baseDir);
    if (attempt !== this.attempt || this.disposed) return this.snapshot();
    if (!plan.ok) return this.fail(plan.reason, { code: null, signal: null }, 0, true);

    const run = new ServerRun(
      plan.launch,
      this.masker,
      this.deps.logs,
      this.source,
      () => this.onListsChanged(run),
      () => this.stderrArrived(),
      this.config.gateway !== undefined && this.config.gateway !== false,
    );
    this.run = run;
    this.track(run, plan.launch);
    const outcome = await run.initialize(this.config.initializeTimeout, this.deps.stopTimings);
    if (this.run !== run) return this.snapshot(); // stopped or restarted meanwhile
    if (!outcome.ok) {
      this.run = undefined;
      const reason = outcome.spawnError
        ? spawnFailed(this.config.command, outcome.spawnError)
        : diagnoseStartFailure({ ...outcome.facts, initializeTimeoutMs: this.config.initializeTimeout });
      return this.fail(reason, outcome.exit, 0, true, run.tail());
    }
    const info = run.session.info;
    const tookMs = this.deps.clock.now() - startedAt;
    this.setStatus('ready', `initialized in ${formatElapsed(tookMs)}`, { pid: run.pid, server: info, tools: [], resources: [], prompts: [], stderrTail: run.tail() });
    this.system(`${this.source} ready in ${formatElapsed(tookMs)} (${info?.name ?? '?'} ${info?.version ?? ''}, protocol ${info?.protocolVersion ?? '?'})`);
    void run.session.loadLists();
    const readyAt = this.deps.clock.now();
    void run.exited.then((exit) => {
      if (this.run !== run) return;
      this.run = undefined;
      this.cancelTimers();
      const readyForMs = this.deps.clock.now() - readyAt;
      const clean = exit.code === 0 && !exit.signal;
      const reason = clean ? exitedCleanly(readyForMs) : crashedAfterReady(readyForMs, exit, run.tail());
      void this.fail(reason, exit, readyForMs, !clean, run.tail());
    });
    this.pings = new PingLoop(run, this.config, this.deps.clock, {
      pingChanged: () => this.deps.onPing(),
      answered: (ms) => this.answered(ms),
      missed: (error) => this.missed(error),
    });
    return this.snapshot();
  }

  private track(run: ServerRun, launch: { command: string; args: string[] }): void {
    const pgid = run.pid;
    if (pgid === undefined) return;
    const command = [launch.command, ...launch.args.map((a) => this.masker.mask(a))].join(' ');
    this.deps.groups.started({ server: this.name, pgid, command, startedAt: Date.now() });
    void run.groupGone.then(() => this.deps.groups.ended(pgid));
  }

  private fail(reason: string, exit: { code: number | null; signal: string | null }, readyForMs: number, failed: boolean, tail: string[] = []): McpServerState {
    const now = this.deps.clock.now();
    const decision = this.policy.onExit({ now, failed, readyForMs });
    const extra = { pid: undefined, exitCode: exit.code, exitSignal: exit.signal, failures: decision.failures, stderrTail: tail };
    const masked = this.masker.mask(reason);
    if (decision.action === 'stay' || this.disposed) {
      this.setStatus('exited', masked, extra);
      this.system(`${this.source} ${masked}`, failed ? 'error' : 'info');
    } else if (decision.action === 'crash-loop') {
      const window = formatElapsed(this.config.crashLoop.window);
      const failures = `${decision.failures} ${decision.failures === 1 ? 'failure' : 'failures'}`;
      this.setStatus('crash-loop', `gave up after ${failures} in ${window}: ${masked}`, extra);
      this.system(`${this.source} is crash-looping (${failures} in ${window}); press Restart after fixing: ${masked}`, 'error');
    } else {
      this.setStatus('backoff', masked, { ...extra, nextAttemptAt: now + decision.delayMs });
      this.system(`${this.source} ${masked} — next attempt in ${formatElapsed(decision.delayMs)}`, 'warn');
      this.backoffTimer = this.deps.clock.after(decision.delayMs, () => {
        this.backoffTimer = undefined;
        if (this.state.status === 'backoff') void this.launch();
      });
    }
    return this.snapshot();
  }

  private answered(ms: number): void {
    if (this.state.status !== 'degraded') return;
    this.setStatus('ready', 'answering pings again');
    this.system(`${this.source} answers pings again (${ms.toFixed(0)} ms)`);
  }

  private missed(error: unknown): void {
    if (this.state.status !== 'ready') return;
    const message = error instanceof Error ? error.message : String(error);
    const reason = /timed out|timeout/i.test(message)
      ? `no answer to ping within ${formatElapsed(this.config.pingTimeout)} — the server is running but not responding`
      : `ping failed: ${this.masker.mask(message)}`;
    this.setStatus('degraded', reason);
    this.system(`${this.source} ${reason}`, 'warn');
  }

  /** New stderr lines refresh the shown tail at most once a second, however fast a server writes. */
  private stderrArrived(): void {
    if (this.stderrRefresh) return;
    this.stderrRefresh = this.deps.clock.after(1000, () => {
      this.stderrRefresh = undefined;
      if (!this.disposed) this.deps.onChange();
    });
  }

  private onListsChanged(run: ServerRun): void {
    if (this.run !== run || this.state.status === 'starting') return;
    Object.assign(this.state, run.session.lists);
    this.deps.onChange();
  }

  /** Every caller sets a new status right after, which shows the stderr tail too: its pending refresh goes with the rest. */
  private cancelTimers(): void {
    this.backoffTimer?.dispose();
    this.backoffTimer = undefined;
    this.endPings();
    this.dropStderrRefresh();
  }

  private dropStderrRefresh(): void {
    this.stderrRefresh?.dispose();
    this.stderrRefresh = undefined;
  }

  private setStatus(status: McpStatus, reason: string, extra: Partial<McpServerState> = {}): void {
    const from = this.state.status;
    // the state sent with the new status shows the stderr tail as it is now: a refresh still pending
    // (a line written during initialize, before Ready) would only re-send the same state a second later
    this.dropStderrRefresh();
    Object.assign(this.state, extra, { status, reason, since: this.deps.clock.now() });
    if (status !== 'backoff') this.state.nextAttemptAt = undefined;
    if (status !== 'ready' && status !== 'degraded') this.endPings();
    this.deps.onChange();
    this.deps.onTransition?.(from, this.state);
  }

  /** The run's ready life is over: its pings stop, and its ping time goes. */
  private endPings(): void {
    const hadTime = this.pings?.ms !== undefined;
    this.pings?.dispose();
    this.pings = undefined;
    if (hadTime) this.deps.onPing();
  }

  private system(text: string, level: 'info' | 'warn' | 'error' = 'info'): void {
    this.deps.audit.note(text, level);
  }
}

