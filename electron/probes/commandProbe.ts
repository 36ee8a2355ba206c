import { spawn, type ChildProcess } from 'node:child_process';
import { resolve as resolvePath } from 'node:path';
import type { CommandProbeConfig } from '../base/stackFile/probes.js';
import { elapsedMs, type ProbeResult } from './probeResult.js';

/**
 * Passes when the command exits 0. It runs in its own process group so a
 * timeout kills whatever it started too. Never throws.
 */
export function runCommandProbe(config: CommandProbeConfig, baseDir: string): Promise<ProbeResult> {
  const [program, ...args] = config.command as [string, ...string[]];
  const started = process.hrtime.bigint();
  let child: ChildProcess;
  try {
    child = spawn(program, args, {
      cwd: config.cwd ? resolvePath(baseDir, config.cwd) : baseDir,
      stdio: ['ignore', 'ignore', 'pipe'],
      detached: true,
    });
  } catch (err) {
    // spawn throws, rather than emitting 'error', for arguments it rejects outright (a NUL byte)
    return Promise.resolve({ outcome: 'error', latencyMs: elapsedMs(started), error: `${program}: ${err instanceof Error ? err.message : String(err)}` });
  }
  return new Promise((resolve) => {
    let stderr = '';
    let settled = false;
    const finish = (result: ProbeResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const timer = setTimeout(() => {
      killGroup(child.pid);
      finish({ outcome: 'timeout', latencyMs: config.timeout, error: `${program} still running after ${config.timeout} ms (killed)` });
    }, config.timeout);
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-500);
    });
    child.once('error', (err: NodeJS.ErrnoException) =>
      finish({ outcome: 'error', latencyMs: elapsedMs(started), error: `${program}: ${err.code === 'ENOENT' ? 'command not found' : err.message}` }),
    );
    child.once('close', (code, signal) => {
      const latencyMs = elapsedMs(started);
      if (code === 0) finish({ outcome: 'ok', latencyMs });
      else {
        const tail = stderr.trim().split('\n').pop();
        finish({ outcome: 'fail', latencyMs, error: `${program} exited ${code ?? signal}${tail ? `: ${tail}` : ''}` });
      }
    });
  });
}

function killGroup(pid: number | undefined): void {
  if (!pid) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // already gone
  }
}
