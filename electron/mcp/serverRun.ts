import type { ChildProcess } from 'node:child_process';
import type { LogWriter } from '../core/logWriter.js';
import { ChildStdioTransport } from './childStdioTransport.js';
import type { ExitInfo, StartFacts } from './diagnosis.js';
import { groupAlive, reapGroup, signalGroup, spawnInGroup, stopGroup, type GroupLaunch, type StopTimings } from './processGroup.js';
import type { SecretMasker } from '../base/secrets/secretMasker.js';
import { ServerSession } from './serverSession.js';
import { StderrLines } from './stderrLines.js';

export type InitializeOutcome =
  | { ok: true }
  | { ok: false; spawnError?: unknown; exit: ExitInfo; facts: Omit<StartFacts, 'initializeTimeoutMs'> };

/** How long to wait for the exit code after the protocol saw the connection close. */
const exitSettleMs = 2000;

/**
 * One incarnation of a server: its process group, stderr capture, stdio
 * transport and client session. Created per start; gone when it exits.
 */
export class ServerRun {
  readonly child: ChildProcess;
  readonly session: ServerSession;
  /** Resolves when the process has exited and its output is drained. */
  readonly exited: Promise<ExitInfo>;
  /** Resolves once the whole process group is gone; stays pending for a group that outlives SIGKILL. */
  readonly groupGone: Promise<void>;
  hasExited = false;
  private markGroupGone!: () => void;
  private readonly stderr: StderrLines | undefined;
  private nonProtocolLine: string | undefined;
  private spawnError: unknown;
  private stopRequested = false;

  constructor(
    launch: GroupLaunch,
    private readonly masker: SecretMasker,
    logs: LogWriter,
    source: string,
    onListsChanged: () => void,
    onStderr: () => void = () => {},
    gatewayed = false,
  ) {
    this.child = spawnInGroup(launch);
    this.groupGone = new Promise((resolve) => (this.markGroupGone = resolve));
    this.exited = new Promise((resolve) => {
      const done = (exit: ExitInfo) => {
        if (this.hasExited) return;
        this.hasExited = true;
        this.stderr?.dispose();
        // the leader is gone; children it left in the group (npx's node, a pipeline) go too
        if (this.child.pid === undefined) this.markGroupGone();
        else if (!this.stopRequested) void reapGroup(this.child.pid).then(() => this.checkGroupGone());
        resolve(exit);
      };
      this.child.once('close', (code, signal) => done({ code, signal }));
      this.child.once('error', (error) => {
        if (this.child.pid === undefined) {
          this.spawnError = error;
          done({ code: null, signal: null });
        }
      });
    });
    this.stderr = this.child.stderr
      ? new StderrLines(this.child.stderr, (lines, block) => {
          // Masked as one block per pipe read and written as one: the hub splits it into lines (LogInput takes several).
          logs.write({ source, stream: 'stderr', text: masker.maskBlock(lines, block) });
          onStderr();
        })
      : undefined;
    const transport = new ChildStdioTransport(this.child, (line) => {
      this.nonProtocolLine ??= masker.mask(line);
      logs.write({ source, stream: 'stdout', level: 'warn', text: masker.mask(line) });
    });
    this.session = new ServerSession(transport, onListsChanged, gatewayed);
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** The last stderr lines, secrets masked. */
  tail(): string[] {
    return (this.stderr?.tail() ?? []).map((line) => this.masker.mask(line));
  }

  async initialize(timeoutMs: number, stopTimings: StopTimings): Promise<InitializeOutcome> {
    try {
      // a failed spawn emits no 'exit', so the protocol would wait for the whole timeout
      const spawnFailed = this.exited.then(() => {
        if (this.spawnError !== undefined) throw this.spawnError;
        return new Promise<never>(() => {});
      });
      await Promise.race([this.session.initialize(timeoutMs), spawnFailed]);
      return { ok: true };
    } catch (error) {
      if (this.spawnError !== undefined || this.child.pid === undefined) {
        await this.session.close(); // ends the initialize request still waiting for its timeout
        const exit = await this.exited;
        return { ok: false, spawnError: this.spawnError ?? error, exit, facts: this.facts(error, false) };
      }
      const timedOut = isTimeout(error);
      // "connection closed" arrives a moment before the exit code does
      const exitedOnItsOwn = this.hasExited || (isConnectionClosed(error) && (await settles(this.exited, exitSettleMs)));
      if (exitedOnItsOwn) {
        const exit = await this.exited;
        return { ok: false, exit, facts: { ...this.facts(error, false), exit } };
      }
      await this.stop(stopTimings);
      const exit = await this.exited;
      return { ok: false, exit, facts: this.facts(error, timedOut) };
    }
  }

  /** MCP-spec shutdown of the whole group: close stdin, wait, SIGTERM, wait, SIGKILL. */
  async stop(timings: StopTimings): Promise<void> {
    this.stopRequested = true;
    await this.session.close();
    await stopGroup(this.child, timings);
    if (this.child.pid !== undefined) await settles(this.exited, exitSettleMs);
    this.checkGroupGone();
  }

  killNow(): void {
    if (this.child.pid !== undefined) signalGroup(this.child.pid, 'SIGKILL');
  }

  private checkGroupGone(): void {
    if (this.child.pid === undefined || !groupAlive(this.child.pid)) this.markGroupGone();
  }

  private facts(error: unknown, timedOut: boolean): Omit<StartFacts, 'initializeTimeoutMs'> {
    return { error, timedOut, nonProtocolLine: this.nonProtocolLine, stderrTail: this.tail() };
  }
}

function isTimeout(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  // -32001 is the SDK's RequestTimeout error code
  return code === -32001 || /timed out/i.test(error instanceof Error ? error.message : String(error));
}

function isConnectionClosed(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  // -32000 is the SDK's ConnectionClosed error code
  return code === -32000 || /connection closed/i.test(error instanceof Error ? error.message : String(error));
}

function settles(promise: Promise<unknown>, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    void promise.then(() => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}
