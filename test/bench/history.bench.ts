// History (issue 11): what recording costs, how big the file gets, how fast it reads back.
//
//   npx tsx test/bench/history.bench.ts           (or npm run bench -- history; builds first for the read part)
//   HISTORY_BENCH_SECONDS=5 HISTORY_BENCH_PROBES=10 HISTORY_BENCH_CONTAINERS=2 HISTORY_BENCH_EVENTS=1000 …   a tiny run
//
// 1. Write cost: 100 real HTTP probes at 1 s (demo backend) publish their signals as the app does, plus
//    the stats signals of 20 containers at 1 s (synthetic: the same six signals per container that
//    docker/dockerStackEvents.ts records, without 20 real containers). Two phases in one process, the
//    same load each: history off (nobody listens on the buses), then on (the real HistoryService:
//    evidence, 10 s means, minute rollups, one transaction a second). CPU ratio on/off and the
//    event-loop delay p99 of both.
// 2. Disk: bytes a day at that load (the on phase's growth, scaled to 24 h), and the file after a
//    simulated week under retain 7d: seven days of minute rollups and events, the last 24 h of fine
//    samples, pruned as the app prunes.
// 3. Read: a 24 h latency chart (1,440 minute points) from the store to painted in Chromium, and the
//    Timeline with 10,000 events scrolled: frame time p95.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { startDemoBackend } from '../../electron/demo/backend/startDemoBackend.js';
import { discardLogs } from '../../electron/core/logWriter.js';
import { EventBus, SignalBus } from '../../electron/core/stackBus.js';
import { SecretMasker } from '../../electron/base/secrets/secretMasker.js';
import { probeSchema } from '../../electron/base/stackFile/probes.js';
import { stackSchema } from '../../electron/base/stackFile/stack.js';
import { ProbeService } from '../../electron/probes/probeService.js';
import { publishProbeStackEvents } from '../../electron/probes/probeStackEvents.js';
import { HistoryService } from '../../electron/history/historyService.js';
import { cpuMs, report } from './report.js';
import { simulateWeek, seedReadFixtures, timeStoreRead } from './historyFixtures.js';
import { measureReads } from './historyReads.js';

const seconds = Number(process.env.HISTORY_BENCH_SECONDS ?? 30);
const probes = Number(process.env.HISTORY_BENCH_PROBES ?? 100);
const containers = Number(process.env.HISTORY_BENCH_CONTAINERS ?? 20);
const timelineEvents = Number(process.env.HISTORY_BENCH_EVENTS ?? 10_000);
const work = mkdtempSync(join(tmpdir(), 'history-bench-'));

const p99 = (h: ReturnType<typeof monitorEventLoopDelay>) => h.percentile(99) / 1e6;

async function writeCost() {
  const backend = await startDemoBackend();
  const secrets = new SecretMasker();
  const events = new EventBus(secrets);
  const signals = new SignalBus();
  const service = new ProbeService({ logs: discardLogs, baseDir: () => work, secrets });
  const published = publishProbeStackEvents(service, events, signals);
  service.apply(Object.fromEntries(Array.from({ length: probes }, (_, i) => [`probe-${i}`, probeSchema.parse({ url: `${backend.url}/health`, every: '1s', timeout: '2s' })])));
  // Container stats as dockerStackEvents records them, once a second per container.
  const stats = setInterval(() => {
    const at = Date.now();
    for (let c = 0; c < containers; c++) {
      const source = `container:bench-${c}`;
      signals.record({ at, source, name: 'container.cpu_percent', value: 2 + Math.random() * 5 });
      signals.record({ at, source, name: 'container.memory_bytes', value: 50e6 + Math.random() * 1e6 });
      signals.record({ at, source, name: 'container.memory_limit_bytes', value: 1e9 });
      signals.record({ at, source, name: 'container.net_rx_bytes_per_second', value: Math.random() * 1e4 });
      signals.record({ at, source, name: 'container.net_tx_bytes_per_second', value: Math.random() * 1e4 });
      signals.record({ at, source, name: 'container.up', value: 1 });
    }
  }, 1_000);
  await new Promise((r) => setTimeout(r, 3_000)); // settle: sockets open, JIT warm

  const phase = async () => {
    const delay = monitorEventLoopDelay({ resolution: 1 });
    delay.enable();
    const cpu0 = cpuMs();
    const t0 = performance.now();
    await new Promise((r) => setTimeout(r, seconds * 1_000));
    const cpu = (cpuMs() - cpu0) / (performance.now() - t0);
    delay.disable();
    return { cpu, p99: p99(delay) };
  };
  const off = await phase();
  const history = new HistoryService({ events, signals, evidence: { recent: () => [] }, dataFolder: work, baseDir: () => work });
  history.apply(stackSchema.parse({ name: 'bench' }));
  // Sizes with the write-ahead log folded in, so its fill level does not count as growth.
  history.store!.checkpoint();
  const bytes0 = history.store!.bytes();
  const on = await phase();
  history.flush();
  history.store!.checkpoint();
  const grownPerSecond = (history.store!.bytes() - bytes0) / seconds;
  history.dispose();
  clearInterval(stats);
  published.dispose();
  service.dispose();
  await backend.stop();
  return { off, on, bytesPerDay: grownPerSecond * 86_400 };
}

const write = await writeCost();
report(
  `history write cost: ${probes} HTTP probes at 1 s + stats of ${containers} containers, ${seconds} s off then ${seconds} s on`,
  [
    { label: 'main-process CPU, history off', value: write.off.cpu * 100, unit: '% of one core' },
    { label: 'main-process CPU, history on', value: write.on.cpu * 100, unit: '% of one core' },
    { label: 'event-loop delay p99, history off', value: write.off.p99, unit: 'ms' },
    { label: 'event-loop delay p99, history on', value: write.on.p99, unit: 'ms' },
    { label: 'disk: bytes a day at this load (on-phase growth × 24 h)', value: write.bytesPerDay / 1e6, unit: 'MB' },
    { label: 'load average (1 min) at the end', value: loadavg()[0]!, unit: '' },
  ],
  [{ label: 'main CPU history on / off', value: write.on.cpu / write.off.cpu, target: '≤ 1.10', pass: write.on.cpu / write.off.cpu <= 1.1 }],
);

const week = simulateWeek(join(work, 'week.db'), { probes, containers });
report(`history file after a simulated week under retain: 7d (${probes} probes, ${containers} containers)`, [
  { label: 'file size after a week (7 d of rollups and events, 24 h fine)', value: week.bytesAfterWeek / 1e6, unit: 'MB' },
  { label: 'one more day later, pruned (bounded: about the same)', value: week.bytesAfterEightDays / 1e6, unit: 'MB' },
  { label: 'simulation took', value: week.tookMs / 1000, unit: 's' },
]);

console.log('\nbuilding for the read part (npm run build)…');
const built = spawnSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' });
if (built.status !== 0) throw new Error('npm run build failed');
const dataHome = join(work, 'reads');
seedReadFixtures(dataHome, { events: timelineEvents });
const reads = await measureReads(dataHome);
const storeRead = await timeStoreRead(dataHome);
report(
  `history reads in Chromium (browser mode): a 24 h chart from the store, a Timeline of ${timelineEvents} events`,
  [
    { label: '24 h chart: the store query alone (1,440 minute points)', value: storeRead.ms, unit: `ms (${storeRead.points} points)` },
    { label: '24 h chart: points drawn (of 1,440 stored minutes + live)', value: reads.chartPoints, unit: '' },
    { label: 'Timeline: rows in the list', value: reads.timelineRows, unit: '' },
    { label: 'Timeline: frames measured while scrolling', value: reads.frames, unit: '' },
  ],
  [
    { label: '24 h chart store → painted (ms)', value: reads.chartMs, target: '≤ 150', pass: reads.chartMs <= 150 },
    // rAF timestamps are coarsened to 0.1 ms, so a frame on time at 60 Hz reads 16.6–16.8 ms (as in the logs bench).
    { label: 'Timeline scroll frame p95 (ms)', value: reads.frameP95, target: '≤ 16.7 (one 60 Hz frame, read to 0.1 ms)', pass: reads.frameP95 <= 16.7 + 0.1 },
  ],
);
rmSync(work, { recursive: true, force: true });
