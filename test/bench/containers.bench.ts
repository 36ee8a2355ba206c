/**
 * Containers benchmarks (real engine, locally built images):
 * - restart round trip through Switchboard's command (sent → running again, seen via events) vs `docker restart`;
 * - main-process CPU (the built browser-mode server) streaming stats of 20 containers vs one `docker stats` CLI
 *   watching the same 20 (needs `npm run build`);
 * - heap after an hour-equivalent of stats history for 20 containers (flat once the rings are full).
 */
import { spawn } from 'node:child_process';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { discardLogs } from '../../electron/core/logWriter.js';
import { registerDocker } from '../../electron/docker/register.js';
import { ContainerStats } from '../../electron/docker/containerStats.js';
import { EngineConnection } from '../../electron/docker/engineConnection.js';
import { resolveEngineAddress } from '../../electron/docker/engineAddress.js';
import type { RawStats } from '../../electron/docker/statsMath.js';
import { TestContainers, freePort } from '../support/docker/testContainers.js';
import { waitFor } from '../support/waitFor.js';
import { fakeAppContext } from '../support/appContext.js';
import { removeTestImages } from '../support/docker/testImages.js';
import { docker } from '../support/docker/dockerCli.js';
import { report, type Figure, type Ratio } from './report.js';
import { pidOnPort, processCpuMs } from './processStats.js';
import { startServer } from '../e2e/harness.js';
import { cpuProfilerOptions, toggleCpuProfile } from './cpuProfile.js';
import { WebSocket } from 'ws';

const restartRounds = Number(process.env.BENCH_RESTART_ROUNDS ?? 10);
const statsContainers = 20;
const cpuWindowMs = Number(process.env.BENCH_CPU_WINDOW_MS ?? 30_000);
const idleWindowMs = Number(process.env.BENCH_IDLE_WINDOW_MS ?? 15_000);
const idleSettleMs = Number(process.env.BENCH_IDLE_SETTLE_MS ?? 30_000);
/** A folder for a V8 CPU profile of the server (written when it stops), to see where the streaming time goes. */
const cpuProfileDir = process.env.BENCH_CPU_PROFILE_DIR;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function timeCli(args: string[]): Promise<number> {
  const t0 = performance.now();
  await docker(args);
  return performance.now() - t0;
}

async function restartRoundTrip(tc: TestContainers): Promise<{ figures: Figure[]; ratios: Ratio[] }> {
  const web = await tc.run({ image: 'web', name: 'bench-web', project: `${tc.prefix}-bench`, env: { PORT: String(await freePort()) } });
  const ctx = fakeAppContext({ docker: { project: `${tc.prefix}-bench` } }, { logs: discardLogs });
  const service = registerDocker(ctx);
  try {
    const engine = service.engine();
    await waitFor('the engine to list the container', () => engine.container(web.id)?.state === 'running', 30_000);
    const ours: number[] = [];
    const cli: number[] = [];
    const oursOnce = async () => {
      const before = engine.container(web.id)!.startedAt!;
      let started = false;
      const sub = engine.onContainerEvent(({ id, action }) => id === web.id && action === 'start' && (started = true));
      const t0 = performance.now();
      const outcome = await ctx.commands.call('containers.restart', { id: web.id });
      if (!outcome.ok) throw new Error(outcome.error.message);
      // Running again as the events report it: the start event has been applied and the state is new.
      await waitFor('the start event', () => started && engine.container(web.id)!.state === 'running' && engine.container(web.id)!.startedAt! > before, 30_000, 1);
      sub.dispose();
      return performance.now() - t0;
    };
    await oursOnce(); // warm-up: first connections, JIT
    await timeCli(['restart', web.id]);
    for (let i = 0; i < restartRounds; i++) {
      // Alternate who goes first so drift on a shared machine hits both alike.
      if (i % 2 === 0) {
        ours.push(await oursOnce());
        cli.push(await timeCli(['restart', web.id]));
      } else {
        cli.push(await timeCli(['restart', web.id]));
        ours.push(await oursOnce());
      }
    }
    const ratio = median(ours) / median(cli);
    return {
      figures: [
        { label: `restart round trip, Switchboard (median of ${restartRounds})`, value: median(ours), unit: 'ms' },
        { label: `restart round trip, docker restart CLI (median of ${restartRounds})`, value: median(cli), unit: 'ms' },
      ],
      ratios: [{ label: 'restart Switchboard / docker restart CLI', value: ratio, target: '≤ 1.05', pass: ratio <= 1.05 }],
    };
  } finally {
    ctx.disposables.dispose();
  }
}

/**
 * Switchboard's side is the built browser-mode server (the same bundled main
 * process users run, not this tsx-run script, whose loader alone idles at
 * ~0.4 % of a core), with a client subscribed to the stack-wide stats table so
 * every one of the 20 containers is streamed. Both sides are read from /proc
 * the same way.
 */
async function statsCpu(tc: TestContainers): Promise<{ figures: Figure[]; ratios: Ratio[] }> {
  const project = `${tc.prefix}-stats`;
  const ids: string[] = [];
  for (let i = 0; i < statsContainers; i++) {
    const c = await tc.run({ image: 'busybox', name: `stats-${i}`, project, cmd: ['sh', '-c', 'trap "exit 0" TERM; while true; do sleep 1; done'] });
    ids.push(c.id);
  }
  const profileEnv = cpuProfileDir ? { NODE_OPTIONS: cpuProfilerOptions(cpuProfileDir) } : undefined;
  const server = await startServer({ config: { name: 'containers-bench', docker: { project } }, ...(profileEnv ? { env: profileEnv } : {}) });
  let oursMs: number;
  let idleMs: number;
  let tables = 0;
  let streamed = 0;
  try {
    const pid = await pidOnPort(server.port);
    // The same process with nobody subscribed: what the rest of the app costs, to see what streaming adds.
    // Measured once start-up has settled: V8 runs its memory-reducing full GCs some 10–25 s after start.
    await new Promise((r) => setTimeout(r, idleSettleMs));
    const b0 = processCpuMs(pid);
    await new Promise((r) => setTimeout(r, idleWindowMs));
    idleMs = processCpuMs(pid) - b0;
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/ws?token=${server.token}`);
    await new Promise((resolve, reject) => (ws.once('open', resolve), ws.once('error', reject)));
    ws.on('message', (data: Buffer) => {
      const msg = JSON.parse(data.toString()) as { t: string; value?: { rows: Array<{ latest?: unknown }> } };
      if (msg.t !== 'state' && msg.t !== 'snapshot') return;
      tables++;
      streamed = msg.value?.rows.filter((r) => r.latest).length ?? 0;
    });
    ws.send(JSON.stringify({ t: 'sub', id: 1, topic: 'containers.stats', params: {} }));
    await waitFor(`all ${statsContainers} containers in the stats table`, () => streamed === statsContainers, 60_000, 200);
    await new Promise((r) => setTimeout(r, 5000)); // past start-up and JIT warm-up, as the CLI gets below
    const t0 = tables;
    if (cpuProfileDir) toggleCpuProfile(pid);
    const c0 = processCpuMs(pid);
    await new Promise((r) => setTimeout(r, cpuWindowMs));
    oursMs = processCpuMs(pid) - c0;
    if (cpuProfileDir) {
      toggleCpuProfile(pid);
      await waitFor('the server to write its CPU profile', () => /CPU-PROFILE (.*)\n/.test(server.output()), 10_000);
      console.log(/CPU-PROFILE (.*)\n/.exec(server.output())![0].trim());
    }
    tables -= t0;
    ws.close();
  } finally {
    await server.stop();
  }

  const child = spawn('docker', ['stats', ...ids], { stdio: ['ignore', 'pipe', 'ignore'] });
  child.stdout.resume();
  await new Promise((r) => setTimeout(r, 5000)); // let it open its 20 streams and settle
  const k0 = processCpuMs(child.pid!);
  await new Promise((r) => setTimeout(r, cpuWindowMs));
  const cliMs = processCpuMs(child.pid!) - k0;
  // `docker stats` with a pipe for stdout ignores SIGTERM and SIGINT; it holds nothing worth a clean exit.
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGKILL');
  await exited;

  const seconds = cpuWindowMs / 1000;
  const ratio = oursMs / Math.max(cliMs, 1);
  const idlePercent = (idleMs / idleWindowMs) * 100;
  const oursPercent = (oursMs / cpuWindowMs) * 100;
  const cliPercent = (cliMs / cpuWindowMs) * 100;
  const added = (oursPercent - idlePercent) / Math.max(cliPercent, 0.01);
  return {
    figures: [
      { label: 'Switchboard main process CPU, idle (nobody subscribed)', value: idlePercent, unit: '% of a core' },
      { label: `Switchboard main process CPU, stats of ${statsContainers} containers`, value: oursPercent, unit: '% of a core' },
      { label: `docker stats CLI CPU, same ${statsContainers} containers`, value: cliPercent, unit: '% of a core' },
      { label: 'stats tables sent to the client per second', value: tables / seconds, unit: '/s' },
    ],
    ratios: [
      { label: `CPU Switchboard / docker stats CLI (${seconds} s)`, value: ratio, target: '≤ 0.75', pass: ratio <= 0.75 },
      { label: 'CPU added by streaming (minus idle) / docker stats CLI', value: added, target: '≤ 1.0', pass: added <= 1.0 },
    ],
  };
}

function heapAfterGc(): number {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

/** An hour of one-second samples for 20 containers through the same code the streams use. */
function statsMemory(): { figures: Figure[]; ratios: Ratio[] } {
  const conn = new EngineConnection('bench', resolveEngineAddress({ host: 'unix:///nonexistent' }, {}));
  const stats = new ContainerStats(conn);
  const ids = Array.from({ length: statsContainers }, (_, i) => `c${i}`);
  const heaps: number[] = [];
  let t = Date.parse('2026-01-01T00:00:00Z');
  let cpu = 0;
  for (let second = 1; second <= 3600; second++) {
    t += 1000;
    cpu += 5e6;
    for (const id of ids) stats.record(id, fakeStats(t, cpu, second));
    if (second % 900 === 0) heaps.push(heapAfterGc());
  }
  stats.dispose();
  conn.dispose();
  const [full, , , hour] = heaps as [number, number, number, number];
  const ratio = hour / full;
  return {
    figures: [
      { label: 'heap after 15 min-equivalent (rings just full)', value: full / 2 ** 20, unit: 'MiB' },
      { label: 'heap after 30 min-equivalent', value: heaps[1]! / 2 ** 20, unit: 'MiB' },
      { label: 'heap after 60 min-equivalent', value: hour / 2 ** 20, unit: 'MiB' },
      { label: 'ring buffer size for 20 containers (15 min at 1 s)', value: (statsContainers * 900 * 9 * 8) / 2 ** 20, unit: 'MiB' },
    ],
    ratios: [{ label: 'heap at 60 min / heap at 15 min (flat)', value: ratio, target: '≤ 1.05', pass: ratio <= 1.05 }],
  };
}

function fakeStats(ts: number, cpu: number, second: number): RawStats {
  return {
    read: new Date(ts).toISOString(),
    cpu_stats: { cpu_usage: { total_usage: cpu }, system_cpu_usage: second * 2e9, online_cpus: 2 },
    precpu_stats: { cpu_usage: { total_usage: cpu - 5e6 }, system_cpu_usage: (second - 1) * 2e9, online_cpus: 2 },
    memory_stats: { usage: 50e6 + (second % 100) * 1e4, limit: 8e9, stats: { total_inactive_file: 1e6 } },
    networks: { eth0: { rx_bytes: second * 1000, tx_bytes: second * 500 } },
    blkio_stats: { io_service_bytes_recursive: [{ op: 'Read', value: second * 10 }, { op: 'Write', value: second * 20 }] },
    pids_stats: { current: 3 },
  };
}

const only = process.env.BENCH_ONLY;
const tc = new TestContainers();
try {
  if (!only || only === 'restart') {
    const restart = await restartRoundTrip(tc);
    report('containers: restart round trip', restart.figures, restart.ratios);
    await tc.removeAll();
  }
  if (!only || only === 'cpu') {
    const cpu = await statsCpu(tc);
    report('containers: CPU while streaming stats', cpu.figures, cpu.ratios);
    await tc.removeAll();
  }
  if (!only || only === 'memory') {
    const memory = statsMemory();
    report('containers: stats history memory', memory.figures, memory.ratios);
  }
} finally {
  await tc.removeAll();
  await removeTestImages();
}
