/**
 * Idle (`npm run bench -- idleMain`; `-- idle` runs it with the page bench): the built browser-mode server on the demo stack, left alone,
 * first with nobody connected, then with one Chromium page open on the Overview and nobody
 * touching it. For each: main-process CPU, wake-ups of its main thread (voluntary context
 * switches: the event loop going to sleep and waking) and the JS timer callbacks behind them,
 * by kind and delay. The reference, in the same run: a bare Node process idling.
 *
 *   IDLE_SECONDS   per phase (default 120; the figure is 10 minutes: IDLE_SECONDS=600)
 *   IDLE_SETTLE_S  after start and after the page opens, before measuring (default 30)
 *   IDLE_NO_BUILD=1  use the existing build
 *
 * The renderer's share of "visible and idle ≤ 1 % for both processes" is measured by the
 * renderer's benchmark; this one measures the main process, and the page's renderer only to
 * set the third phase beside the second: the same Overview with the Docker engine stopped
 * (DOCKER_HOST pointing at a socket that is not there, as on a laptop with Docker off), where
 * a retry each second used to re-send the containers state and redraw the page.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPage, repoRoot, startServer, type OpenedPage } from '../e2e/harness.js';
import { pidOnPort, processCpuMs, rendererCpu } from './processStats.js';
import { report, type Figure } from './report.js';
import { mainThreadWakeups, timerCounterSource, timerCounts, timerRates } from './timerCount.js';

const seconds = Number(process.env.IDLE_SECONDS ?? 120);
const settleMs = Number(process.env.IDLE_SETTLE_S ?? 30) * 1000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Window {
  cpuPercent: number;
  wakeupsPerS: number;
}

/** CPU share and main-thread wake-ups of `pid` over the next `ms`. */
async function measure(pid: number, ms: number): Promise<Window> {
  const c0 = processCpuMs(pid);
  const w0 = mainThreadWakeups(pid);
  await sleep(ms);
  return { cpuPercent: ((processCpuMs(pid) - c0) / ms) * 100, wakeupsPerS: ((mainThreadWakeups(pid) - w0) / ms) * 1000 };
}

/**
 * Counts the updates the page receives by topic: the subscription ids come from the page's own
 * "sub" messages, and each update's id from its first bytes ({"t":"state","id":N…), so no
 * second parse of the message.
 */
const updateCounter = `(() => {
  const topics = new Map();
  window.__updates = {};
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(url, protocols) {
      super(url, protocols);
      this.addEventListener('message', (event) => {
        const head = /^\\{"t":"(state|append)","id":(\\d+)/.exec(String(event.data).slice(0, 40));
        if (!head) return;
        const topic = topics.get(Number(head[2])) ?? 'unknown';
        window.__updates[topic] = (window.__updates[topic] ?? 0) + 1;
      });
    }
    send(data) {
      const sub = /^\\{"t":"sub","id":(\\d+),"topic":"([^"]+)"/.exec(String(data));
      if (sub) topics.set(Number(sub[1]), sub[2]);
      super.send(data);
    }
  };
})();`;

interface PageWindow extends Window {
  rendererPercent: number;
  /** Updates the page received a second, by topic. */
  updatesPerS: Record<string, number>;
}

/** The server's and the Overview page's CPU over the next `ms`, and the updates the page got. */
async function measureWithPage(pid: number, opened: OpenedPage, ms: number): Promise<PageWindow> {
  const renderer = await rendererCpu(opened.page);
  const updates = () => opened.page.evaluate('({ ...window.__updates })') as Promise<Record<string, number>>;
  const [r0, u0] = [await renderer(), await updates()];
  const server = await measure(pid, ms);
  const [r1, u1] = [await renderer(), await updates()];
  const updatesPerS = Object.fromEntries(Object.entries(u1).map(([topic, n]) => [topic, ((n - (u0[topic] ?? 0)) / ms) * 1000]));
  return { ...server, rendererPercent: ((r1 - r0) * 1000 / ms) * 100, updatesPerS };
}

/** The page's updates a second of one topic (0 when none came). */
const updatesOf = (w: PageWindow, topic: string) => w.updatesPerS[topic] ?? 0;

const alertUpdates = (w: PageWindow) => updatesOf(w, 'alerts') + updatesOf(w, 'alerts.firing');

function updateFigures(w: PageWindow): Figure[] {
  const byRate = Object.entries(w.updatesPerS).filter(([, r]) => r > 0).sort((a, b) => b[1] - a[1]);
  return [
    { label: '  updates received, all topics', value: byRate.reduce((n, [, r]) => n + r, 0), unit: '/s' },
    ...byRate.map(([topic, rate]) => ({ label: `    ${topic}`, value: rate, unit: '/s' })),
    ...['containers', 'mcp', 'alerts.firing'].filter((t) => !w.updatesPerS[t]).map((topic) => ({ label: `    ${topic}`, value: 0, unit: '/s' })),
  ];
}

/**
 * The Overview of a server on the demo stack, opened and left to settle; `moreMs` longer for a
 * fresh server, whose MCP rows' "for N s" tick every second in their first minute.
 */
async function openOverview(url: string, moreMs = 0): Promise<OpenedPage> {
  const opened = await openPage(url, { initScript: updateCounter });
  await opened.page.getByRole('navigation').getByRole('link').first().click();
  await sleep(settleMs + moreMs);
  return opened;
}

/**
 * The third phase: a server whose Docker engine is stopped (DOCKER_HOST at `missingSocket`),
 * its Overview open. The page waits as long as the first server had run when its page
 * opened, so both phases start from MCP rows past their first minute.
 */
async function measureEngineStopped(demoDir: string, missingSocket: string): Promise<PageWindow> {
  const server = await startServer({ demoDir, env: { DOCKER_HOST: `unix://${missingSocket}` } });
  try {
    const pid = await pidOnPort(server.port);
    const opened = await openOverview(server.url, seconds * 1000);
    try {
      return await measureWithPage(pid, opened, seconds * 1000);
    } finally {
      await opened.close();
    }
  } finally {
    await server.stop();
  }
}

function timerFigures(rates: [string, number][]): Figure[] {
  const total = rates.reduce((n, [, r]) => n + r, 0);
  return [
    { label: '  JS timer callbacks', value: total, unit: '/s' },
    ...rates.slice(0, 6).map(([key, rate]) => ({ label: `    ${key}`, value: rate, unit: '/s' })),
  ];
}

async function main(): Promise<void> {
  if (!process.env.IDLE_NO_BUILD && spawnSync('npm', ['run', 'build', '--silent'], { cwd: repoRoot, stdio: 'inherit' }).status !== 0) {
    throw new Error('npm run build failed');
  }
  const dir = mkdtempSync(join(tmpdir(), 'sb-idle-'));
  const counterFile = join(dir, 'timerCounter.mjs');
  writeFileSync(counterFile, timerCounterSource);
  // The demo's search-index wrapper fails on purpose until its index exists: built here, so the
  // stack is idle rather than retrying a failing server.
  const demoDir = join(dir, 'demo');
  mkdirSync(demoDir);
  writeFileSync(join(demoDir, 'search-index'), '');
  const bare = spawn(process.execPath, ['-e', 'setInterval(() => {}, 2 ** 30)'], { stdio: 'ignore' });
  const server = await startServer({ demoDir, env: { NODE_OPTIONS: `--import=${counterFile}` } });
  try {
    const pid = await pidOnPort(server.port);
    await sleep(settleMs);
    const t0 = await timerCounts(pid, server.output);
    const [alone, reference] = await Promise.all([measure(pid, seconds * 1000), measure(bare.pid!, seconds * 1000)]);
    const t1 = await timerCounts(pid, server.output);

    const opened = await openOverview(server.url);
    let watched: PageWindow;
    let t2: Record<string, number>;
    let t3: Record<string, number>;
    try {
      t2 = await timerCounts(pid, server.output);
      watched = await measureWithPage(pid, opened, seconds * 1000);
      t3 = await timerCounts(pid, server.output);
    } finally {
      await opened.close();
    }
    await server.stop(); // before the next phase's server, so the two never run side by side

    const engineOff = await measureEngineStopped(demoDir, join(dir, 'docker-is-off.sock'));
    const together = (w: PageWindow) => w.cpuPercent + w.rendererPercent;

    report(`idle: demo stack left alone, ${seconds} s per phase (after ${settleMs / 1000} s settling)`, [
      { label: 'main process CPU, nobody connected', value: alone.cpuPercent, unit: '% of a core' },
      { label: '  main-thread wake-ups', value: alone.wakeupsPerS, unit: '/s' },
      ...timerFigures(timerRates(t0, t1, seconds)),
      { label: 'main process CPU, one Overview page open, idle', value: watched.cpuPercent, unit: '% of a core' },
      { label: '  main-thread wake-ups', value: watched.wakeupsPerS, unit: '/s' },
      ...timerFigures(timerRates(t2, t3, seconds)),
      { label: '  the page\'s renderer CPU', value: watched.rendererPercent, unit: '% of a core' },
      ...updateFigures(watched),
      { label: 'Docker engine stopped: main process CPU, one Overview page', value: engineOff.cpuPercent, unit: '% of a core' },
      { label: '  main-thread wake-ups', value: engineOff.wakeupsPerS, unit: '/s' },
      { label: '  the page\'s renderer CPU', value: engineOff.rendererPercent, unit: '% of a core' },
      ...updateFigures(engineOff),
      { label: 'reference: bare Node process idling, CPU', value: reference.cpuPercent, unit: '% of a core' },
      { label: 'reference: bare Node process idling, wake-ups', value: reference.wakeupsPerS, unit: '/s' },
    ], [
      // The issue's ≤ 1 % is for main process and renderer together; the main process should take a small part of it.
      { label: 'main process CPU, one idle page (% of a core)', value: watched.cpuPercent, target: '≤ 0.5 (of the 1 % both share)', pass: watched.cpuPercent <= 0.5 },
      { label: 'main process CPU, nobody connected (% of a core)', value: alone.cpuPercent, target: '≤ 0.5', pass: alone.cpuPercent <= 0.5 },
      // A stopped engine is retried every second; that must not redraw the page each time.
      { label: 'engine stopped: containers states a second, once the backoff settles', value: updatesOf(engineOff, 'containers'), target: '= 0', pass: updatesOf(engineOff, 'containers') === 0 },
      // Nothing about the demo's MCP servers changes while idle; their pings are not the Overview's news.
      { label: 'idle Overview: MCP states a second (servers pinged, none changed)', value: updatesOf(watched, 'mcp'), target: '= 0', pass: updatesOf(watched, 'mcp') === 0 },
      // The demo's cache alert is pending for ~105 s of every 9.4 min and never fires (its for: is 10 min); its moving value is the Alerts screen's.
      { label: 'idle Overview: alerts updates a second (nothing firing)', value: alertUpdates(watched), target: '= 0', pass: alertUpdates(watched) === 0 },
      { label: 'engine stopped / engine up: server + renderer CPU', value: together(engineOff) / together(watched), target: '≤ 1.1 (a stopped engine costs next to nothing)', pass: together(engineOff) / together(watched) <= 1.1 },
    ]);
  } finally {
    bare.kill();
    await server.stop(); // again, for a phase that threw before stopping it; stop() is safe to repeat
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
