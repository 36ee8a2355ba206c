import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const repoRoot = resolve(new URL('../../..', import.meta.url).pathname);

/** A real browser-mode Switchboard in its own process, as `npm run serve` runs it (sources through tsx). */
export interface BrowserModeProcess {
  child: ChildProcess;
  url: string;
  port: number;
  token: string;
  stdout(): string;
  stderr(): string;
  alive(): boolean;
  /** Writes one line to the child's stdin (the fault fixture reads commands there). */
  tell(line: string): void;
  stop(): Promise<void>;
}

/** serve.ts refuses to start without the built renderer; build it once when a fresh checkout has none. */
export function ensureRendererBuilt(): void {
  if (existsSync(join(repoRoot, 'dist/renderer/index.html'))) return;
  console.log('browser-mode tests: dist/renderer is missing, running npm run build first');
  const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: repoRoot, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('npm run build failed: the browser-mode tests need the built renderer');
}

/** A stack file in a fresh temp folder; `remove()` deletes it. */
export function tempStack(text: string, name = 'stack.yaml'): { file: string; dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-hardening-'));
  const file = join(dir, name);
  writeFileSync(file, text);
  return { file, dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Starts `entry` (default electron/serve.ts) with `args` and resolves once it
 * prints the URL it serves; rejects with its output if it exits first.
 */
export function startBrowserMode(args: string[], entry = 'electron/serve.ts', extraEnv: NodeJS.ProcessEnv = {}): Promise<BrowserModeProcess> {
  ensureRendererBuilt();
  const child = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, entry), '--port', '0', ...args], {
    cwd: repoRoot,
    env: { ...process.env, ...extraEnv },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const alive = () => child.exitCode === null && child.signalCode === null;
  return new Promise((resolveStart, rejectStart) => {
    const timer = setTimeout(() => rejectStart(new Error(`browser mode did not start in 30 s:\n${out}\n${err}`)), 30_000);
    const onData = () => {
      const match = /serving (http\S+)/.exec(out);
      if (!match) return;
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      const url = new URL(match[1]!);
      resolveStart({
        child,
        url: match[1]!,
        port: Number(url.port),
        token: url.searchParams.get('token') ?? '',
        stdout: () => out,
        stderr: () => err,
        alive,
        tell: (line) => child.stdin!.write(`${line}\n`),
        async stop() {
          if (alive()) child.kill('SIGTERM');
          await exited;
        },
      });
    };
    child.stdout!.on('data', onData);
    void exited.then(() => {
      clearTimeout(timer);
      rejectStart(new Error(`browser mode exited before serving (code ${child.exitCode}):\n${out}\n${err}`));
    });
  });
}
