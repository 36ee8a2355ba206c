import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startService } from '../../support/docker/serviceHarness.js';
import { TestContainers, freePort } from '../../support/docker/testContainers.js';
import { removeTestImages } from '../../support/docker/testImages.js';
import { docker } from '../../support/docker/dockerCli.js';

describe('containers list on a real engine', () => {
  const tc = new TestContainers();
  const project = `${tc.prefix}-shop`;
  let harness: ReturnType<typeof startService>;
  let webPort = 0;

  beforeAll(async () => {
    webPort = await freePort();
    await tc.run({ image: 'web', name: 'web', project, service: 'web', env: { PORT: String(webPort) } });
    await tc.run({ image: 'failer', name: 'failer', project, service: 'failer' });
    await tc.run({ image: 'crasher', name: 'crasher', project, service: 'crasher', restart: 'always' });
    await tc.run({ image: 'logger', name: 'loner', labels: { 'com.example.tier': 'batch' } });
    harness = startService({ project, labels: { 'com.example.tier': 'batch' } }, { followLogs: false });
  });

  afterAll(async () => {
    harness?.service.dispose();
    await tc.removeAll();
    await removeTestImages();
  });

  it('shows the stack containers grouped by compose project and service, and nothing else', async () => {
    const { container, service, until } = harness;
    await until('the engine to connect with the containers listed', () => container(`${tc.prefix}-web`) && container(`${tc.prefix}-loner`));
    const engine = service.state().engines[0]!;
    expect(engine.status).toBe('connected');
    expect(engine.address).toMatch(/^unix:\/\//);
    expect(engine.version).toBeTruthy();
    const web = container(`${tc.prefix}-web`)!;
    expect(web).toMatchObject({ project, service: 'web', state: 'running', restartPolicy: 'no', inStack: true });
    expect(container(`${tc.prefix}-loner`)?.project).toBeUndefined();
    for (const c of engine.containers) expect(c.project === project || c.labels['com.example.tier'] === 'batch').toBe(true);
  });

  it('shows health going to healthy with the last health-check output', async () => {
    const web = await harness.until('web to be healthy', () => harness.container(`${tc.prefix}-web`)?.health === 'healthy' && harness.container(`${tc.prefix}-web`));
    expect(web.healthOutput).toContain(`served on ${webPort}`);
    expect(web.status).toBe('Up (healthy)');
    expect(web.startedAt).toBeGreaterThan(Date.now() - 120_000);
  });

  it('shows the exit code of a container that exited non-zero', async () => {
    const failer = await harness.until('failer to exit', () => harness.container(`${tc.prefix}-failer`)?.state === 'exited' && harness.container(`${tc.prefix}-failer`));
    expect(failer.exitCode).toBe(42);
    expect(failer.status).toBe('Exited (42)');
  });

  it('counts the restarts of a crash-looping container under --restart always', async () => {
    const crasher = await harness.until('crasher to restart twice', () => (harness.container(`${tc.prefix}-crasher`)?.restartCount ?? 0) >= 2 && harness.container(`${tc.prefix}-crasher`), 60_000);
    expect(crasher.restartPolicy).toBe('always');
    expect(['running', 'restarting', 'exited']).toContain(crasher.state);
  });

  it('follows the engine events: a container stopped, unhealthy and removed from the CLI shows so without polling', async () => {
    const { service, container, until } = harness;
    const listCalls = countListCalls(service);
    await docker(['exec', `${tc.prefix}-web`, 'touch', '/www/broken']);
    await until('web to be unhealthy', () => container(`${tc.prefix}-web`)?.health === 'unhealthy');
    await docker(['stop', '-t', '1', `${tc.prefix}-loner`]);
    await until('loner to be exited', () => container(`${tc.prefix}-loner`)?.state === 'exited');
    const { id } = await tc.run({ image: 'failer', name: 'late', project });
    await until('a new container to appear', () => container(`${tc.prefix}-late`));
    await docker(['rm', '-f', id]);
    await until('the removed container to disappear', () => !container(`${tc.prefix}-late`));
    expect(listCalls()).toBe(0);
  });

  it('shows every container of the engine when "show all" is on, marking those outside the stack', async () => {
    const other = await tc.run({ image: 'failer', name: 'outsider', createOnly: true });
    const { service, container, until } = harness;
    await until('the engine to know the outsider', () => service.engine().container(other.id));
    expect(container(other.name)).toBeUndefined();
    service.setShowAll(true);
    const shown = await until('the outsider to be shown', () => container(other.name));
    expect(shown.inStack).toBe(false);
    expect(service.state().showAll).toBe(true);
    service.setShowAll(false);
    await until('the outsider to be hidden again', () => !container(other.name));
  });
});

/** Counts container list reads from now on: live state must come from events, not from re-listing. */
function countListCalls(service: ReturnType<typeof startService>['service']): () => number {
  const engine = service.engine();
  const before = engine.containerListReads;
  return () => engine.containerListReads - before;
}
