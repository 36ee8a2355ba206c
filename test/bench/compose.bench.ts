/**
 * Compose and Swarm benchmarks (real engine, real compose tool, locally built images):
 * - Up of the two-service test project through the contract (until both services show running)
 *   vs `docker-compose up -d` of the same file, alternating, each followed by a down;
 * - a private single-node swarm with BENCH_SWARM_SERVICES services × BENCH_SWARM_REPLICAS tasks
 *   (default 50 × 4 = 200): after a task's container is killed, how long until the `swarm` topic
 *   shows it, and the main-process CPU (the services run in this process) over that time.
 * Tiny run: BENCH_COMPOSE_ROUNDS=1 BENCH_SWARM_SERVICES=3 BENCH_SWARM_REPLICAS=1 BENCH_SWARM_KILLS=2
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { discardLogs } from '../../electron/core/logWriter.js';
import { registerDocker } from '../../electron/docker/index.js';
import { registerCompose } from '../../electron/compose/index.js';
import { registerSwarm } from '../../electron/swarm/index.js';
import { composeEnginesOf } from '../../electron/app/composeEngines.js';
import { swarmEnginesOf } from '../../electron/app/swarmEngines.js';
import type { SwarmState } from '../../shared/contract/swarm.js';
import { fakeAppContext, recordingSink } from '../support/appContext.js';
import { waitFor } from '../support/waitFor.js';
import { freePort } from '../support/docker/testContainers.js';
import { ensureImage, removeTestImages } from '../support/docker/testImages.js';
import { docker } from '../support/docker/dockerCli.js';
import { ComposeFolder } from '../support/compose/composeFolder.js';
import { PrivateSwarm } from '../support/swarm/privateSwarm.js';
import { cpuMs, report, type Figure, type Ratio } from './report.js';

const rounds = Number(process.env.BENCH_COMPOSE_ROUNDS ?? 5);
const swarmServices = Number(process.env.BENCH_SWARM_SERVICES ?? 50);
const replicas = Number(process.env.BENCH_SWARM_REPLICAS ?? 4);
const kills = Number(process.env.BENCH_SWARM_KILLS ?? 10);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function cli(args: string[], folder: ComposeFolder): Promise<void> {
  return new Promise((resolve, reject) =>
    execFile('docker-compose', ['-p', folder.project, '-f', folder.file, '--env-file', folder.envFile, '--profile', 'workers', ...args], { timeout: 120_000 }, (err, _o, stderr) => (err ? reject(new Error(stderr)) : resolve())),
  );
}

async function upRatio(): Promise<{ figures: Figure[]; ratios: Ratio[] }> {
  for (const image of ['web', 'logger'] as const) await ensureImage(image);
  const folder = new ComposeFolder(`sbt-${randomBytes(3).toString('hex')}-bench`, await freePort());
  const ctx = fakeAppContext({ docker: { compose: [{ file: folder.file, envFile: folder.envFile, profiles: ['workers'], projectName: folder.project }] } }, { logs: discardLogs });
  const dockerService = registerDocker(ctx);
  const compose = registerCompose(ctx, composeEnginesOf(dockerService), { env: process.env });
  const project = () => compose.state().projects[0];
  try {
    await waitFor('the project to be read', () => project()?.services.length === 2, 60_000);
    const ours: number[] = [];
    const theirs: number[] = [];
    for (let i = 0; i < rounds; i++) {
      const t0 = performance.now();
      const outcome = await ctx.commands.call('compose.up', { project: folder.project });
      if (!outcome.ok) throw new Error(outcome.error.message);
      await waitFor('both running on screen', () => project()?.services.every((s) => s.status === 'running'), 30_000, 5);
      ours.push(performance.now() - t0);
      await cli(['down'], folder);
      const t1 = performance.now();
      await cli(['up', '-d'], folder);
      theirs.push(performance.now() - t1);
      await cli(['down'], folder);
    }
    const ratio = median(ours) / median(theirs);
    return {
      figures: [
        { label: `Up through the contract, median of ${rounds}`, value: median(ours), unit: 'ms' },
        { label: 'docker-compose up -d, same file, median', value: median(theirs), unit: 'ms' },
      ],
      ratios: [{ label: 'Up from Switchboard / docker-compose up -d', value: ratio, target: '≤ 1.05', pass: ratio <= 1.05 }],
    };
  } finally {
    await ctx.disposables.disposeAsync();
    await folder.dispose();
  }
}

async function swarmLatency(): Promise<{ figures: Figure[]; ratios: Ratio[] }> {
  const swarm = new PrivateSwarm();
  await swarm.start();
  const ctx = fakeAppContext({ docker: { host: swarm.host, swarm: true } }, { logs: discardLogs });
  try {
    for (let i = 0; i < swarmServices; i++) await swarm.createService(`sbt-bench-${i}`, replicas, 'bench');
    const dockerService = registerDocker(ctx);
    registerSwarm(ctx, swarmEnginesOf(dockerService));
    const { rec, sink, latest } = recordingSink<SwarmState, never>();
    ctx.topics.open('swarm', {}, sink);
    const running = () => latest()?.engines[0]?.services.reduce((n, s) => n + s.running, 0) ?? 0;
    await waitFor(`${swarmServices * replicas} tasks running`, () => running() === swarmServices * replicas, 10 * 60_000, 200);
    const latencies: number[] = [];
    const cpuBefore = cpuMs();
    const wallBefore = performance.now();
    for (let k = 0; k < kills; k++) {
      const service = `sbt-bench-${k % swarmServices}`;
      const id = (await docker(['ps', '-q', '--filter', `label=com.docker.swarm.service.name=${service}`], { host: swarm.host })).split('\n')[0]!;
      const task = (await docker(['inspect', '--format', '{{index .Config.Labels "com.docker.swarm.task.id"}}', id], { host: swarm.host })).trim();
      const seen = rec.states.length;
      // From the moment the engine answered the kill (the task's container is dead): the CLI's own start-up is not ours to count.
      await docker(['kill', id], { host: swarm.host });
      const t0 = performance.now();
      await waitFor('the killed task on screen', () => rec.states.slice(seen).some((s) => s.engines[0]?.services.some((sv) => sv.tasks.some((t) => t.id === task && t.state !== 'running'))), 10_000, 5);
      latencies.push(performance.now() - t0);
      await waitFor('back to full strength', () => running() === swarmServices * replicas, 60_000, 100);
    }
    const cpu = cpuMs() - cpuBefore;
    const wall = performance.now() - wallBefore;
    const worst = Math.max(...latencies);
    return {
      figures: [
        { label: `task killed → swarm topic shows it, median of ${kills} (${swarmServices} services, ${swarmServices * replicas} tasks)`, value: median(latencies), unit: 'ms' },
        { label: 'task change → swarm topic, worst', value: worst, unit: 'ms' },
        { label: 'main-process CPU while following the swarm (services in-process)', value: (cpu / wall) * 100, unit: '% of a core' },
      ],
      ratios: [{ label: 'worst task update latency / 500 ms budget', value: worst / 500, target: '≤ 1.0', pass: worst <= 500 }],
    };
  } finally {
    await ctx.disposables.disposeAsync();
    await swarm.dispose();
  }
}

const up = await upRatio();
const latency = await swarmLatency();
await removeTestImages();
report('compose', [...up.figures, ...latency.figures], [...up.ratios, ...latency.ratios]);
