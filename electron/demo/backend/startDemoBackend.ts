import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SwitchboardError } from '../../../shared/errors.js';
import type { LogWriter } from '../../core/logWriter.js';
import { appRoot } from '../../base/appRoot.js';
import { launchWithNode, type ScriptEnding, type ScriptLauncher, type ScriptProcess } from './scriptProcess.js';

export interface DemoBackend {
  /** e.g. http://127.0.0.1:41234 */
  url: string;
  pid: number;
  stop(): Promise<void>;
}

export interface DemoBackendOptions {
  port?: number;
  logs?: LogWriter;
  /** How long to wait for `listening <port>`. */
  startTimeoutMs?: number;
  /** How to run the backend's script: plain Node by default; the Electron shell passes a utility-process launcher. */
  launch?: ScriptLauncher;
}

const here = dirname(fileURLToPath(import.meta.url));

/**
 * The child's entry: the bundled server.cjs when the app was built (next to
 * this file in dist/server, or found from the app root when this code is the
 * Electron bundle in dist/electron), else server.ts run through tsx (dev and tests).
 */
function entry(): { script: string; execArgv: string[] } {
  for (const bundled of [join(here, 'server.cjs'), join(appRoot(), 'dist/server/server.cjs')]) {
    if (existsSync(bundled)) return { script: bundled, execArgv: [] };
  }
  const require = createRequire(import.meta.url);
  const tsx = require.resolve('tsx');
  return { script: join(here, 'server.ts'), execArgv: ['--import', pathToImport(tsx)] };
}

function pathToImport(resolved: string): string {
  // `--import` takes a specifier; an absolute file URL works from any cwd.
  return new URL(`file://${resolved}`).href;
}

function describeEnding(ending: ScriptEnding): string {
  return 'startError' in ending ? `could not start: ${ending.startError}` : `exited (code ${ending.code}, signal ${ending.signal})`;
}

/** Starts the demo backend as a child process on 127.0.0.1 and resolves once it listens. */
export function startDemoBackend(options: DemoBackendOptions = {}): Promise<DemoBackend> {
  const source = 'demo:backend';
  let child: ScriptProcess;
  try {
    child = (options.launch ?? launchWithNode)({ ...entry(), env: { ...process.env, DEMO_BACKEND_PORT: String(options.port ?? 0) } });
  } catch (err) {
    return Promise.reject(err instanceof SwitchboardError ? err : new SwitchboardError('unavailable', `demo backend could not start: ${err instanceof Error ? err.message : String(err)}`));
  }
  const log = (stream: 'stdout' | 'stderr' | 'system', text: string) => options.logs?.write({ source, stream, text });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    for (const line of chunk.split('\n')) if (line) log('stderr', line);
  });

  return new Promise<DemoBackend>((resolve, reject) => {
    let buffered = '';
    let listening = false;
    const timer = setTimeout(() => {
      fail(new SwitchboardError('timeout', `demo backend did not start within ${options.startTimeoutMs ?? 15_000} ms`));
    }, options.startTimeoutMs ?? 15_000);
    const fail = (err: Error) => {
      clearTimeout(timer);
      child.stop(true);
      reject(err);
    };
    child.onEnd((ending) => {
      if (listening) log('system', `demo backend ${describeEnding(ending)}`);
      else if ('startError' in ending) fail(new SwitchboardError('unavailable', `demo backend ${describeEnding(ending)}`));
      else fail(new SwitchboardError('unavailable', `demo backend exited early (code ${ending.code}, signal ${ending.signal})`));
    });
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      buffered += chunk;
      const match = /listening (\d+)/.exec(buffered);
      if (!match || listening) return;
      listening = true;
      clearTimeout(timer);
      const url = `http://127.0.0.1:${match[1]}`;
      log('system', `demo backend listening at ${url}`);
      resolve({ url, pid: child.pid!, stop: () => stopChild(child) });
    });
  });
}

function stopChild(child: ScriptProcess): Promise<void> {
  return new Promise((resolve) => {
    const force = setTimeout(() => child.stop(true), 3_000);
    child.onEnd(() => {
      clearTimeout(force);
      resolve();
    });
    child.stop();
  });
}
