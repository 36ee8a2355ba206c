// Data for the history bench: a simulated week of one stack's history, and the fixtures the read
// measurements open (a probe's last 24 h, 10,000 events), written straight through the store.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { HistoryStore, type PendingEvent } from '../../electron/history/historyStore.js';
import type { Rollup } from '../../electron/history/minuteRollup.js';
import type { BucketMean } from '../../electron/history/bucketMeans.js';
import type { SignalName } from '../../shared/stackEvents.js';

const minute = 60_000;
const day = 86_400_000;

function rollup(series: number, at: number, base: number): Rollup {
  const mean = base * (0.9 + Math.random() * 0.2);
  return { series, at, count: 60, mean, min: mean * 0.5, max: mean * 3, p50: mean * 0.95, p95: mean * 1.8, p99: mean * 2.5 };
}

function event(at: number, i: number): PendingEvent {
  const failure = i % 10 === 0;
  return {
    event: {
      at,
      source: failure ? `mcp:server-${i % 7}` : `container:app-${i % 13}`,
      kind: failure ? 'mcp.state' : i % 3 ? 'container.start' : 'container.die',
      severity: failure ? 'error' : i % 5 === 0 ? 'warning' : 'info',
      summary: failure ? `server-${i % 7}: exited (code 1)` : `app-${i % 13} changed`,
      details: failure ? { state: 'exited', exitCode: 1 } : { exitCode: 0 },
    },
    evidence: failure ? Array.from({ length: 50 }, (_, k) => ({ ts: at - (50 - k) * 10, stream: 'stderr', text: `line ${k} of what server-${i % 7} said before it exited, about this long` })) : [],
  };
}

/**
 * Writes `fromDay`..`toDay` of history as the app keeps it: minute rollups
 * of every series, events (about 200 a day, one in ten a failure with 50
 * lines), and — for the 24 h before `fineFrom` … `to` — every probe sample and
 * the containers' 10 s means. Hour by hour, one transaction each.
 */
function writeDays(store: HistoryStore, start: number, end: number, fineFrom: number, shape: { probes: number; containers: number }) {
  const probeSeries = Array.from({ length: shape.probes }, (_, p) => ({ latency: store.seriesId(`probe:p${p}`, 'probe.latency_ms'), up: store.seriesId(`probe:p${p}`, 'probe.up') }));
  const containerNames: SignalName[] = ['container.cpu_percent', 'container.memory_bytes', 'container.memory_limit_bytes', 'container.net_rx_bytes_per_second', 'container.net_tx_bytes_per_second', 'container.up'];
  const containerSeries = Array.from({ length: shape.containers }, (_, c) => containerNames.map((n) => store.seriesId(`container:c${c}`, n)));
  let eventNo = 0;
  for (let hour = start; hour < end; hour += 3_600_000) {
    const rollups: Rollup[] = [];
    const samples: BucketMean[] = [];
    const events: PendingEvent[] = [];
    for (let m = hour; m < hour + 3_600_000; m += minute) {
      for (const p of probeSeries) rollups.push(rollup(p.latency, m, 20), { ...rollup(p.up, m, 1), mean: 1, min: 1, max: 1, p50: 1, p95: 1, p99: 1 });
      for (const c of containerSeries) for (const s of c) rollups.push(rollup(s, m, 100));
    }
    if (hour >= fineFrom) {
      for (let t = hour; t < hour + 3_600_000; t += 1_000) for (const p of probeSeries) samples.push({ series: p.latency, at: t, value: 10 + Math.random() * 20 });
      for (let t = hour; t < hour + 3_600_000; t += 10_000) for (const c of containerSeries) for (const s of c.slice(0, 4)) samples.push({ series: s, at: t, value: Math.random() * 100 });
    }
    for (let k = 0; k < 8; k++) events.push(event(hour + k * 450_000, eventNo++));
    store.write({ events, samples, rollups });
  }
}

export function simulateWeek(path: string, shape: { probes: number; containers: number }) {
  const started = performance.now();
  const store = new HistoryStore(path);
  const retain = 7 * day;
  const now = Date.now() - (Date.now() % 3_600_000);
  const day7 = now - day;
  writeDays(store, day7 - 7 * day, day7, day7 - day, shape);
  store.prune(day7, retain, 1024 ** 4);
  const bytesAfterWeek = store.bytes();
  writeDays(store, day7, now, day7, shape);
  store.prune(now, retain, 1024 ** 4);
  const bytesAfterEightDays = store.bytes();
  store.close();
  return { bytesAfterWeek, bytesAfterEightDays, tookMs: performance.now() - started };
}

/** The demo stack's history file ("demo.db") with 24 h of backend-health and `events` events over the last 7 days. */
export function seedReadFixtures(dataHome: string, o: { events: number }): void {
  const dir = join(dataHome, 'switchboard');
  mkdirSync(dir, { recursive: true });
  const store = new HistoryStore(join(dir, 'demo.db'));
  const latency = store.seriesId('probe:backend-health', 'probe.latency_ms');
  const now = Date.now() - (Date.now() % minute);
  const rollups: Rollup[] = [];
  for (let m = now - day; m < now; m += minute) rollups.push(rollup(latency, m, 15 + 10 * Math.sin(m / 3_600_000)));
  const events: PendingEvent[] = [];
  for (let i = 0; i < o.events; i++) events.push(event(now - 7 * day + Math.floor((i * 7 * day) / o.events), i));
  store.write({ events, samples: [], rollups });
  store.close();
}

/** The store's own share of the chart read: the 24 h range query, best of five. */
export async function timeStoreRead(dataHome: string): Promise<{ ms: number; points: number }> {
  const store = new HistoryStore(join(dataHome, 'switchboard', 'demo.db'));
  let best = Infinity;
  let points = 0;
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    const got = await store.range({ source: 'probe:backend-health', name: 'probe.latency_ms', from: Date.now() - day, to: Date.now(), stepMs: minute });
    best = Math.min(best, performance.now() - t0);
    points = got.length;
  }
  store.close();
  return { ms: best, points };
}
