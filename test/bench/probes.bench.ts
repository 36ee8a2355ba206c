// 100 HTTP probes at a 1 s interval against the demo backend: main-process CPU per sample (against
// the same number of bare keep-alive GETs to the same URL on node:http, and as raw bytes on a
// kept-alive socket, both measured first in the same run) and scheduling drift.
//
//   npx tsx test/bench/probes.bench.ts          (PROBES_SECONDS=N per phase, default 30;
//                                                BENCH_UNDICI=<path to undici/index.js> to try an uninstalled copy)
//
// Drift on a busy 2-core machine is mostly the OS handing the CPU to someone else, not us. So the
// control runs *at the same time* in its own process: the same 100 deadlines with no work at all.
// What the probes add on top of the control is ours; what the control shows is the machine's.
import { execFile } from 'node:child_process';
import { loadavg } from 'node:os';
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startDemoBackend } from '../../electron/demo/backend/startDemoBackend.js';
import { discardLogs } from '../../electron/core/logWriter.js';
import { probeSchema } from '../../electron/base/stackFile/probes.js';
import { ProbeService } from '../../electron/probes/probeService.js';
import type { SchedulerStats } from '../../electron/base/deadlineScheduler.js';
import { cpuMs, report } from './report.js';
import { bareRequestCpu, rawSocketRequestCpu, undiciRequestCpu } from './bareHttp.js';
import { selfMicrosBy, sourceFileOwners } from './profileOwners.js';
import { profileThisProcess } from './thisProcessProfile.js';

const probes = 100;
const seconds = Number(process.env.PROBES_SECONDS ?? 30);
const schedulerFile = fileURLToPath(new URL('../../electron/base/deadlineScheduler.ts', import.meta.url));

/** 100 no-op jobs on the real scheduler in a separate process: drift stats from `fromMs` to `toMs` after it starts. */
async function controlRun(fromMs: number, toMs: number): Promise<SchedulerStats> {
  const code = `import { DeadlineScheduler, phaseFor } from ${JSON.stringify(schedulerFile)};
const s = new DeadlineScheduler();
for (let i = 0; i < ${probes}; i++) s.add(1000, async () => {}, phaseFor('probe-' + i, 1000));
setTimeout(() => s.resetStats(), ${fromMs});
setTimeout(() => { console.log(JSON.stringify(s.stats())); s.dispose(); }, ${toMs});`;
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code]);
  return JSON.parse(stdout) as SchedulerStats;
}

const backend = await startDemoBackend();
const bare = await bareRequestCpu(`${backend.url}/health`, probes, seconds);
// The floor under any client: fixed request bytes on a kept-alive socket, no parsing.
const raw = await rawSocketRequestCpu(`${backend.url}/health`, probes, seconds);
// The candidate client measured the same way in the same run (skipped, and said so, when it is not installed).
const undici = await undiciRequestCpu(`${backend.url}/health`, probes, seconds);
const service = new ProbeService({ logs: discardLogs, baseDir: () => process.cwd() });
try {
  let samples = 0;
  let failed = 0;
  service.sampled.on(({ sample }) => {
    samples++;
    if (sample.outcome !== 'ok') failed++;
  });
  const settleMs = 3_000;
  // Started now so its own start-up is over when the measured 30 s begin, as ours is.
  const control = controlRun(settleMs, settleMs + seconds * 1_000);
  service.apply(Object.fromEntries(Array.from({ length: probes }, (_, i) => [`probe-${i}`, probeSchema.parse({ url: `${backend.url}/health`, every: '1s', timeout: '2s', slo: { p95: '100ms' } })])));
  await new Promise((r) => setTimeout(r, settleMs)); // settle: sockets open, JIT warm
  service.scheduler.resetStats();
  samples = 0;
  failed = 0;
  // What blocks the loop, if drift is high: event-loop delay and GC pauses. A 1 ms resolution woke the
  // loop 1,000 times a second and cost ~2 % of a core, 0.2 ms per sample, all of it counted as the probes'.
  const loopDelay = monitorEventLoopDelay({ resolution: 20 });
  const gcPauses: number[] = [];
  const gc = new PerformanceObserver((list) => list.getEntries().forEach((e) => gcPauses.push(e.duration)));
  gc.observe({ entryTypes: ['gc'] });
  loopDelay.enable();
  const cpu0 = cpuMs();
  const t0 = performance.now();
  // As the probes topic does for a subscribed client: summaries kept fresh per sample, the state read 4× a second.
  const watching = service.watchSummaries();
  const summaries = setInterval(() => service.state(), 250);
  await new Promise((r) => setTimeout(r, seconds * 1_000));
  clearInterval(summaries);
  watching.dispose();
  const wall = performance.now() - t0;
  const cpu = cpuMs() - cpu0;
  const taken = samples;
  const takenFailed = failed;
  loopDelay.disable();
  gc.disconnect();
  const controlStats = await control;
  const load = loadavg()[0]!;
  const stats = service.scheduler.stats();
  const perSample = cpu / Math.max(1, taken);
  // Where a sample's CPU goes: the same probes for another window with V8's sampler on, after the
  // measured one (a profiler costs CPU of its own). It sees this process's JavaScript thread only:
  // what the kernel spends on the sockets is in the CPU figure above, not here.
  samples = 0;
  const watchingAgain = service.watchSummaries();
  const summariesAgain = setInterval(() => service.state(), 250);
  const profile = await profileThisProcess(seconds * 1_000);
  clearInterval(summariesAgain);
  watchingAgain.dispose();
  const profiledSamples = Math.max(1, samples);
  const owners = [...selfMicrosBy(profile, sourceFileOwners)].sort((a, b) => b[1] - a[1]);
  report(
    `${probes} HTTP probes at 1 s for ${seconds} s (demo backend /health, 5–30 ms answers)`,
    [
      { label: 'samples taken', value: taken, unit: '' },
      { label: 'CPU per probe sample (probes + summaries)', value: perSample, unit: 'ms' },
      { label: `reference: CPU per bare keep-alive GET, node:http (${bare.requests} in ${seconds} s)`, value: bare.cpuMsEach, unit: 'ms' },
      { label: `floor: CPU per GET as raw bytes on a kept-alive socket (${raw.requests} in ${seconds} s)`, value: raw.cpuMsEach, unit: 'ms' },
      { label: 'probe sample / raw-socket floor', value: perSample / raw.cpuMsEach, unit: '×' },
      undici
        ? { label: `candidate: CPU per undici Pool.request GET (${undici.requests} in ${seconds} s)`, value: undici.cpuMsEach, unit: 'ms' }
        : { label: 'candidate: undici Pool.request GET (npm undici not installed: skipped)', value: 0, unit: 'ms' },
      ...(undici ? [{ label: 'candidate / bare keep-alive GET (node:http)', value: undici.cpuMsEach / bare.cpuMsEach, unit: '×' }] : []),
      { label: 'failed samples', value: takenFailed, unit: '' },
      { label: 'main-process CPU (probes + summaries)', value: (cpu / wall) * 100, unit: '% of one core' },
      { label: 'scheduling drift p50', value: stats.driftP50, unit: 'ms' },
      { label: 'scheduling drift max', value: stats.driftMax, unit: 'ms' },
      { label: 'ticks skipped (previous run still going)', value: stats.skipped, unit: '' },
      { label: 'event-loop delay p99 (monitorEventLoopDelay)', value: loopDelay.percentile(99) / 1e6, unit: 'ms' },
      { label: 'event-loop delay max', value: loopDelay.max / 1e6, unit: 'ms' },
      { label: 'GC pauses: count / longest', value: gcPauses.length, unit: `/ ${Math.max(0, ...gcPauses).toFixed(1)} ms` },
      { label: `control: drift p99, 100 no-op timers, own process, same ${seconds} s`, value: controlStats.driftP99, unit: 'ms' },
      { label: 'control: drift max', value: controlStats.driftMax, unit: 'ms' },
      { label: 'load average (1 min) at the end of the run', value: load, unit: '' },
    ],
    [
      { label: 'CPU per probe sample, ms', value: perSample, target: '≤ 0.3 ms', pass: perSample <= 0.3 },
      { label: 'CPU per probe sample / bare keep-alive GET', value: perSample / bare.cpuMsEach, target: '≤ 1.5', pass: perSample / bare.cpuMsEach <= 1.5 },
      { label: 'scheduling drift p99', value: stats.driftP99, target: '≤ 5 ms', pass: stats.driftP99 <= 5 },
    ],
  );
  report(
    `probes: where a sample's CPU goes, V8 profile of ${profiledSamples} samples after the measured window (self time by whose code ran; the profiler adds its own cost)`,
    [
      { label: 'all of the JavaScript thread (the kernel\'s socket work is not in it)', value: owners.reduce((sum, [, us]) => sum + us, 0) / profiledSamples, unit: 'µs a sample' },
      ...owners.slice(0, 12).map(([owner, us]) => ({ label: `  ${owner}`, value: us / profiledSamples, unit: 'µs a sample' })),
    ],
  );
} finally {
  service.dispose();
  await backend.stop();
}
