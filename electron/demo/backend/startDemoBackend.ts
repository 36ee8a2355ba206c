import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SwitchboardError } from '../../../shared/errors.js';
import type { LogWriter } from '../../core/logWriter.js';

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
}

const here = dirname(fileURLToPath(import.meta.url));

/**
 * The child's entry: the bundled server.cjs next to this file when the app was
 * built, else server.ts run through tsx (dev and tests).
 */
function entryArgs(): string[] {
  const bundled = join(here, 'server.cjs');
  if (existsSync(bundled)) return [bundled];
  const require = createRequire(import.meta.url);
  const tsx = require.resolve('tsx');
  return ['--import', pathToImport(tsx), join(here, 'server.ts')];
}

function pathToImport(resolved: string): string {
  // `--import` takes a specifier; an absolute file URL works from any cwd.
  return new URL(`file://${resolved}`).href;
}

/** Starts the demo backend as a child process on 127.0.0.1 and resolves once it listens. */
export function startDemoBackend(options: DemoBackendOptions = {}): Promise<DemoBackend> {
  const source = 'demo:backend';
  const child = spawn(process.execPath, entryArgs(), {
    env: { ...process.env, DEMO_BACKEND_PORT: String(options.port ?? 0), ELECTRON_RUN_AS_NODE: '1' },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const log = (stream: 'stdout' | 'stderr' | 'system', text: string) => options.logs?.write({ source, stream, text });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    for (const line of chunk.split('\n')) if (line) log('stderr', line);
  });

  return new Promise<DemoBackend>((resolve, reject) => {
    let buffered = '';
    const timer = setTimeout(() => {
      fail(new SwitchboardError('timeout', `demo backend did not start within ${options.startTimeoutMs ?? 15_000} ms`));
    }, options.startTimeoutMs ?? 15_000);
    const fail = (err: Error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(err);
    };
    child.once('error', (err) => fail(new SwitchboardError('unavailable', `demo backend could not start: ${err.message}`)));
    child.once('exit', (code, signal) => fail(new SwitchboardError('unavailable', `demo backend exited early (code ${code}, signal ${signal})`)));
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      buffered += chunk;
      const match = /listening (\d+)/.exec(buffered);
      if (!match) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      child.on('exit', (code, signal) => log('system', `demo backend exited (code ${code}, signal ${signal})`));
      const url = `http://127.0.0.1:${match[1]}`;
      log('system', `demo backend listening at ${url}`);
      resolve({ url, pid: child.pid!, stop: () => stopChild(child) });
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 3_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
