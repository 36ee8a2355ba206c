import { spawn, type ChildProcess } from 'node:child_process';
import type { Socket } from 'node:net';
import path from 'node:path';
import type { Disposable } from '../base/disposable.js';
import { appRoot, unpackedPath } from '../base/appRoot.js';

export interface WatchdogTimings {
  /** After Switchboard is gone, how long servers get to exit on their closed stdin before SIGTERM. */
  stdinGraceMs: number;
  /** Then how long before SIGKILL. */
  termGraceMs: number;
}

/** Shorter than a stop's 2 s + 2 s: nobody waits on a dead Switchboard, and ports held meanwhile block its next start. Worst case 2.5 s to the last SIGKILL. */
export const defaultWatchdogTimings: WatchdogTimings = { stdinGraceMs: 1000, termGraceMs: 1500 };

export interface WatchdogEvents {
  /** A watchdog process started (pid), to be recorded with the run. */
  started(pid: number): void;
  /** It could not start, or died while Switchboard runs (and was started again). */
  trouble(text: string): void;
}

/** The script, shipped as a file (electron-builder.yml unpacks it from the asar): POSIX sh, since the packaged app's RunAsNode fuse is off. */
const watchdogScript = 'electron/mcp/switchboard-mcp-watchdog.sh';
const respawnAfterMs = 5000;

/**
 * Takes the MCP servers with Switchboard when Switchboard dies without
 * stopping them (SIGKILL, a native crash), which no exit hook can do. A small
 * shell process, started with the first server, holds a pipe from us and is
 * told each process group we start and end; when the pipe ends it ends every
 * group still running (see switchboard-mcp-watchdog.sh). Detached, so a signal to
 * Switchboard's own process group does not take it first. Idle, it is a
 * blocked read: no timers, no CPU.
 */
export class OrphanWatchdog implements Disposable {
  private child: ChildProcess | undefined;
  private readonly groups = new Set<number>();
  private disposed = false;
  private startedAt = 0;
  private gaveUp = false;

  constructor(
    private readonly events: WatchdogEvents,
    private readonly timings: WatchdogTimings = defaultWatchdogTimings,
  ) {}

  watch(pgid: number): void {
    this.groups.add(pgid);
    if (this.child) this.send(`+${pgid}`);
    else this.start(); // a new watchdog is told every group
  }

  unwatch(pgid: number): void {
    if (this.groups.delete(pgid)) this.send(`-${pgid}`);
  }

  /** Ends the pipe: the watchdog ends any group still listed (none, after a clean stop) and exits. */
  dispose(): void {
    this.disposed = true;
    this.child?.stdin?.end();
    this.child = undefined;
  }

  private start(): void {
    if (this.disposed || this.gaveUp || process.platform === 'win32') return;
    let child: ChildProcess;
    try {
      const tenths = (ms: number) => String(Math.max(1, Math.round(ms / 100)));
      child = spawn('/bin/sh', [unpackedPath(path.join(appRoot(), watchdogScript)), tenths(this.timings.stdinGraceMs), tenths(this.timings.termGraceMs)], {
        // its own session: Ctrl-C or a kill of Switchboard's process group does not reach it
        detached: true,
        stdio: ['pipe', 'ignore', 'ignore'],
        cwd: path.parse(process.cwd()).root,
      });
    } catch (err) {
      this.giveUp(`could not start: ${err instanceof Error ? err.message : String(err)}`);
      return;
    }
    if (child.pid === undefined) {
      this.gaveUp = true;
      child.once('error', (err) => this.events.trouble(`could not start: ${err.message}; MCP servers will outlive a crash of Switchboard`));
      return;
    }
    this.child = child;
    this.startedAt = Date.now();
    // it must not keep Switchboard running, nor take Switchboard down with an EPIPE
    child.unref();
    (child.stdin as Socket).unref();
    child.stdin?.on('error', () => {});
    child.once('exit', (code, signal) => this.exited(child, code, signal));
    this.events.started(child.pid);
    for (const pgid of this.groups) this.send(`+${pgid}`);
  }

  private exited(child: ChildProcess, code: number | null, signal: NodeJS.Signals | null): void {
    if (this.child !== child || this.disposed) return;
    this.child = undefined;
    const how = signal ? `was killed (${signal})` : `exited (code ${code})`;
    if (Date.now() - this.startedAt < respawnAfterMs) {
      this.giveUp(`${how} right after starting; MCP servers will outlive a crash of Switchboard`);
      return;
    }
    this.events.trouble(`${how}; starting a new one`);
    this.start();
  }

  private giveUp(text: string): void {
    this.gaveUp = true;
    this.events.trouble(text);
  }

  private send(line: string): void {
    this.child?.stdin?.write(`${line}\n`);
  }
}
