import { ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/**
 * Each server runs as the leader of its own process group, so stopping it
 * takes everything it started: `npx` and its node child, shell pipelines,
 * grandchildren. (The SDK's StdioClientTransport signals only the direct
 * child, which leaves those behind.)
 */
export interface GroupLaunch {
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/**
 * Never throws: spawn rejects some arguments synchronously (a NUL byte, a
 * wrong type), and those come back like ENOENT does, as a child without a pid
 * that emits 'error' then 'close', so every caller has one failure path.
 */
export function spawnInGroup(launch: GroupLaunch): ChildProcess {
  try {
    return spawn(launch.command, launch.args, {
      cwd: launch.cwd,
      env: launch.env,
      stdio: ['pipe', 'pipe', 'pipe'],
      // detached makes the child a process-group leader (setsid) on POSIX
      detached: process.platform !== 'win32',
      windowsHide: true,
    });
  } catch (error) {
    return childThatFailed(error instanceof Error ? error : new Error(String(error)));
  }
}

function childThatFailed(error: Error): ChildProcess {
  const child = new ChildProcess();
  // the same order Node uses for a failed spawn, a tick later so listeners attached after the call hear it
  process.nextTick(() => {
    child.emit('error', error);
    child.emit('close', null, null);
  });
  return child;
}

/** Sends a signal to the whole group; false when the group is already gone. */
export function signalGroup(pid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(process.platform === 'win32' ? pid : -pid, signal);
    return true;
  } catch {
    return false;
  }
}

/** True while any live (non-zombie) process is in the group. */
export function groupAlive(pid: number): boolean {
  if (!signalGroup(pid, 0)) return false;
  // zombies answer kill(0) until their parent reaps them; they cannot run, so they do not count
  return process.platform !== 'linux' || liveMembers(pid) > 0;
}

function liveMembers(pgid: number): number {
  let count = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // fields after the parenthesised command: state ppid pgrp …
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) === pgid && fields[0] !== 'Z') count++;
    } catch {
      // the process ended while we looked
    }
  }
  return count;
}

export interface StopTimings {
  /** How long to wait after closing stdin before SIGTERM. */
  stdinGraceMs: number;
  /** How long to wait after SIGTERM before SIGKILL. */
  termGraceMs: number;
}

export const defaultStopTimings: StopTimings = { stdinGraceMs: 2000, termGraceMs: 2000 };

/**
 * Stops a server the way the MCP spec asks (close stdin, wait, SIGTERM, wait,
 * SIGKILL), applied to the whole group so no orphan survives. Resolves once
 * the leader has exited and the group is empty.
 */
export async function stopGroup(child: ChildProcess, timings: StopTimings = defaultStopTimings): Promise<void> {
  const pid = child.pid;
  if (pid === undefined) return;
  const exited = exitOf(child);
  try {
    child.stdin?.end();
  } catch {
    // stdin may already be closed by a crashed server
  }
  await Promise.race([exited, delay(timings.stdinGraceMs)]);
  if (!groupAlive(pid)) return;
  signalGroup(pid, 'SIGTERM');
  if (await waitGroupGone(pid, timings.termGraceMs)) return;
  signalGroup(pid, 'SIGKILL');
  await waitGroupGone(pid, 2000);
}

/** After the leader exits on its own, its children may still run: end them too. */
export async function reapGroup(pid: number, termGraceMs = 1000): Promise<void> {
  if (!groupAlive(pid)) return;
  signalGroup(pid, 'SIGTERM');
  if (await waitGroupGone(pid, termGraceMs)) return;
  signalGroup(pid, 'SIGKILL');
  await waitGroupGone(pid, 2000);
}

function exitOf(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

async function waitGroupGone(pid: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (!groupAlive(pid)) return true;
    await delay(50);
  }
  return !groupAlive(pid);
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref?.());
}
