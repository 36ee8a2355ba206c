import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { docker } from './dockerCli.js';
import { freezeProcess } from '../processTable.js';
import { waitFor } from '../waitFor.js';

/**
 * A second, private dockerd on its own socket and data root, so a test can stop
 * and start "the engine" without touching the one other engineers' tests use.
 */
export class SecondEngine {
  readonly dir = mkdtempSync(join(tmpdir(), 'sbtest-docker-'));
  readonly socket = join(this.dir, 'docker.sock');
  readonly host = `unix://${this.socket}`;
  private child: ChildProcess | undefined;
  private dyingContainerd: number | undefined;

  async start(): Promise<void> {
    this.launch();
    await this.explainFailure(
      waitFor('the second dockerd to answer', () => docker(['version', '--format', '{{.Server.Version}}'], { host: this.host, timeoutMs: 5000 }), 60_000, 200),
    );
  }

  /** `waiting`, or its error followed by whether dockerd still runs and the end of its log: why it does not answer. */
  async explainFailure<T>(waiting: Promise<T>): Promise<T> {
    try {
      return await waiting;
    } catch (error) {
      const child = this.child;
      const state = !child ? 'not launched' : child.exitCode !== null || child.signalCode !== null ? `exited (${child.exitCode ?? child.signalCode})` : `running as pid ${child.pid}`;
      throw new Error(`${(error as Error).message}; dockerd ${state}; its log ends:\n${this.logTail()}`, { cause: error });
    }
  }

  /** Starts dockerd without waiting for it, for a test that times the moment it answers itself. */
  launch(): void {
    if (this.dyingContainerd !== undefined) throw new Error('SecondEngine.launch after kill: await containerdReaped() first, or the new dockerd takes the dying containerd for a live one');
    const log = join(this.dir, 'dockerd.log');
    this.child = spawn(
      'sh',
      [
        '-c',
        `exec dockerd --host ${this.host} --data-root ${this.dir}/root --exec-root ${this.dir}/exec --pidfile ${this.dir}/docker.pid --bridge=none --iptables=false --storage-driver=overlay2 >>${log} 2>&1`,
      ],
      { stdio: 'ignore' },
    );
  }

  /** Kills dockerd outright (SIGKILL), as a crash or the OOM killer would, and waits until it is gone. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    this.dyingContainerd = this.containerdPid();
    child.kill('SIGKILL');
    await exited;
    this.child = undefined;
  }

  /** After `kill`: waits until dockerd's own containerd has left the process table, so `launch` can start a fresh one. */
  async containerdReaped(): Promise<void> {
    await this.containerdGone(this.dyingContainerd);
    this.dyingContainerd = undefined;
  }

  /** The pid of the containerd this dockerd launched for itself, from its pid file. */
  private containerdPid(): number | undefined {
    const file = join(this.dir, 'exec/containerd/containerd.pid');
    const pid = existsSync(file) ? Number(readFileSync(file, 'utf8').trim()) : NaN;
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  }

  /**
   * Waits until dockerd's own containerd has died and been reaped. It dies with
   * dockerd (parent-death signal) but only leaves the process table once init
   * reaps it; a dockerd launched before then takes it for a live containerd
   * ("containerd is still running"), dials its dead socket and exits with
   * "timeout waiting for containerd to start". A service manager restarting
   * dockerd waits for its whole group in the same way.
   */
  private async containerdGone(pid: number | undefined): Promise<void> {
    if (pid === undefined) return;
    const alive = () => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    await waitFor(`dockerd's containerd (pid ${pid}) to be gone`, () => !alive(), 30_000, 20);
  }

  /** Freezes dockerd (SIGSTOP): its sockets stay open but nothing answers, like a hung engine. */
  async freeze(): Promise<void> {
    if (this.child?.pid) await freezeProcess(this.child.pid);
  }

  thaw(): void {
    if (this.child?.pid) process.kill(this.child.pid, 'SIGCONT');
  }

  /** Stops dockerd the way a service manager does (SIGTERM) and waits until it is gone. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGCONT');
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 30_000))]);
    if (child.exitCode === null && child.signalCode === null) {
      const containerd = this.containerdPid();
      child.kill('SIGKILL');
      await exited;
      await this.containerdGone(containerd);
    }
    this.child = undefined;
  }

  logTail(): string {
    const log = join(this.dir, 'dockerd.log');
    return existsSync(log) ? readFileSync(log, 'utf8').split('\n').slice(-20).join('\n') : '';
  }

  async dispose(): Promise<void> {
    if (this.child) {
      await docker(['rm', '-f', ...(await docker(['ps', '-aq'], { host: this.host }).catch(() => '')).split('\n').filter(Boolean)], { host: this.host }).catch(() => undefined);
    }
    await this.stop();
    // dockerd leaves its netns bind mount behind; unmount what is under our folder before removing it.
    const mounts = readFileSync('/proc/mounts', 'utf8')
      .split('\n')
      .map((l) => l.split(' ')[1] ?? '')
      .filter((m) => m.startsWith(this.dir))
      .reverse();
    for (const m of mounts) spawnSync('umount', ['-l', m]);
    rmSync(this.dir, { recursive: true, force: true });
  }
}
