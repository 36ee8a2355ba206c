import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { stringify } from 'yaml';

/**
 * What e2e tests drive: the built browser-mode server (dist/server/serve.mjs)
 * as a child process, and Debian's Chromium through playwright-core.
 */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const serveScript = join(repoRoot, 'dist/server/serve.mjs');
const servingLine = /Switchboard is serving (http:\/\/127\.0\.0\.1:(\d+)\/\?token=([A-Za-z0-9_-]+))/;

export interface ServerOptions {
  /** A stack file: its path, its YAML text, or an object (written as YAML). Without it: the demo stack. */
  config?: string | object;
  env?: Record<string, string>;
  /** SWITCHBOARD_DEMO_DIR; by default a fresh temp folder per server, removed on stop. */
  demoDir?: string;
  args?: string[];
  /** How long to wait for the "serving" line; default 60 s (the demo stack starts MCP servers). */
  startTimeoutMs?: number;
}

export interface RunningServer {
  /** The URL with the token, ready for page.goto. */
  url: string;
  port: number;
  token: string;
  /** The demo stack's folder (SWITCHBOARD_DEMO_DIR), e.g. to fix what a demo wrapper misses. */
  demoDir: string;
  /** SIGINT, wait for a clean exit; SIGKILL to the whole process group after 10 s. */
  stop(): Promise<void>;
  /** Everything it printed so far, stdout and stderr interleaved. */
  output(): string;
}

/** Servers still running, killed if the test process exits without stopping them. */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) killGroup(child, 'SIGKILL');
});

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  if (!existsSync(serveScript)) throw new Error(`${serveScript} is missing: run \`npm run build\` first`);
  // Its own working folder, so a stack.yaml lying in the repo is never picked up by accident.
  const workDir = mkdtempSync(join(tmpdir(), 'switchboard-e2e-'));
  const args = [serveScript, '--port', '0', ...configArgs(options.config, workDir), ...(options.args ?? [])];
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env };
  if (!options.env?.SWITCHBOARD_CONFIG) delete env.SWITCHBOARD_CONFIG;
  const demoDir = options.demoDir ?? join(workDir, 'demo');
  env.SWITCHBOARD_DEMO_DIR = demoDir;
  // History goes to the server's own folder unless a test keeps it across runs (restart tests pass XDG_DATA_HOME).
  if (!options.env?.XDG_DATA_HOME) env.XDG_DATA_HOME = join(workDir, 'data');

  const child = spawn(process.execPath, args, { cwd: workDir, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  let printed = '';
  child.stdout!.on('data', (d: Buffer) => (printed += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (printed += d.toString()));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  void exited.then(() => running.delete(child));

  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      killGroup(child, 'SIGINT');
      const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    // Children of the server (MCP servers, wrappers) share its group: take any that outlived it.
    killGroup(child, 'SIGKILL');
    rmSync(workDir, { recursive: true, force: true });
  };

  try {
    const [, url, port, token] = await waitForServing(child, () => printed, options.startTimeoutMs ?? 60_000);
    return { url: url!, port: Number(port), token: token!, demoDir, stop, output: () => printed };
  } catch (err) {
    await stop();
    throw err;
  }
}

function configArgs(config: ServerOptions['config'], workDir: string): string[] {
  if (config === undefined) return [];
  if (typeof config === 'string' && !config.includes('\n') && existsSync(config)) return ['--config', resolve(config)];
  const file = join(workDir, 'stack.yaml');
  writeFileSync(file, typeof config === 'string' ? config : stringify(config));
  return ['--config', file];
}

function waitForServing(child: ChildProcess, printed: () => string, timeoutMs: number): Promise<RegExpMatchArray> {
  return new Promise((resolveMatch, reject) => {
    const check = (): void => {
      const match = printed().match(servingLine);
      if (match) done(() => resolveMatch(match));
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null): void =>
      done(() => reject(new Error(`the server exited (${signal ?? `code ${code}`}) before serving; it printed:\n${printed()}`)));
    const timer = setTimeout(
      () => done(() => reject(new Error(`the server did not print "Switchboard is serving …" within ${timeoutMs / 1000} s; it printed:\n${printed()}`))),
      timeoutMs,
    );
    const done = (settle: () => void): void => {
      clearTimeout(timer);
      child.stdout!.off('data', check);
      child.off('exit', onExit);
      settle();
    };
    child.stdout!.on('data', check);
    child.once('exit', onExit);
    check();
  });
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // the group is gone
  }
}

export interface OpenedPage {
  page: Page;
  browser: Browser;
  /** console.error messages and uncaught page errors, in order. */
  consoleErrors: string[];
  close(): Promise<void>;
}

export interface PageOptions {
  viewport?: { width: number; height: number };
  /** Browser permissions granted to the page's origin, e.g. ['notifications']. */
  permissions?: string[];
  /** Runs in the page before any of its scripts (to watch an API the app calls). */
  initScript?: string;
}

export async function openPage(url: string, options: PageOptions = {}): Promise<OpenedPage> {
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  try {
    const context = await browser.newContext({ viewport: options.viewport ?? { width: 1440, height: 900 } });
    if (options.permissions) await context.grantPermissions(options.permissions, { origin: new URL(url).origin });
    const page = await context.newPage();
    if (options.initScript) await page.addInitScript(options.initScript);
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(`uncaught: ${error.message}`));
    await page.goto(url);
    return { page, browser, consoleErrors, close: () => browser.close() };
  } catch (err) {
    await browser.close();
    throw err;
  }
}

/** Saves test/.artifacts/screenshots/<name>.png and returns its path. */
export async function shot(page: Page, name: string): Promise<string> {
  const dir = join(repoRoot, 'test/.artifacts/screenshots');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  await page.screenshot({ path });
  return path;
}
