import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContainersState, ContainerStatsSnapshot, EngineState, StatsSample } from '../../../shared/contract/containers.js';
import { SecondEngine } from '../../support/docker/secondEngine.js';
import { TestContainers } from '../../support/docker/testContainers.js';
import { answers, connectionsFrom, engineContainers } from '../../support/docker/engineSocket.js';
import { waitFor } from '../../support/waitFor.js';
import { DrillApp, since } from './drillApp.js';

/**
 * Drill: the Docker engine dies (SIGKILL, no goodbye on any socket) while
 * Switchboard follows its events, a container's logs and its stats, then
 * comes back. Runs on a private second dockerd, never the shared one.
 */
describe('drill: the Docker engine is killed and restarted mid-stream', () => {
  const engine = new SecondEngine();
  const drill = new DrillApp();
  let tc: TestContainers;
  let logger: { id: string; name: string };

  beforeAll(async () => {
    await engine.start();
    tc = new TestContainers(engine.host);
    logger = await tc.run({ image: 'logger', name: 'logger', restart: 'always' });
    await drill.start({ name: 'drill-engine', docker: { name: 'spare', host: engine.host, containers: [`${tc.prefix}-*`] } });
  }, 180_000);

  afterAll(async () => {
    await drill.stop();
    await tc?.removeAll();
    await engine.dispose();
  }, 120_000);

  it('is current again within 2 s of the engine answering, with one event, one log and one stats stream, as before', async () => {
    const containers = drill.watch<ContainersState>('containers');
    const shown = (): EngineState | undefined => containers.latest()?.engines[0];
    const loggerShown = () => shown()?.containers.find((c) => c.name === logger.name);
    const loggerLines = () => drill.app.logs.query({ sources: [`container:${logger.name}`] }, 1_000_000);
    // Events, the logger's log follow and its stats: the connections this process holds to the engine.
    const streams = () => connectionsFrom(process.pid, engine.socket);

    await waitFor('the logger running in Switchboard', () => shown()?.status === 'connected' && loggerShown()?.state === 'running', 30_000);
    const stats = drill.watch<ContainerStatsSnapshot, StatsSample>('container.stats', { engine: 'spare', id: logger.id });
    await waitFor('stats and log lines flowing', () => stats.items.length > 1 && loggerLines().length > 2, 30_000);
    expect(await settled(streams, 3)).toBe(3);

    const killed = performance.now();
    await engine.kill();
    const down = await waitFor('Switchboard to show the engine unreachable', () => shown()?.status === 'unreachable' && shown(), 10_000, 10);
    const shownDown = since(killed);
    expect(down.error).toMatch(new RegExp(`^Docker engine not reachable at ${engine.host}: `));
    expect(down.containers).toEqual([]);
    expect(await settled(streams, 0)).toBe(0);

    await engine.containerdReaped();
    const launched = performance.now();
    engine.launch();
    // How long dockerd takes to come back is the engine's business (under CI load it has taken over a
    // minute); what this drill times starts when it answers. If it never does, its log says why.
    await engine.explainFailure(waitFor('the engine to answer /_ping', () => answers(engine.socket), 150_000, 10));
    const answered = performance.now();
    const startup = Math.round(answered - launched);
    // Current: connected, showing exactly the engine's containers in the engine's states, checked against the engine itself.
    await waitFor(
      'Switchboard to show what the engine has',
      async () => {
        const state = shown();
        if (state?.status !== 'connected') return false;
        const truth = (await engineContainers(engine.socket)).filter((c) => c.Names.some((n) => n.startsWith(`/${tc.prefix}-`)));
        const mine = state.containers.map((c) => `${c.id} ${c.state}`).sort();
        return JSON.stringify(mine) === JSON.stringify(truth.map((c) => `${c.Id} ${c.State}`).sort());
      },
      10_000,
      10,
    );
    const currentAgain = since(answered);
    console.log(
      `drill engine SIGKILL: shown unreachable ${shownDown} ms after the kill; dockerd answered ${startup} ms after launch; ` +
        `Switchboard current again ${currentAgain} ms after the engine answered`,
    );
    expect(currentAgain).toBeLessThan(2000);

    await waitFor('the logger running again', () => loggerShown()?.state === 'running', 60_000);
    const [samples, lines] = [stats.items.length, loggerLines().length];
    await waitFor('stats and log lines flowing again', () => stats.items.length > samples + 1 && loggerLines().length > lines + 1, 30_000);
    expect(stats.closed()).toBeUndefined();
    expect(await settled(streams, 3)).toBe(3);
    const seen = loggerLines().map((l) => `${l.ts} ${l.stream} ${l.text}`);
    expect(new Set(seen).size).toBe(seen.length);
    expect(await drill.answers()).toBe(true);
  }, 300_000);
});

/**
 * The count once it holds `expected` for 2 s running (idle keep-alive sockets
 * of one-shot calls linger up to 5 s), else the last count seen after 20 s.
 */
async function settled(count: () => number, expected: number): Promise<number> {
  const deadline = Date.now() + 20_000;
  let run = 0;
  let last = count();
  while (Date.now() < deadline) {
    last = count();
    run = last === expected ? run + 1 : 0;
    if (run >= 8) return last;
    await new Promise((r) => setTimeout(r, 250));
  }
  return last;
}
