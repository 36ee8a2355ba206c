/**
 * Idle and hidden (`npm run bench -- idle`): the demo stack, the built browser-mode
 * server, one Chromium page on the Overview left alone. References in the same browser:
 * an empty page; a page that changes one text a second (the price of any frame at all) and a
 * live-chart floor page (the least a page can do to show a chart at 1 Hz), both in
 * liveChartFloor.ts; and the same-screen replay (sameScreenReplay.ts: the Overview's own DOM
 * and changes, recorded in the minute after settling and replayed as the bare feed's messages
 * arrive, i.e. the price of receiving the Overview's data and painting exactly what the
 * Overview paints, without our code; also printed drawn from a timer, drawing only). And one
 * for the server, in a process of its own: bareIdleServer.mjs, the least a process can do to
 * feed the Overview (the same GETs and the same pushes a second, nothing else), whose one
 * client is the replay page, so the server's figure has a floor too.
 * Two phases of IDLE_BENCH_SECONDS each (default 300: ten minutes left alone in all),
 * after IDLE_BENCH_SETTLE_S (default 90) of settling and one minute recorded for the replay:
 *   visible: the page shown and untouched;
 *   hidden:  the page as a background tab (emulated, see idlePage.ts), then shown again,
 *            timing how long until it shows the newest sample.
 * CPU: each page's own ProcessTime (CDP), Chromium's SystemInfo.getProcessInfo for the
 * browser and GPU processes, and /proc for the server and the bare feed; wake-ups and React
 * commits are counted in the pages (idlePage.ts) and in the server (a sampler loaded with --import).
 * Then, after the phases and apart from them, IDLE_BENCH_PROFILE_S (default 60) of CPU profiles
 * of the Overview, the replay and the server, printed by whose code ran (idleProfile.ts).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { openPage, repoRoot, startServer } from '../e2e/harness.js';
import { backendUrls, startBareFeed, type BareFeed } from './bareFeed.js';
import { cpuProfilerOptions } from './cpuProfile.js';
import { idlePageScript, type PageCounts } from './idlePage.js';
import { idleProfileSignal, profileFigures, profileIdle } from './idleProfile.js';
import { liveChartFloorPage, oneChangePage } from './liveChartFloor.js';
import { pidOnPort, processCpuMs, rendererCpu } from './processStats.js';
import { report } from './report.js';
import { recordScreen, replayPage } from './sameScreenReplay.js';

const phaseMs = Number(process.env.IDLE_BENCH_SECONDS ?? 300) * 1000;
// Past the demo's first minute, when its broken wrapper restarts until it is declared crash-looping.
const settleMs = Number(process.env.IDLE_BENCH_SETTLE_S ?? 90) * 1000;
// Recorded for the same-screen replay after settling, not during it: in the first minute the MCP rows'
// "for N s" tick every second, and a replay of that minute drew ~1.7 frames a second to the Overview's ~1.3.
const recordMs = 60_000;
// Last, shown again: V8's sampler in the Overview, the replay and the server (idleProfile.ts).
const profileMs = Number(process.env.IDLE_BENCH_PROFILE_S ?? 60) * 1000;
const emptyUrl = 'data:text/html,<!doctype html><title>empty</title><p>empty';

// Loaded into the server with --import: counts timer callbacks as they run; SIGUSR2 prints the count.
const serverSampler = `
let wakeUps = 0;
const wrap = (fn) => (typeof fn === 'function' ? function (...a) { wakeUps++; return fn.apply(this, a); } : fn);
for (const name of ['setTimeout', 'setInterval', 'setImmediate']) {
  const native = globalThis[name];
  globalThis[name] = (fn, ...rest) => native(wrap(fn), ...rest);
}
process.on('SIGUSR2', () => process.stderr.write('IDLE-WAKEUPS ' + wakeUps + '\\n'));
`;

/**
 * What the bench runs in the Overview to watch it: the counters (idlePage.ts), and the newest probe
 * sample the page received, to know what "caught up" means after a hidden spell. Both replays run
 * it too, so the floor pays for being watched as the Overview does.
 */
const watchers = `${idlePageScript}
(() => { const Native = window.WebSocket; window.WebSocket = class extends Native { constructor(u, p) { super(u, p);
  this.addEventListener('message', (e) => { const m = JSON.parse(String(e.data)); for (const i of m.items ?? []) if (typeof i.ts === 'number' && typeof i.latencyMs === 'number') window.__idle.newestSample = Math.max(window.__idle.newestSample ?? 0, i.ts); }); } }; })();`;

interface ProcessInfo {
  type: string;
  id: number;
  cpuTime: number;
}

async function processes(browserCdp: CDPSession): Promise<ProcessInfo[]> {
  return ((await browserCdp.send('SystemInfo.getProcessInfo' as never)) as { processInfo: ProcessInfo[] }).processInfo;
}

type Pages = Record<'overview' | 'empty' | 'oneChange' | 'floor' | 'replay' | 'drawingOnly', () => Promise<number>>;

const counts = (page: Page) => page.evaluate('({ ...window.__idle.counts })') as Promise<PageCounts>;

async function serverWakeUps(pid: number, output: () => string): Promise<number> {
  const from = output().length;
  process.kill(pid, 'SIGUSR2');
  for (let i = 0; i < 100; i++) {
    const m = /IDLE-WAKEUPS (\d+)/.exec(output().slice(from));
    if (m) return Number(m[1]);
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the server did not answer the wake-up sampler');
}

interface Phase {
  seconds: number;
  overviewPct: number;
  emptyPct: number;
  oneChangePct: number;
  floorPct: number;
  replayPct: number;
  drawingOnlyPct: number;
  browserGpuPct: number;
  serverPct: number;
  bareServerPct: number;
  page: PageCounts;
  serverWakeUpsPerS: number;
}

async function measure(browserCdp: CDPSession, pages: Pages, serverPid: number, barePid: number, page: Page, output: () => string, ms: number): Promise<Phase> {
  const cpuTimes = () => Promise.all(Object.values(pages).map((read) => read()));
  const r0 = await cpuTimes();
  const p0 = await processes(browserCdp);
  const s0 = processCpuMs(serverPid);
  const b0 = processCpuMs(barePid);
  const w0 = await serverWakeUps(serverPid, output);
  const c0 = await counts(page);
  const t0 = performance.now();
  await new Promise((r) => setTimeout(r, ms));
  const r1 = await cpuTimes();
  const p1 = await processes(browserCdp);
  const s1 = processCpuMs(serverPid);
  const b1 = processCpuMs(barePid);
  const w1 = await serverWakeUps(serverPid, output);
  const c1 = await counts(page);
  const seconds = (performance.now() - t0) / 1000;
  const cpu = (pick: (p: ProcessInfo) => boolean) =>
    (p1.filter(pick).reduce((sum, p) => sum + p.cpuTime - (p0.find((q) => q.id === p.id)?.cpuTime ?? 0), 0) / seconds) * 100;
  const perS = (k: keyof PageCounts) => (c1[k] - c0[k]) / seconds;
  const renderer = (name: keyof Pages) => {
    const i = Object.keys(pages).indexOf(name);
    return ((r1[i]! - r0[i]!) / seconds) * 100;
  };
  return {
    seconds,
    overviewPct: renderer('overview'),
    emptyPct: renderer('empty'),
    oneChangePct: renderer('oneChange'),
    floorPct: renderer('floor'),
    replayPct: renderer('replay'),
    drawingOnlyPct: renderer('drawingOnly'),
    browserGpuPct: cpu((p) => p.type === 'browser' || p.type === 'GPU'),
    serverPct: ((s1 - s0) / 1000 / seconds) * 100,
    bareServerPct: ((b1 - b0) / 1000 / seconds) * 100,
    page: { timers: perS('timers'), frames: perS('frames'), messages: perS('messages'), commits: perS('commits'), mutations: perS('mutations') },
    serverWakeUpsPerS: (w1 - w0) / seconds,
  };
}

/** Shows the page again and times until its chart carries the newest sample the page has received (NaN: not within 10 s). */
async function catchUpMs(page: Page): Promise<number> {
  return page.evaluate(`new Promise((resolve) => {
    const chart = () => document.querySelector('.probe-card [data-last-ts]');
    const newest = () => Number(window.__idle.newestSample ?? 0);
    const t0 = performance.now();
    window.__idle.setHidden(false);
    const check = () => {
      if (Number(chart()?.getAttribute('data-last-ts')) >= newest()) resolve(performance.now() - t0);
      else if (performance.now() - t0 > 10000) resolve(NaN); // never caught up
      else setTimeout(check, 1);
    };
    check();
  })`) as Promise<number>;
}

async function main(): Promise<void> {
  // Hidden source maps (the bundle itself is as shipped) let the profile name React and our folders.
  const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: repoRoot, stdio: 'inherit', env: { ...process.env, SWITCHBOARD_SOURCEMAPS: 'hidden' } });
  if (build.status !== 0) throw new Error('npm run build failed');
  const dir = mkdtempSync(join(tmpdir(), 'sb-idle-'));
  const sampler = join(dir, 'sampler.mjs');
  writeFileSync(sampler, serverSampler);
  const server = await startServer({ env: { NODE_OPTIONS: `--import=${sampler} ${cpuProfilerOptions(dir, idleProfileSignal)}` } });
  let opened: { browser: Browser; close(): Promise<void> } | undefined;
  let bare: BareFeed | undefined;
  try {
    const empty = await openPage(emptyUrl);
    opened = empty;
    const browserCdp = await empty.browser.newBrowserCDPSession();
    const overview = await empty.browser.newPage({ viewport: { width: 1440, height: 900 } });
    await overview.addInitScript({ content: watchers });
    await overview.goto(server.url);
    const floor = await empty.browser.newPage({ viewport: { width: 1440, height: 900 } });
    await floor.setContent(liveChartFloorPage);
    const oneChange = await empty.browser.newPage({ viewport: { width: 1440, height: 900 } });
    await oneChange.setContent(oneChangePage);
    await overview.waitForFunction(() => Number(document.querySelector('.probe-card [data-points]')?.getAttribute('data-points') ?? 0) > 0, null, { timeout: 60_000 });
    await new Promise((r) => setTimeout(r, settleMs));
    const serverPid = await pidOnPort(server.port);
    const urls = backendUrls((await overview.locator('.cache-row .row-detail').first().textContent()) ?? '');
    // The replay page is the bare feed's one client, as the Overview is the server's.
    bare = await startBareFeed(urls.health, urls.metrics, { client: false });
    const replay = await empty.browser.newPage({ viewport: { width: 1440, height: 900 } });
    const drawingOnly = await empty.browser.newPage({ viewport: { width: 1440, height: 900 } });
    const recording = await recordScreen(overview, recordMs);
    await replay.setContent(replayPage(recording, bare.url, watchers));
    await drawingOnly.setContent(replayPage(recording, undefined, watchers));
    const pages: Pages = {
      overview: await rendererCpu(overview),
      empty: await rendererCpu(empty.page),
      oneChange: await rendererCpu(oneChange),
      floor: await rendererCpu(floor),
      replay: await rendererCpu(replay),
      drawingOnly: await rendererCpu(drawingOnly),
    };
    await new Promise((r) => setTimeout(r, 5_000)); // its socket open and its code warm, as the server's are
    const load0 = loadavg()[0]!;
    const replayCounts = () => replay.evaluate('({ ...window.__replay })') as Promise<{ frames: number; messages: number; closed: boolean }>;
    const replay0 = await replayCounts();
    const visible = await measure(browserCdp, pages, serverPid, bare.pid, overview, server.output, phaseMs);
    // The replay is a reference only if it draws as often as the Overview does, and it was fed all along.
    const replay1 = await replayCounts();
    if (replay1.closed) throw new Error('the bare feed closed the replay page\'s socket: the replay is no reference');
    const replayFramesPerS = (replay1.frames - replay0.frames) / visible.seconds;
    const replayMessagesPerS = (replay1.messages - replay0.messages) / visible.seconds;
    await overview.evaluate('window.__idle.setHidden(true)');
    const hidden = await measure(browserCdp, pages, serverPid, bare.pid, overview, server.output, phaseMs);
    const caughtUp = await catchUpMs(overview);
    const load1 = loadavg()[0]!;
    const profiles = await profileIdle(overview, replay, { pid: serverPid, output: server.output }, profileMs);
    const together = visible.overviewPct + visible.serverPct;
    const screenFloor = visible.replayPct + visible.bareServerPct;
    report(
      `idle: demo stack, one page on the Overview left alone, ${(visible.seconds / 60).toFixed(1)} min visible + ${(hidden.seconds / 60).toFixed(1)} min hidden (emulated background tab)`,
      [
        { label: 'visible: Overview renderer CPU', value: visible.overviewPct, unit: '% of a core' },
        { label: 'visible: empty page renderer CPU (same browser, reference)', value: visible.emptyPct, unit: '% of a core' },
        // Chromium counts CPU in 10 ms ticks: an empty page with none in the phase is compared at one tick (a lower bound).
        { label: 'visible: Overview renderer / empty page', value: visible.overviewPct / Math.max(visible.emptyPct, 1 / visible.seconds), unit: visible.emptyPct > 0 ? '×' : '× (at least: the empty page used < 1 tick)' },
        { label: 'visible: one-change page CPU (one text node changed once a second: any frame\'s price; see liveChartFloor.ts)', value: visible.oneChangePct, unit: '% of a core' },
        { label: 'visible: live-chart floor page CPU (reference, see liveChartFloor.ts)', value: visible.floorPct, unit: '% of a core' },
        { label: 'visible: Overview renderer / live-chart floor', value: visible.overviewPct / Math.max(visible.floorPct, 1 / visible.seconds), unit: '×' },
        { label: 'visible: same-screen replay, drawing only (the Overview\'s recorded DOM changes from a timer; see sameScreenReplay.ts)', value: visible.drawingOnlyPct, unit: '% of a core' },
        { label: 'visible: same-screen replay, receiving + drawing (the same changes, drawn as the bare feed\'s messages arrive; no React or topic store)', value: visible.replayPct, unit: '% of a core' },
        { label: 'visible: same-screen replay frames with changes (Overview: commits above)', value: replayFramesPerS, unit: `/s · recorded ${((recording.batches.length / recording.ms) * 1000).toFixed(2)} change batches /s · ${replayMessagesPerS.toFixed(2)} messages /s received` },
        { label: 'visible: Overview renderer / same-screen replay (receiving + drawing)', value: visible.overviewPct / Math.max(visible.replayPct, 1 / visible.seconds), unit: '×' },
        { label: 'visible: server (main process) CPU', value: visible.serverPct, unit: '% of a core' },
        { label: 'visible: bare feed process CPU (the same GETs and pushes a second, nothing else; see bareIdleServer.mjs)', value: visible.bareServerPct, unit: '% of a core' },
        { label: 'visible: server / bare feed', value: visible.serverPct / Math.max(visible.bareServerPct, 1 / visible.seconds), unit: '×' },
        { label: 'visible: floor for this screen = same-screen replay (receiving + drawing) + bare feed', value: screenFloor, unit: `% of a core (target 1; ours above it: ${(together - screenFloor).toFixed(2)} %)` },
        { label: 'visible: browser + GPU processes CPU (compositing, both pages)', value: visible.browserGpuPct, unit: '% of a core' },
        { label: 'visible: renderer timer wake-ups (setTimeout/setInterval)', value: visible.page.timers, unit: '/s' },
        { label: 'visible: renderer animation frames / MessageChannel tasks', value: visible.page.frames, unit: `/s · ${visible.page.messages.toFixed(2)} /s` },
        { label: 'visible: React commits / DOM mutation records', value: visible.page.commits, unit: `/s · ${visible.page.mutations.toFixed(1)} /s` },
        { label: 'visible: server timer wake-ups', value: visible.serverWakeUpsPerS, unit: '/s' },
        { label: 'hidden: Overview renderer CPU', value: hidden.overviewPct, unit: '% of a core' },
        { label: 'hidden: empty page renderer CPU (reference)', value: hidden.emptyPct, unit: '% of a core' },
        { label: 'hidden: server (main process) CPU', value: hidden.serverPct, unit: '% of a core' },
        { label: 'hidden: renderer timer wake-ups / animation frames', value: hidden.page.timers, unit: `/s · ${hidden.page.frames.toFixed(2)} /s` },
        { label: 'hidden: server timer wake-ups', value: hidden.serverWakeUpsPerS, unit: '/s' },
        { label: 'hidden → shown: newest sample on screen after', value: caughtUp, unit: 'ms' },
        { label: 'load average (1 min) before / after', value: load0, unit: `/ ${load1.toFixed(2)}` },
      ],
      [
        { label: 'visible idle: renderer + server CPU (% of a core)', value: together, target: '≤ 1', pass: together <= 1 },
        { label: 'hidden: React commits per second', value: hidden.page.commits, target: '= 0', pass: hidden.page.commits === 0 },
        { label: 'hidden: DOM mutation records per second', value: hidden.page.mutations, target: '= 0', pass: hidden.page.mutations === 0 },
        { label: 'hidden → shown: caught up within (ms)', value: caughtUp, target: '≤ 100', pass: caughtUp <= 100 },
      ],
    );
    report(`idle: where the time goes, ${profiles.seconds.toFixed(0)} s of CPU profiles after the phases, shown again (self time by whose code ran; the profiler adds its own cost)`, profileFigures(profiles));
  } finally {
    await bare?.stop();
    await opened?.close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
