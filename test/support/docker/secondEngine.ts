import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { docker } from './dockerCli.js';
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
    child.kill('SIGKILL');
    await exited;
    this.child = undefined;
  }

  /** Freezes dockerd (SIGSTOP): its sockets stay open but nothing answers, like a hung engine. */
  freeze(): void {
    if (this.child?.pid) process.kill(this.child.pid, 'SIGSTOP');
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
      child.kill('SIGKILL');
      await exited;
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
