// Child processes for the test tooling: plain Node, no dependencies, because
// this runs before `npm ci` has been trusted to have installed anything.
import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/**
 * Runs a command to completion and captures its output. Never rejects: a
 * missing binary answers code 127 and a timeout answers code 124, like a shell.
 * @param {string} command
 * @param {string[]} args
 * @param {{ timeoutMs?: number, env?: NodeJS.ProcessEnv, cwd?: string }} [options]
 * @returns {Promise<{ code: number, stdout: string, stderr: string }>}
 */
export function capture(command, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: options.env ?? process.env,
      cwd: options.cwd,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = options.timeoutMs
      ? setTimeout(() => {
          child.kill('SIGKILL');
          resolve({ code: 124, stdout, stderr: stderr + `\n(timed out after ${options.timeoutMs} ms)` });
        }, options.timeoutMs)
      : undefined;
    child.on('error', (err) => {
      clearTimeout(timer);
      resolve({ code: 127, stdout, stderr: String(err.message) });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code: code ?? (signal ? 128 : 1), stdout, stderr });
    });
  });
}

/**
 * Runs a command with its output shown live (and kept, with keepStdout). The
 * child gets its own process group so a timeout or Ctrl-C takes everything it
 * started with it.
 * @param {string} command
 * @param {string[]} args
 * @param {{ timeoutMs?: number, env?: NodeJS.ProcessEnv, cwd?: string, keepStdout?: boolean }} [options]
 * @returns {Promise<{ code: number, timedOut: boolean, stdout: string }>}
 */
export function stream(command, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      stdio: ['ignore', options.keepStdout ? 'pipe' : 'inherit', 'inherit'],
      env: options.env ?? process.env,
      cwd: options.cwd,
      detached: process.platform !== 'win32',
    });
    let stdout = '';
    child.stdout?.on('data', (d) => {
      process.stdout.write(d);
      stdout += d;
    });
    let timedOut = false;
    const killGroup = (signal) => {
      try {
        if (child.pid) process.kill(process.platform === 'win32' ? child.pid : -child.pid, signal);
      } catch {
        // already gone
      }
    };
    const forward = (signal) => killGroup(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    const timer = options.timeoutMs
      ? setTimeout(() => {
          timedOut = true;
          killGroup('SIGTERM');
          setTimeout(() => killGroup('SIGKILL'), 10_000).unref();
        }, options.timeoutMs)
      : undefined;
    const done = (code) => {
      clearTimeout(timer);
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve({ code, timedOut, stdout });
    };
    child.on('error', () => done(127));
    child.on('close', (code, signal) => done(code ?? (signal ? 128 : 1)));
  });
}

/** Full path of an executable on PATH, or undefined. */
export function which(name) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** "1.2 s" — how every step reports its duration. */
export function seconds(sinceMs) {
  return `${((Date.now() - sinceMs) / 1000).toFixed(1)} s`;
}
