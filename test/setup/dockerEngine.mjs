// Makes sure a Docker engine answers. On CI nothing runs yet, so we start
// dockerd ourselves, detached, and leave it running for later steps and runs.
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { capture, sleep, which } from './exec.mjs';

export const dockerdLogPath = join(tmpdir(), 'switchboard-dockerd.log');
const answerTimeoutMs = 60_000;

/** @returns {Promise<{ ok: true, version: string, driver: string } | { ok: false, error: string }>} */
export async function engineAnswers() {
  const r = await capture('docker', ['info', '--format', '{{.ServerVersion}} {{.Driver}}'], { timeoutMs: 15_000 });
  const [version = '', driver = ''] = r.stdout.trim().split(' ');
  if (r.code === 0 && version) return { ok: true, version, driver };
  return { ok: false, error: (r.stderr || r.stdout).trim().split('\n').pop() || `docker info exited ${r.code}` };
}

/** Whether we may start a daemon: only for the default local socket, never for a remote DOCKER_HOST. */
export function engineIsLocalDefault() {
  const host = process.env.DOCKER_HOST;
  return !host || host === 'unix:///var/run/docker.sock';
}

export function dockerdBinary() {
  return which('dockerd') ?? ['/usr/sbin/dockerd', '/usr/bin/dockerd'].find((p) => existsSync(p));
}

/** A dockerd that is already running but not answering yet (e.g. still starting). */
export function runningDockerdPid() {
  if (!existsSync('/proc')) return undefined;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === 'dockerd') return Number(entry);
    } catch {
      // exited while we looked
    }
  }
  return undefined;
}

/**
 * Starts dockerd with overlay2, falling back to vfs (overlay2 does not work on
 * every CI filesystem). Resolves with what happened, one line for the log.
 * @returns {Promise<{ ok: boolean, detail: string }>}
 */
export async function startEngine() {
  const existing = runningDockerdPid();
  if (existing) {
    const answered = await waitForAnswer(undefined, answerTimeoutMs);
    return answered.ok
      ? { ok: true, detail: `dockerd (pid ${existing}) was already starting; it answers (${answered.version}, ${answered.driver})` }
      : { ok: false, detail: `dockerd (pid ${existing}) is running but does not answer: ${answered.error}. Stop it or fix it, then run again.` };
  }
  const binary = dockerdBinary();
  if (!binary) return { ok: false, detail: 'dockerd not found (Debian package docker.io)' };
  const failures = [];
  for (const driver of ['overlay2', 'vfs']) {
    const child = launch(binary, driver);
    const answered = await waitForAnswer(child, answerTimeoutMs);
    if (answered.ok) {
      const note = failures.length ? ` after ${failures.join('; ')}` : '';
      return { ok: true, detail: `started dockerd (pid ${child.pid}, storage driver ${driver}${note}; log ${dockerdLogPath})` };
    }
    failures.push(`${driver} failed: ${answered.error}`);
    await stopOurDaemon(child);
  }
  return { ok: false, detail: `could not start dockerd — ${failures.join('; ')}. Log: ${dockerdLogPath}\n    ${logTail()}` };
}

function launch(binary, driver) {
  const log = openSync(dockerdLogPath, 'a');
  const child = spawn(binary, [`--storage-driver=${driver}`, '--bridge=none', '--iptables=false'], {
    detached: true,
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  child.on('error', () => {}); // reported through waitForAnswer (exitCode stays null, pid undefined)
  child.unref();
  return child;
}

/** Polls `docker info` until it answers, the daemon we started exits, or time runs out. */
async function waitForAnswer(child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let last = { ok: false, error: 'no answer yet' };
  while (Date.now() < deadline) {
    if (child && (child.exitCode !== null || child.pid === undefined)) {
      return { ok: false, error: `dockerd exited (${child.exitCode ?? 'did not start'}): ${lastLogLine()}` };
    }
    last = await engineAnswers();
    if (last.ok) return last;
    await sleep(1000);
  }
  return { ok: false, error: `no answer within ${timeoutMs / 1000} s (${last.error}); ${lastLogLine()}` };
}

async function stopOurDaemon(child) {
  if (child.pid === undefined || child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const graceful = await Promise.race([exited.then(() => true), sleep(15_000).then(() => false)]);
  if (!graceful) child.kill('SIGKILL');
}

function logTail() {
  try {
    return readFileSync(dockerdLogPath, 'utf8').trim().split('\n').slice(-5).join('\n    ');
  } catch {
    return '(no log)';
  }
}

function lastLogLine() {
  return logTail().split('\n').pop()?.trim() ?? '';
}
