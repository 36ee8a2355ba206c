// 100 HTTP probes at a 1 s interval against the demo backend: main-process CPU and scheduling drift.
import { startDemoBackend } from '../../electron/demo/backend/startDemoBackend.js';
import { discardLogs } from '../../electron/core/logWriter.js';
import { probeSchema } from '../../electron/config/schema/probes.js';
import { ProbeService } from '../../electron/probes/probeService.js';
import { ProbeScheduler, phaseFor } from '../../electron/probes/probeScheduler.js';
import { cpuMs, report } from './report.js';

const probes = 100;
const seconds = 30;

// Control: the same 100 deadlines with no work at all, to show how late timers fire on this machine right now.
const control = new ProbeScheduler();
for (let i = 0; i < probes; i++) control.add(1_000, async () => {}, phaseFor(`probe-${i}`, 1_000));
await new Promise((r) => setTimeout(r, 10_000));
const controlStats = control.stats();
control.dispose();

const backend = await startDemoBackend();
const service = new ProbeService({ logs: discardLogs, baseDir: () => process.cwd() });
try {
  let samples = 0;
  let failed = 0;
  service.sampled.on(({ sample }) => {
    samples++;
    if (sample.outcome !== 'ok') failed++;
  });
  service.apply(Object.fromEntries(Array.from({ length: probes }, (_, i) => [`probe-${i}`, probeSchema.parse({ url: `${backend.url}/health`, every: '1s', timeout: '2s', slo: { p95: '100ms' } })])));
  await new Promise((r) => setTimeout(r, 3_000)); // settle: sockets open, JIT warm
  service.scheduler.resetStats();
  samples = 0;
  failed = 0;
  const cpu0 = cpuMs();
  const t0 = performance.now();
  // The probes topic recomputes summaries at most 4× a second; do the same so its cost is counted.
  const summaries = setInterval(() => service.state(), 250);
  await new Promise((r) => setTimeout(r, seconds * 1_000));
  clearInterval(summaries);
  const wall = performance.now() - t0;
  const cpu = cpuMs() - cpu0;
  const stats = service.scheduler.stats();
  report(
    `${probes} HTTP probes at 1 s for ${seconds} s (demo backend /health, 5–30 ms answers)`,
    [
      { label: 'samples taken', value: samples, unit: '' },
      { label: 'failed samples', value: failed, unit: '' },
      { label: 'main-process CPU (probes + summaries)', value: (cpu / wall) * 100, unit: '% of one core' },
      { label: 'scheduling drift p50', value: stats.driftP50, unit: 'ms' },
      { label: 'scheduling drift max', value: stats.driftMax, unit: 'ms' },
      { label: 'ticks skipped (previous run still going)', value: stats.skipped, unit: '' },
      { label: 'control: drift p99 of 100 no-op timers, same machine, just before', value: controlStats.driftP99, unit: 'ms' },
      { label: 'load average (1 min) during the run', value: (await import('node:os')).loadavg()[0]!, unit: '' },
    ],
    [{ label: 'scheduling drift p99', value: stats.driftP99, target: '≤ 5 ms', pass: stats.driftP99 <= 5 }],
  );
} finally {
  service.dispose();
  await backend.stop();
}
