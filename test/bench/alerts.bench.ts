// Alerts: how late a firing is past its for:, and what 500 rules cost the main process at idle.
//
//   npm run bench -- alerts          ALERTS_BENCH_SECONDS=N (idle window per phase, default 60),
//                                    ALERTS_BENCH_FIRINGS=N (firings timed, default 50)
//
// Both run on the built-in demo stack (its backend, MCP servers, probe, cache and Docker engine), loaded
// from a stack file so the only difference between the two phases is the alerts: section.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { createSwitchboard, type Switchboard } from '../../electron/app/createSwitchboard.js';
import { startDemoStack } from '../../electron/demo/index.js';
import { discardLogs } from '../../electron/core/logWriter.js';
import { builtInAlertNames } from '../../electron/base/stackFile/builtInAlertRules.js';
import { cpuMs, report } from './report.js';

const idleSeconds = Number(process.env.ALERTS_BENCH_SECONDS ?? 60);
const firings = Number(process.env.ALERTS_BENCH_FIRINGS ?? 50);
const rules = 500;
const forMs = 1_000;

/** 500 rules over everything the demo has, none of which holds at idle: the cost of evaluating, not of firing. */
function manyRules(): Record<string, object> {
  const shapes = [
    { probe: 'backend-health', when: 'p95 > 10s in 5m' },
    { probe: '*', when: 'latency > 10s' },
    { probe: 'backend-*', when: 'availability < 1% in 5m' },
    { probe: '*', when: 'burnRate > 1000 in 1h & 5m' },
    { cache: '*', when: 'hitRate < 1%', for: '1m' },
    { mcp: '*', when: 'state in [stopped]' },
    { mcp: 'every*', when: 'restarts > 1000 in 10m' },
    { container: '*', when: 'cpu > 10000%', for: '5m' },
    { container: '*', when: 'memory > 1000GiB' },
    { engine: '*', when: 'up < 0' },
  ];
  return Object.fromEntries(Array.from({ length: rules }, (_, i) => [`bench-${i}`, shapes[i % shapes.length]!]));
}

const noBuiltIns = Object.fromEntries(builtInAlertNames.map((name) => [name, { off: true }]));

async function withApp<T>(file: string, cwd: string, run: (app: Switchboard) => Promise<T>): Promise<T> {
  const app = await createSwitchboard({ argv: ['--config', file], env: process.env, cwd, mode: 'browser' });
  try {
    return await run(app);
  } finally {
    await app.shutdown();
  }
}

/** Main-process CPU over the idle window, after the stack has settled (servers ready, first samples in). */
async function idleCpu(app: Switchboard): Promise<number> {
  // The alerts topic is open, as the banner keeps it open in every window.
  const subscription = app.topics.open('alerts', {}, { snapshot() {}, state() {}, append() {}, close() {} });
  await new Promise((r) => setTimeout(r, 5_000));
  const cpu0 = cpuMs();
  const t0 = performance.now();
  await new Promise((r) => setTimeout(r, idleSeconds * 1_000));
  const share = (cpuMs() - cpu0) / (performance.now() - t0);
  if (subscription.ok) subscription.subscription.dispose();
  return share * 100;
}

/** For each of `firings` sources: record probe.up = 0, time the alert.firing event past the rule's for:. */
async function firingLateness(app: Switchboard): Promise<number[]> {
  const started = new Map<string, number>();
  const late: number[] = [];
  const done = new Promise<void>((resolve) => {
    app.events.on((event) => {
      if (event.kind !== 'alert.firing' || event.details?.rule !== 'bench-latency') return;
      const t0 = started.get(String(event.details.target));
      if (t0 === undefined) return;
      late.push(performance.now() - t0 - forMs);
      if (late.length === firings) resolve();
    });
  });
  for (let i = 0; i < firings; i++) {
    const source = `probe:bench-target-${i}`;
    started.set(source, performance.now());
    app.signals.record({ source, name: 'probe.up', value: 0 });
    await new Promise((r) => setTimeout(r, 97));
  }
  await Promise.race([done, new Promise((r) => setTimeout(r, forMs + 30_000))]);
  return late;
}

const work = mkdtempSync(join(tmpdir(), 'sb-alerts-bench-'));
const demo = await startDemoStack(discardLogs, { ...process.env, SWITCHBOARD_DEMO_DIR: join(work, 'demo') });
try {
  const without = join(demo.demoDir, 'stack-without-alerts.yaml');
  const withRules = join(demo.demoDir, 'stack-with-alerts.yaml');
  writeFileSync(without, stringify({ ...demo.config, alerts: noBuiltIns }));
  writeFileSync(withRules, stringify({ ...demo.config, alerts: { ...manyRules(), 'bench-latency': { probe: 'bench-target-*', when: 'up < 1', for: '1s' } } }));

  const cpuWithout = await withApp(without, demo.demoDir, idleCpu);
  const { cpuWith, late } = await withApp(withRules, demo.demoDir, async (app) => ({ cpuWith: await idleCpu(app), late: await firingLateness(app) }));
  late.sort((a, b) => a - b);
  const at = (p: number) => late[Math.min(late.length - 1, Math.ceil((p / 100) * late.length) - 1)] ?? NaN;
  const ratio = cpuWith / cpuWithout;
  report(
    `alerts: ${rules} rules (+ built-ins) over the demo stack, ${idleSeconds} s idle per phase; ${firings} firings timed`,
    [
      { label: 'firings seen / timed', value: late.length, unit: `/ ${firings}` },
      { label: 'signal → firing past for: (1 s), p50', value: at(50), unit: 'ms' },
      { label: 'signal → firing past for: (1 s), max', value: late.at(-1) ?? NaN, unit: 'ms' },
      { label: 'main-process CPU, demo stack, no alert rules', value: cpuWithout, unit: '% of one core' },
      { label: `main-process CPU, demo stack, ${rules} rules + built-ins`, value: cpuWith, unit: '% of one core' },
    ],
    [
      { label: 'signal → firing past for:, p95', value: at(95), target: '≤ 1000 ms', pass: at(95) <= 1000 && late.length === firings },
      { label: `main CPU with ${rules} rules / without`, value: ratio, target: '≤ 1.05', pass: ratio <= 1.05 },
    ],
  );
} finally {
  await demo.stop();
  rmSync(work, { recursive: true, force: true });
}
