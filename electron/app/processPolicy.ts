import { inspect } from 'node:util';
import type { Disposable } from '../base/disposable.js';
import type { LogWriter } from '../core/logWriter.js';
import type { LogInput } from '../../shared/contract/logs.js';

/** What the policy needs of a running Switchboard: its log hub and a way to stop what it started. */
export interface PolicyTarget {
  logs: LogWriter;
  shutdown(): Promise<void>;
}

export interface ProcessPolicyOptions {
  /** How the process ends after an exception storm; Electron passes app.exit. */
  exit?: (code: number) => void;
  stderr?: (text: string) => void;
  now?: () => number;
  /** This many uncaught exceptions within `stormWindowMs` means the state can no longer be trusted. */
  stormCount?: number;
  stormWindowMs?: number;
  /** The longest an orderly stop may take before the process exits anyway. */
  shutdownTimeoutMs?: number;
}

type Fault = 'unhandled promise rejection' | 'uncaught exception';

/** EX_SOFTWARE: an internal error, so a supervisor (systemd, a shell loop) knows it was no clean quit. */
const stormExitCode = 70;

/**
 * What happens to an error nobody caught, in browser mode and in the Electron
 * main alike. Dying on the first one would orphan every MCP server (each runs
 * detached in its own process group) and drop every client over one bad
 * request or timer, so each is logged with its stack (log hub and stderr) and
 * Switchboard keeps serving. An exception that keeps coming is a loop over
 * broken state: then it stops every server it started and exits, saying why.
 */
export class ProcessPolicy implements Disposable {
  private readonly exit: (code: number) => void;
  private readonly stderr: (text: string) => void;
  private readonly now: () => number;
  private readonly stormCount: number;
  private readonly stormWindowMs: number;
  private readonly shutdownTimeoutMs: number;
  private target: PolicyTarget | undefined;
  /** Lines from before the hub existed; they reach it on attach. */
  private early: LogInput[] = [];
  private exceptionTimes: number[] = [];
  private stopping = false;
  private readonly onRejection = (reason: unknown) => this.handle('unhandled promise rejection', reason);
  private readonly onException = (error: unknown) => this.handle('uncaught exception', error);

  constructor(options: ProcessPolicyOptions = {}) {
    this.exit = options.exit ?? ((code) => process.exit(code));
    this.stderr = options.stderr ?? ((text) => void process.stderr.write(text));
    this.now = options.now ?? Date.now;
    this.stormCount = options.stormCount ?? 5;
    this.stormWindowMs = options.stormWindowMs ?? 60_000;
    this.shutdownTimeoutMs = options.shutdownTimeoutMs ?? 20_000;
  }

  install(): this {
    process.on('unhandledRejection', this.onRejection);
    process.on('uncaughtException', this.onException);
    return this;
  }

  /** From now on errors also reach the log hub, and a storm stops `target` before exiting. */
  attach(target: PolicyTarget): void {
    this.target = target;
    for (const line of this.early.splice(0)) this.toHub(line);
  }

  /** What the process handlers call. */
  handle(fault: Fault, error: unknown): void {
    this.report(fault, error);
    if (fault === 'uncaught exception') this.countException();
  }

  /** An error that was caught but has nobody to tell (e.g. a request that failed): logged the same way, never fatal. */
  report(what: string, error: unknown): void {
    const text = `${what}: ${describe(error)}`;
    this.stderr(`Switchboard: ${text}\n`);
    const line: LogInput = { source: 'switchboard', stream: 'system', level: 'error', text };
    if (this.target) this.toHub(line);
    else this.early.push(line);
  }

  dispose(): void {
    process.off('unhandledRejection', this.onRejection);
    process.off('uncaughtException', this.onException);
  }

  private countException(): void {
    const now = this.now();
    this.exceptionTimes = [...this.exceptionTimes.filter((at) => now - at < this.stormWindowMs), now];
    if (this.exceptionTimes.length < this.stormCount || this.stopping) return;
    this.stopping = true;
    const seconds = Math.round(this.stormWindowMs / 1000);
    const text = `${this.exceptionTimes.length} uncaught exceptions in ${seconds} s: stopping Switchboard and the servers it started — its state can no longer be trusted`;
    this.stderr(`Switchboard: ${text}\n`);
    this.toHub({ source: 'switchboard', stream: 'system', level: 'fatal', text });
    void this.stopThenExit();
  }

  private async stopThenExit(): Promise<void> {
    const force = setTimeout(() => this.exit(stormExitCode), this.shutdownTimeoutMs);
    try {
      await this.target?.shutdown();
    } catch (error) {
      this.stderr(`Switchboard: stopping failed: ${describe(error)}\n`);
    }
    clearTimeout(force);
    this.exit(stormExitCode);
  }

  private toHub(line: LogInput): void {
    try {
      this.target?.logs.write(line);
    } catch (error) {
      // The hub itself failing must not recurse into this policy.
      this.stderr(`Switchboard: could not log to the hub: ${describe(error)}\n`);
    }
  }
}

let installed: ProcessPolicy | undefined;

/** Installs the policy once per process (browser mode and the Electron main call this; a second call gets the same one). */
export function installProcessPolicy(options: ProcessPolicyOptions = {}): ProcessPolicy {
  installed ??= new ProcessPolicy(options).install();
  return installed;
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  return inspect(error, { depth: 3, breakLength: Infinity });
}
