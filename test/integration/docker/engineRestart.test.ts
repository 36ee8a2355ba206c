import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startService } from '../../support/docker/serviceHarness.js';
import { SecondEngine } from '../../support/docker/secondEngine.js';
import { TestContainers } from '../../support/docker/testContainers.js';
import { docker } from '../../support/docker/dockerCli.js';

/** Runs against a private second dockerd, so stopping "the engine" does not disturb anyone else's tests. */
describe('engine stopped and started again mid-stream', () => {
  const engine = new SecondEngine();
  let tc: TestContainers;
  let h: ReturnType<typeof startService>;
  let logger: { id: string; name: string };

  beforeAll(async () => {
    await engine.start();
    tc = new TestContainers(engine.host);
    logger = await tc.run({ image: 'logger', name: 'logger', restart: 'always' });
    h = startService({ name: 'spare', host: engine.host, containers: [`${tc.prefix}-*`] });
  }, 180_000);

  afterAll(async () => {
    h?.service.dispose();
    await tc?.removeAll();
    await engine.dispose();
  }, 120_000);

  it('shows the engine unreachable with cause and address, then is current again soon after it returns, with no doubled streams', async () => {
    const e = h.service.engine('spare');
    await h.until('logger running', () => h.container(logger.name)?.state === 'running');
    const watch = e.stats.watch(logger.id);
    await h.until('stats and logs flowing', () => e.stats.latest(logger.id) && h.lines.some((l) => l.source === `container:${logger.name}`));

    await engine.stop();
    const down = await h.until('the engine to be shown unreachable', () => {
      const s = h.service.state().engines[0]!;
      return s.status === 'unreachable' && s;
    });
    expect(down.address).toBe(engine.host);
    expect(down.error).toMatch(new RegExp(`^Docker engine not reachable at ${engine.host}: .*(ENOENT|ECONNREFUSED|ended|closed|ECONNRESET)`));
    expect(down.containers).toEqual([]);
    expect(down.retryEveryMs).toBeGreaterThanOrEqual(250);
    expect(down.retryEveryMs).toBeLessThanOrEqual(1000);
    await h.until('the retry to fail with "is Docker running?"', () => /is Docker running\?/.test(h.service.state().engines[0]!.error ?? ''));
    expect(e.stats.openStreams).toBe(0);

    await engine.start(); // resolves once the engine answers `docker version`
    const back = Date.now();
    await h.until('the engine to be connected with logger running again', () => h.service.state().engines[0]!.status === 'connected' && h.container(logger.name)?.state === 'running');
    console.log(`engine current again ${Date.now() - back} ms after it answered the CLI`);

    const samplesBefore = e.stats.history(logger.id).length;
    await h.until('stats flowing again', () => e.stats.history(logger.id).length > samplesBefore + 1, 30_000);
    expect(e.stats.openStreams).toBe(1);
    expect(e.openLogStreams).toBe(1);
    const lines = h.lines.filter((l) => l.source === `container:${logger.name}`).map((l) => `${l.ts} ${l.stream} ${l.text}`);
    expect(new Set(lines).size).toBe(lines.length);
    watch.dispose();
    expect(e.stats.openStreams).toBe(0);
    await docker(['ps'], { host: engine.host });
  }, 180_000);

  it('shows a hung engine (frozen, sockets still open) as unreachable, and catches up when it thaws', async () => {
    await h.until('connected', () => h.service.state().engines[0]!.status === 'connected');
    try {
      await engine.freeze();
      const down = await h.until('the heartbeat to notice', () => h.service.state().engines[0]!.status === 'unreachable' && h.service.state().engines[0]!, 60_000);
      expect(down.error).toMatch(/did not answer within \d+ s/);
    } finally {
      engine.thaw();
    }
    await h.until('connected again after the thaw', () => h.service.state().engines[0]!.status === 'connected' && h.container(logger.name)?.state === 'running', 60_000);
  }, 120_000);

  it('gives up on an inspect the hung engine never answers, rather than waiting forever', async () => {
    await h.until('connected', () => h.service.state().engines[0]!.status === 'connected' && h.container(logger.name)?.state === 'running');
    try {
      await engine.freeze();
      // Called at once, while the heartbeat still takes the engine for alive.
      const started = Date.now();
      const err = await h.service.inspect({ id: logger.id }).catch((e: unknown) => e);
      expect(err).toMatchObject({ code: 'timeout' });
      expect((err as Error).message).toMatch(/^inspect of container .*-logger did not answer within \d+ s$/);
      expect(Date.now() - started).toBeLessThan(30_000);
    } finally {
      engine.thaw();
    }
    await h.until('connected again after the thaw', () => h.service.state().engines[0]!.status === 'connected' && h.container(logger.name)?.state === 'running', 60_000);
  }, 120_000);
});
