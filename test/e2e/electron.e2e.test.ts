import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, dirname, join } from 'node:path';
import { _electron as electron } from 'playwright-core';
import { afterAll, expect, test } from 'vitest';
import { scratchDir } from './appFixture.js';
import { repoRoot } from './harness.js';

declare module 'vitest' {
  interface TaskMeta {
    /** Why a test skipped itself; `npm test` prints it in its summary. */
    skipReason?: string;
  }
}

/**
 * The Electron runtime is fetched lazily by the electron npm package and
 * cannot be downloaded on our build machines, so this test runs wherever it
 * already exists and says why it skipped everywhere else.
 */
function electronRuntime(): { executable: string } | { missing: string } {
  const packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  const pathFile = join(packageDir, 'path.txt');
  // Read the location the way electron/index.js does, without letting it start a download.
  const platformPath = existsSync(pathFile)
    ? readFileSync(pathFile, 'utf8').trim()
    : ({ darwin: 'Electron.app/Contents/MacOS/Electron', win32: 'electron.exe' } as Record<string, string>)[process.platform] ?? 'electron';
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH || join(packageDir, 'dist');
  const executable = join(distDir, platformPath);
  return existsSync(executable) ? { executable } : { missing: `${executable} does not exist` };
}

/** Linux without a display: start a private Xvfb if there is one. */
async function display(): Promise<{ env: Record<string, string> } | { missing: string }> {
  if (process.platform !== 'linux' || process.env.DISPLAY || process.env.WAYLAND_DISPLAY) return { env: {} };
  const xvfb = (process.env.PATH ?? '').split(delimiter).map((d) => join(d, 'Xvfb')).find((p) => existsSync(p));
  if (!xvfb) return { missing: 'no display and no Xvfb (Debian package xvfb) to make one' };
  // -displayfd: Xvfb picks a free display number and writes it to fd 3 once it accepts clients.
  xvfbProcess = spawn(xvfb, ['-displayfd', '3', '-screen', '0', '1440x900x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'ignore', 'pipe'],
  });
  const number = await new Promise<string>((resolve, reject) => {
    let text = '';
    xvfbProcess!.stdio[3]!.on('data', (d: Buffer) => {
      text += d.toString();
      if (text.includes('\n')) resolve(text.trim());
    });
    xvfbProcess!.once('exit', (code) => reject(new Error(`Xvfb exited (${code}) before it was ready`)));
  });
  return { env: { DISPLAY: `:${number}` } };
}

let xvfbProcess: ChildProcess | undefined;
const workDir = scratchDir('switchboard-electron-e2e-');
afterAll(() => {
  xvfbProcess?.kill('SIGTERM');
});

test('the desktop app opens on the Overview from app://, with the client bridge, without Node in the page, and with its refusals in place', async (ctx) => {
  const runtime = electronRuntime();
  const screen = 'executable' in runtime ? await display() : { env: {} };
  const missing = 'missing' in runtime ? runtime.missing : 'missing' in screen ? screen.missing : undefined;
  if (missing) {
    const reason =
      'missing' in runtime
        ? `Electron runtime not installed on this machine (${missing}); Electron e2e runs where it exists`
        : `Electron runtime exists but cannot show a window here (${missing})`;
    ctx.task.meta.skipReason = reason;
    console.log(`skipped: ${reason}`);
    ctx.skip(reason);
    return;
  }

  const mainFile = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).main as string;
  expect(existsSync(join(repoRoot, mainFile)), `${mainFile} is built (npm run build)`).toBe(true);
  let demoDir: string | undefined;
  const app = await electron.launch({
    executablePath: (runtime as { executable: string }).executable,
    // Chromium refuses to run as root with its sandbox on; CI runs as root.
    args: [repoRoot, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
    // Its own folder, so no stack.yaml nearby is picked up: the app shows the demo stack,
    // in the private folder it makes itself (SWITCHBOARD_DEMO_DIR empty), which quitting removes.
    cwd: workDir,
    env: { ...(process.env as Record<string, string>), ...('env' in screen ? screen.env : {}), SWITCHBOARD_DEMO_DIR: '' },
    timeout: 60_000,
  });
  try {
    const window = await app.firstWindow();
    await window.getByRole('heading', { level: 1, name: 'Overview' }).waitFor({ timeout: 30_000 });
    const globals = await window.evaluate(() => ({
      switchboard: typeof (globalThis as { switchboard?: unknown }).switchboard,
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
    }));
    expect(globals).toEqual({ switchboard: 'object', require: 'undefined', process: 'undefined' });

    // Served from our own origin, with the CSP header; no way out of the renderer folder.
    expect(window.url().split('#')[0]).toBe('app://switchboard/index.html');
    const served = await window.evaluate(async () => {
      const page = await fetch('/index.html');
      const escape = await fetch('/..%2f..%2fpackage.json');
      return { csp: page.headers.get('content-security-policy'), escape: escape.status };
    });
    expect(served.csp).toContain("script-src 'self'");
    expect(served.escape).toBe(404);

    // Permissions: checks are refused too, not only requests; no popups; no navigation away.
    const refusals = await window.evaluate(async () => ({
      geolocation: (await navigator.permissions.query({ name: 'geolocation' })).state,
      popup: globalThis.open('file:///etc/passwd') === null,
    }));
    expect(refusals).toEqual({ geolocation: 'denied', popup: true });
    await window.evaluate(() => {
      location.href = 'https://example.com/';
    });
    await new Promise((r) => setTimeout(r, 500));
    expect(window.url().startsWith('app://switchboard/index.html')).toBe(true);

    // The demo's files are in a private folder of its own.
    const info = await window.evaluate(() => (globalThis as unknown as { switchboard: { call(name: string): Promise<{ demoDir?: string }> } }).switchboard.call('app.info'));
    demoDir = info.demoDir;
    expect(demoDir).toMatch(/switchboard-demo-[A-Za-z0-9]{6}$/);
    if (process.platform !== 'win32') expect(statSync(demoDir!).mode & 0o777).toBe(0o700);
  } finally {
    await app.close();
  }
  // Quitting stopped the demo and removed its folder.
  if (demoDir) expect(existsSync(demoDir)).toBe(false);
});
