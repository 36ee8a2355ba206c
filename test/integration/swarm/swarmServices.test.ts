import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerDocker } from '../../../electron/docker/index.js';
import { registerSwarm } from '../../../electron/swarm/index.js';
import { swarmEnginesOf } from '../../../electron/app/swarmEngines.js';
import type { CommandName, ParamsIn, ResultOf } from '../../../shared/contract/index.js';
import { fakeAppContext } from '../../support/appContext.js';
import { waitFor } from '../../support/waitFor.js';
import { PrivateSwarm } from '../../support/swarm/privateSwarm.js';

// A single-node swarm on a private engine the test starts: the suite's engine never joins a swarm.
describe('Swarm services on a private single-node swarm', () => {
  const swarm = new PrivateSwarm();
  let ctx: ReturnType<typeof fakeAppContext>;
  let services: ReturnType<typeof registerSwarm>;
  const web = () => services.state().engines[0]?.services.find((s) => s.name === 'sbt-web');
  const call = async <K extends CommandName>(name: K, params: ParamsIn<K>): Promise<ResultOf<K>> => {
    const outcome = await ctx.commands.call(name, params);
    if (!outcome.ok) throw new Error(outcome.error.message);
    return outcome.value as ResultOf<K>;
  };

  beforeAll(async () => {
    await swarm.start();
    ctx = fakeAppContext({ docker: { host: swarm.host, swarm: true } });
    const docker = registerDocker(ctx);
    services = registerSwarm(ctx, swarmEnginesOf(docker));
    // As the Services screen does: engines poll every few seconds only while a screen shows them.
    ctx.disposables.add(services.watch());
    await swarm.createService('sbt-web', 2, 'shop');
  }, 180_000);

  afterAll(async () => {
    await ctx?.disposables.disposeAsync();
    await swarm.dispose();
  }, 120_000);

  it('shows the service in its stack with 2/2 running, its tasks and the node', async () => {
    await waitFor('sbt-web at 2/2', () => web()?.running === 2, 60_000);
    const engine = services.state().engines[0]!;
    expect(engine.manager).toBe(true);
    expect(engine.nodes).toEqual([expect.objectContaining({ role: 'manager', availability: 'active', status: 'ready', leader: true })]);
    expect(web()).toMatchObject({ stack: 'shop', mode: 'replicated', desired: 2, image: 'sbtest-containers/busybox:1' });
    expect(web()!.tasks.filter((t) => t.state === 'running').map((t) => t.slot).sort()).toEqual([1, 2]);
  }, 90_000);

  it('scales to 3 through the contract, and `docker service ls` shows 3/3', async () => {
    const result = await call('swarm.scale', { service: 'sbt-web', replicas: 3 });
    expect(result.message).toMatch(/^scale to 3 of service:sbt-web scaled to 3 in/);
    await waitFor('docker service ls to show 3/3', async () => (await swarm.serviceList()).get('sbt-web') === '3/3', 60_000, 500);
    await waitFor('the screen to show 3 running', () => web()?.running === 3, 10_000);
  }, 90_000);

  it('a rolling restart replaces every task, one at a time, while the screen follows', async () => {
    const before = new Set(web()!.tasks.filter((t) => t.desiredState === 'running').map((t) => t.id));
    const seen = new Set<string>();
    const watch = services.changed.on(() => {
      const s = web();
      if (s?.update) seen.add(s.update.state);
      for (const t of s?.tasks ?? []) if (before.has(t.id) && t.desiredState === 'shutdown') seen.add('old task shutting down');
    });
    await call('swarm.restart', { service: 'sbt-web' });
    await waitFor(
      'three new running tasks and the update completed',
      () => {
        const s = web();
        const running = s?.tasks.filter((t) => t.desiredState === 'running' && t.state === 'running') ?? [];
        return running.length === 3 && running.every((t) => !before.has(t.id)) && s?.update?.state === 'completed';
      },
      90_000,
    );
    watch.dispose();
    expect([...seen]).toEqual(expect.arrayContaining(['updating', 'old task shutting down', 'completed']));
  }, 120_000);

  it('follows the merged logs of every task into the log hub', async () => {
    const { source } = await call('swarm.logs', { service: 'sbt-web', follow: true });
    expect(source).toBe('service:sbt-web');
    await waitFor('lines of three tasks', () => new Set(ctx.lines.filter((l) => l.source === source && /tick \d+/.test(l.text)).map((l) => l.text.split(']')[0])).size >= 3, 30_000);
    await call('swarm.logs', { service: 'sbt-web', follow: false });
  }, 60_000);

  it('removes the service', async () => {
    await call('swarm.remove', { service: 'sbt-web' });
    await waitFor('the service gone', () => web() === undefined, 30_000);
    expect((await swarm.serviceList()).has('sbt-web')).toBe(false);
  }, 60_000);
});
