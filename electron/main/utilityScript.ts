import { utilityProcess } from 'electron';
import type { SwitchboardOptions } from '../app/createSwitchboard.js';

type ScriptLauncher = NonNullable<SwitchboardOptions['launchScript']>;
type ScriptEnding = Parameters<Parameters<ReturnType<ScriptLauncher>['onEnd']>[0]>[0];

/**
 * Runs the demo backend's Node script in an Electron utility process: Electron's
 * own Node without ELECTRON_RUN_AS_NODE, so the packaged app can ship with the
 * RunAsNode fuse off. Utility processes end with the app.
 */
export const launchInUtilityProcess: ScriptLauncher = ({ script, execArgv, env }) => {
  const child = utilityProcess.fork(script, [], { env, execArgv, stdio: ['ignore', 'pipe', 'pipe'], serviceName: 'Switchboard demo backend' });
  let ending: ScriptEnding | undefined;
  const waiting: Array<(ending: ScriptEnding) => void> = [];
  child.once('exit', (code) => {
    ending = { code, signal: null };
    for (const listener of waiting.splice(0)) listener(ending);
  });
  return {
    // Known once the process has spawned, which is before it can print `listening`.
    get pid() {
      return child.pid;
    },
    stdout: child.stdout,
    stderr: child.stderr,
    onEnd: (listener) => (ending ? listener(ending) : void waiting.push(listener)),
    // kill() is SIGTERM on POSIX, TerminateProcess on Windows; there is no harder stop to ask for.
    stop: () => {
      if (!ending) child.kill();
    },
  };
};
