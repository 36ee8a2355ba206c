/**
 * Soak (`npm run bench -- soak`): the built browser-mode server on the demo
 * stack with one Chromium client that visits every screen in turn, for
 * SOAK_MINUTES (default 30). Every SOAK_SAMPLE_S (default 30 s) the server
 * reports, after a full GC, its heap, its live handles and its open file
 * descriptors; the bench prints start and end (after a 2-minute warm-up) and
 * the slope per hour of each, and counts error lines Switchboard itself wrote.
 *
 * The server is the product as users run it; the sampler is loaded with
 * `--import` so nothing in the product exists only for this bench.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import { openPage, repoRoot, startServer } from '../e2e/harness.js';
import { sourceId } from '../../shared/sourceId.js';
import type { LogLine } from '../../shared/contract/logs.js';
import { report } from './report.js';
import { openFds, pidOnPort } from './processStats.js';

const minutes = Number(process.env.SOAK_MINUTES ?? 30);
const sampleMs = Number(process.env.SOAK_SAMPLE_S ?? 30) * 1000;
// Rings (probe series, log hub) fill during the first minutes; flat is judged on the second half.
const warmupMs = Math.min(5 * 60_000, (minutes * 60_000) / 4);
const screenEveryMs = 20_000;

interface Sample {
  atMs: number;
  heapMiB: number;
  rssMiB: number;
  handles: number;
  fds: number;
}

// Runs inside the server: on SIGUSR2, a full GC, then one line on stderr the bench reads.
const sampler = `
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc');
process.on('SIGUSR2', () => {
  gc();
  const m = process.memoryUsage();
  process.stderr.write('SOAK ' + JSON.stringify({ heap: m.heapUsed, rss: m.rss, handles: process.getActiveResourcesInfo().length }) + '\\n');
});
`;

async function main(): Promise<void> {
  // Built first, so what soaks is the working tree.
  if (spawnSync('npm', ['run', 'build', '--silent'], { cwd: repoRoot, stdio: 'inherit' }).status !== 0) throw new Error('npm run build failed');
  const dir = mkdtempSync(join(tmpdir(), 'sb-soak-'));
  const samplerFile = join(dir, 'sampler.mjs');
  writeFileSync(samplerFile, sampler);
  // The demo's search-index wrapper fails on purpose until its index exists: built here, so any
  // error line Switchboard writes during the soak is one of its own, not the demo's lesson.
  const demoDir = join(dir, 'demo');
  mkdirSync(demoDir);
  writeFileSync(join(demoDir, 'search-index'), '');
  const server = await startServer({ demoDir, env: { NODE_OPTIONS: `--import=${samplerFile}` } });
  const opened = await openPage(server.url);
  const samples: Sample[] = [];
  try {
    const pid = await pidOnPort(server.port);
    const started = performance.now();
    const endAt = started + minutes * 60_000;
    let nextSample = started;
    let nextScreen = started;
    // The sidebar's entries, clicked in turn as a person would: every screen opens and closes its subscriptions.
    const nav = opened.page.getByRole('navigation').getByRole('link');
    const screenCount = await nav.count();
    if (screenCount < 2) throw new Error(`expected the sidebar's screens, found ${screenCount} links`);
    let screenIndex = 0;
    while (performance.now() < endAt) {
      const now = performance.now();
      if (now >= nextScreen) {
        screenIndex = (screenIndex + 1) % screenCount;
        await nav.nth(screenIndex).click();
        nextScreen += screenEveryMs;
      }
      if (now >= nextSample) {
        samples.push(await sample(pid, server.output, now - started));
        nextSample += sampleMs;
      }
      await new Promise((r) => setTimeout(r, Math.max(50, Math.min(nextSample, nextScreen) - performance.now())));
    }
    samples.push(await sample(pid, server.output, performance.now() - started));
    const ownErrors = await switchboardErrors(server.port, server.token);

    const settled = samples.filter((s) => s.atMs >= warmupMs);
    const first = settled[0]!;
    const last = settled[settled.length - 1]!;
    const perHour = (pick: (s: Sample) => number) => slopePerHour(settled, pick);
    const secondHalf = samples.filter((s) => s.atMs >= (minutes * 60_000) / 2);
    const heapLate = slopePerHour(secondHalf, (s) => s.heapMiB);
    report(`soak: demo stack + one browser client, ${minutes} min, sampled every ${sampleMs / 1000} s (after ${warmupMs / 60_000} min warm-up)`, [
      { label: 'heap after GC, start → end', value: first.heapMiB, unit: `MiB → ${last.heapMiB.toFixed(2)} MiB` },
      { label: 'heap slope', value: perHour((s) => s.heapMiB), unit: 'MiB/h' },
      { label: 'heap slope, second half', value: heapLate, unit: 'MiB/h' },
      { label: 'RSS, start → end', value: first.rssMiB, unit: `MiB → ${last.rssMiB.toFixed(1)} MiB` },
      { label: 'RSS slope', value: perHour((s) => s.rssMiB), unit: 'MiB/h' },
      { label: 'live handles, start → end', value: first.handles, unit: `→ ${last.handles}` },
      { label: 'live handles slope', value: perHour((s) => s.handles), unit: '/h' },
      { label: 'open file descriptors, start → end', value: first.fds, unit: `→ ${last.fds}` },
      { label: 'open file descriptors slope', value: perHour((s) => s.fds), unit: '/h' },
      { label: "error lines of Switchboard's own", value: ownErrors.length, unit: 'lines' },
    ], [
      // Flat: what grows in 30 min, were it to go on, stays under what a day would notice.
      { label: 'heap slope, second half (MiB/h)', value: heapLate, target: '≤ 2', pass: heapLate <= 2 },
      { label: 'file descriptors end / start', value: last.fds / first.fds, target: '≤ 1.05', pass: last.fds / first.fds <= 1.05 },
      { label: 'live handles end / start', value: last.handles / first.handles, target: '≤ 1.05', pass: last.handles / first.handles <= 1.05 },
    ]);
    for (const line of ownErrors.slice(0, 10)) console.log(`  error line: ${line.text}`);
  } finally {
    await opened.close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function sample(pid: number, output: () => string, atMs: number): Promise<Sample> {
  const before = output().length;
  process.kill(pid, 'SIGUSR2');
  for (let i = 0; i < 100; i++) {
    const line = /SOAK (\{.*\})/.exec(output().slice(before));
    if (line) {
      const v = JSON.parse(line[1]!) as { heap: number; rss: number; handles: number };
      return { atMs, heapMiB: v.heap / 2 ** 20, rssMiB: v.rss / 2 ** 20, handles: v.handles, fds: openFds(pid) };
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the server did not answer the soak sampler within 5 s');
}

/** Least-squares slope of pick(sample) over time, per hour. */
function slopePerHour(samples: Sample[], pick: (s: Sample) => number): number {
  const n = samples.length;
  if (n < 2) return 0;
  const xs = samples.map((s) => s.atMs / 3_600_000);
  const ys = samples.map(pick);
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    num += (xs[i]! - mx) * (ys[i]! - my);
    den += (xs[i]! - mx) ** 2;
  }
  return den === 0 ? 0 : num / den;
}

/** Error lines written by Switchboard itself (source "switchboard"), read through the contract like any client. */
async function switchboardErrors(port: number, token: string): Promise<LogLine[]> {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/ws?token=${token}`);
  await new Promise((resolve, reject) => (ws.once('open', resolve), ws.once('error', reject)));
  try {
    const answer = new Promise<LogLine[]>((resolve, reject) =>
      ws.on('message', (data: Buffer) => {
        const msg = JSON.parse(data.toString()) as { t: string; id?: number; ok?: boolean; value?: LogLine[]; error?: { message: string } };
        if (msg.t !== 'result' || msg.id !== 1) return;
        if (msg.ok) resolve(msg.value ?? []);
        else reject(new Error(msg.error?.message));
      }),
    );
    ws.send(JSON.stringify({ t: 'call', id: 1, cmd: 'logs.range', params: { before: Number.MAX_SAFE_INTEGER, count: 50_000, sources: [sourceId.switchboard], levels: ['error'] } }));
    return await answer;
  } finally {
    ws.close();
  }
}

await main();
