import { spawn } from 'node:child_process';
import type { AsyncDisposable } from '../base/disposable.js';

export interface ToolRun {
  code: number;
  stdout: string;
  stderr: string;
  /** The run was stopped by `cancel()`. */
  cancelled: boolean;
}

export interface RunOptions {
  env: NodeJS.ProcessEnv;
  cwd?: string;
  timeoutMs?: number;
  /** Each line as it arrives; compose's progress redraws (carriage returns) count as lines. */
  onLine?: (stream: 'stdout' | 'stderr', text: string) => void;
}

/** A running tool: its result, and a way to stop it the way Ctrl-C would (then harder). */
export interface RunningTool extends AsyncDisposable {
  readonly done: Promise<ToolRun>;
  cancel(): void;
}

const keptBytes = 256 * 1024;
const killAfterMs = 10_000;

/**
 * Starts a command in its own process group, so a cancel reaches what it
 * started too (compose v1 forks, v2 runs plugins). Never rejects: a missing
 * binary answers code 127, like a shell.
 */
export function startTool(executable: string, args: string[], options: RunOptions): RunningTool {
  const child = spawn(executable, args, { env: options.env, cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let stdout = '';
  let stderr = '';
  let cancelled = false;
  let killTimer: NodeJS.Timeout | undefined;
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      if (child.pid) process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
  };
  const reader = (stream: 'stdout' | 'stderr') => {
    let partial = '';
    return (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      if (stream === 'stdout') stdout = (stdout + text).slice(-keptBytes);
      else stderr = (stderr + text).slice(-keptBytes);
      if (!options.onLine) return;
      const parts = (partial + text).split(/\r\n|\n|\r/);
      partial = parts.pop() ?? '';
      for (const line of parts) if (line.trim()) options.onLine(stream, line);
    };
  };
  child.stdout.on('data', reader('stdout'));
  child.stderr.on('data', reader('stderr'));
  const timeout = options.timeoutMs ? setTimeout(() => run.cancel(), options.timeoutMs) : undefined;
  const done = new Promise<ToolRun>((resolve) => {
    child.on('error', (err) => resolve({ code: 127, stdout, stderr: stderr || err.message, cancelled }));
    child.on('close', (code, signal) => {
      clearTimeout(timeout);
      clearTimeout(killTimer);
      resolve({ code: code ?? (signal ? 128 : 1), stdout, stderr, cancelled });
    });
  });
  const run: RunningTool = {
    done,
    cancel() {
      if (child.exitCode !== null || cancelled) return;
      cancelled = true;
      signalGroup('SIGINT');
      killTimer = setTimeout(() => signalGroup('SIGKILL'), killAfterMs);
    },
    dispose() {
      run.cancel();
    },
    async disposeAsync() {
      run.cancel();
      await done;
    },
  };
  return run;
}

/** Runs a command to its end and answers its output. */
export function runToEnd(executable: string, args: string[], options: RunOptions): Promise<ToolRun> {
  return startTool(executable, args, options).done;
}
