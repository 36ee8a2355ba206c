import { spawn } from 'node:child_process';
import { SwitchboardError } from '../../../shared/errors.js';

/** How a script's process ended: it could not start, or it exited. */
export type ScriptEnding = { startError: string } | { code: number | null; signal: string | null };

/** A Node script running in its own process, as the demo backend needs it: its output, its end, a way to stop it. */
export interface ScriptProcess {
  readonly pid: number | undefined;
  readonly stdout: NodeJS.ReadableStream | null;
  readonly stderr: NodeJS.ReadableStream | null;
  /** Called once, when it has ended (at once if it already has). */
  onEnd(listener: (ending: ScriptEnding) => void): void;
  /** Asks it to stop; `force` kills it where the runtime allows that. */
  stop(force?: boolean): void;
}

export interface ScriptLaunch {
  script: string;
  execArgv: string[];
  env: NodeJS.ProcessEnv;
}

/**
 * Starts a Node script in a child process. Plain Node forks itself; the Electron
 * shell passes one that uses a utility process, because the packaged app's
 * RunAsNode fuse is off and its binary no longer runs scripts as Node.
 */
export type ScriptLauncher = (launch: ScriptLaunch) => ScriptProcess;

/** Plain Node (browser mode, tests): the running node binary runs the script. */
export const launchWithNode: ScriptLauncher = ({ script, execArgv, env }) => {
  if (process.versions.electron) {
    // Under Electron process.execPath is the app itself: with RunAsNode off it would open a second Switchboard.
    throw new SwitchboardError('unavailable', 'under Electron a Node script runs in a utility process: the shell passes that launcher');
  }
  // The IPC channel is there for its end: the script exits when this process goes away.
  const child = spawn(process.execPath, [...execArgv, script], { env, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  let ending: ScriptEnding | undefined;
  const waiting: Array<(ending: ScriptEnding) => void> = [];
  const end = (how: ScriptEnding) => {
    if (ending) return;
    ending = how;
    for (const listener of waiting.splice(0)) listener(how);
  };
  child.once('error', (err) => end({ startError: err.message }));
  child.once('exit', (code, signal) => end({ code, signal }));
  return {
    pid: child.pid,
    stdout: child.stdout,
    stderr: child.stderr,
    onEnd: (listener) => (ending ? listener(ending) : void waiting.push(listener)),
    stop: (force) => {
      if (!ending) child.kill(force ? 'SIGKILL' : 'SIGTERM');
    },
  };
};
