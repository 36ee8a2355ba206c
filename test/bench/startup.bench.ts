// Time from `npm start` to first data on screen, on the built-in demo stack, in browser mode.
// npm start = build + launch; both parts are measured, and the launch → first data path is repeated.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPage, repoRoot } from '../e2e/harness.js';
import { report } from './report.js';

const runs = 3;

function buildMs(): number {
  const started = performance.now();
  const result = spawnSync('npm', ['run', 'build', '--silent'], { cwd: repoRoot, stdio: 'ignore' });
  if (result.status !== 0) throw new Error('npm run build failed');
  return performance.now() - started;
}

async function launchToFirstData(): Promise<{ serving: number; firstRow: number; allReady: number; firstPoint: number }> {
  const workDir = mkdtempSync(join(tmpdir(), 'sb-startup-'));
  const started = performance.now();
  const child = spawn(process.execPath, [join(repoRoot, 'dist/server/launch.mjs'), '--port', '0'], {
    cwd: workDir,
    env: { ...process.env, SWITCHBOARD_DEMO_DIR: join(workDir, 'demo') },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /Switchboard is serving (\S+)/.exec(out);
        if (m) resolve(m[1]!);
      });
      child.once('exit', () => reject(new Error(`launch exited before serving:\n${out}`)));
    });
    const serving = performance.now() - started;
    const { page, close } = await openPage(url);
    try {
      await page.getByRole('listitem', { name: /MCP server everything/ }).waitFor({ timeout: 60_000 });
      const firstRow = performance.now() - started;
      await page.waitForFunction(() => document.querySelectorAll('[aria-label^="MCP server "] .pill-ok').length >= 2, null, { timeout: 60_000, polling: 20 });
      const allReady = performance.now() - started;
      await page.waitForFunction(() => Number(document.querySelector('[aria-label^="latency of"]')?.getAttribute('data-points') ?? 0) > 0, null, { timeout: 60_000, polling: 20 });
      const firstPoint = performance.now() - started;
      return { serving, firstRow, allReady, firstPoint };
    } finally {
      await close();
    }
  } finally {
    try {
      process.kill(-child.pid!, 'SIGINT');
    } catch {
      // already gone
    }
    await new Promise((r) => child.once('exit', r));
    rmSync(workDir, { recursive: true, force: true });
  }
}

const build = buildMs();
type Timings = Awaited<ReturnType<typeof launchToFirstData>>;
const samples: Timings[] = [];
for (let i = 0; i < runs; i++) samples.push(await launchToFirstData());
const median = (k: keyof Timings) => samples.map((s) => s[k]).sort((a, b) => a - b)[Math.floor(runs / 2)]!;
report(`startup: npm start → first data on screen (demo stack, browser mode, median of ${runs})`, [
  { label: 'npm run build (part of npm start)', value: build, unit: 'ms' },
  { label: 'launch → "Switchboard is serving" line', value: median('serving'), unit: 'ms' },
  { label: 'launch → first MCP row on screen', value: median('firstRow'), unit: 'ms' },
  { label: 'launch → first latency point drawn', value: median('firstPoint'), unit: 'ms' },
  { label: 'launch → both npm MCP servers ready on screen', value: median('allReady'), unit: 'ms' },
  { label: 'npm start → first data on screen (build + first row)', value: build + median('firstRow'), unit: 'ms' },
]);
