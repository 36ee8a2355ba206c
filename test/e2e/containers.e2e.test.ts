import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useApp } from './appFixture.js';
import { TestContainers, freePort } from '../support/docker/testContainers.js';
import { removeTestImages } from '../support/docker/testImages.js';
import { docker } from '../support/docker/dockerCli.js';
import { SecondEngine } from '../support/docker/secondEngine.js';

// The containers screen against the real engine: live rows, Restart through the UI, a CLI stop seen at once.
describe('Containers screen', () => {
  const tc = new TestContainers();
  const project = `${tc.prefix}-shop`;
  let page: Page;

  // the stack's containers first; the app starts on them (useApp below), and quits before they are removed
  beforeAll(async () => {
    await tc.run({ image: 'web', name: 'web', project, service: 'web', env: { PORT: String(await freePort()), API_TOKEN: 'e2e-secret' } });
    // Takes about two seconds to stop, so "restarting" is on screen long enough to see.
    await tc.run({ image: 'busybox', name: 'worker', project, service: 'worker', cmd: ['sh', '-c', 'trap "exit 0" TERM; while true; do sleep 2; done'] });
    await tc.run({ image: 'logger', name: 'logger', project, service: 'logger' });
    await tc.run({ image: 'failer', name: 'migrate', project, service: 'migrate' });
    await tc.run({ image: 'crasher', name: 'flaky', project, service: 'flaky', restart: 'always' });
  }, 180_000);

  afterAll(async () => {
    await tc.removeAll();
    await removeTestImages();
  });

  const app = useApp({ config: { name: 'e2e-containers', docker: { project } }, at: '#/containers' });
  beforeAll(() => {
    page = app.page;
  });

  const row = (name: string) => page.getByRole('listitem', { name: `container ${tc.prefix}-${name}` });

  it('lists the compose project live, with health, exit codes and restarts', async () => {
    await expect.poll(() => row('web').textContent(), { timeout: 30_000 }).toMatch(/running · healthy/);
    await expect.poll(() => row('migrate').textContent(), { timeout: 10_000 }).toMatch(/exited \(42\)/);
    await expect.poll(() => row('flaky').textContent(), { timeout: 30_000 }).toMatch(/\d+ restarts/);
    await expect.poll(() => page.getByRole('region', { name: `compose project ${project}` }).textContent()).toMatch(/running/);
  });

  it('Restart on a row shows running → restarting → running', async () => {
    const worker = row('worker');
    await expect.poll(() => worker.textContent(), { timeout: 20_000 }).toMatch(/running/);
    const seen: string[] = [];
    const pill = worker.locator('.pill');
    await worker.getByRole('button', { name: 'Restart' }).click();
    await expect
      .poll(
        async () => {
          const text = (await pill.textContent()) ?? '';
          if (seen.at(-1) !== text) seen.push(text);
          return seen.includes('restarting') && text === 'running';
        },
        { timeout: 30_000, interval: 50 },
      )
      .toBe(true);
    expect(seen.indexOf('restarting')).toBeGreaterThanOrEqual(0);
    await expect.poll(() => worker.textContent()).toMatch(/restart done in (\d+ ms|\d+(\.\d)? s)/);
  });

  it('shows a container stopped from the CLI within 2 s', async () => {
    const logger = row('logger');
    await expect.poll(() => logger.locator('.pill').textContent(), { timeout: 20_000 }).toBe('running');
    await docker(['stop', '-t', '5', `${tc.prefix}-logger`]);
    await expect.poll(() => logger.locator('.pill').textContent(), { timeout: 2_000, interval: 50 }).toMatch(/^exited/);
  });

  it('shows live stats for a picked container and the stack-wide table', async () => {
    await row('web').getByRole('button', { name: /Show stats and details/ }).click();
    const charts = page.locator('.containers-charts');
    await expect.poll(async () => Number(await charts.getAttribute('data-points')), { timeout: 30_000 }).toBeGreaterThan(4);
    await expect.poll(() => page.getByRole('table', { name: 'stack-wide CPU and memory' }).textContent(), { timeout: 20_000 }).toMatch(/-web.*\d+(\.\d)? (B|KiB|MiB)/);
    // Host-networked containers have no network counters in Docker: said so, rather than 0 B/s.
    await expect.poll(() => page.getByRole('table', { name: 'stack-wide CPU and memory' }).textContent()).toMatch(/-web.*not reported \(host network\)/);
    await expect.poll(() => page.locator('.containers-selected').textContent()).toMatch(/Net rx \/ txnot reported \(host network\)/);
    await app.shot('containers');
    // The stats panel on its own, for the issue note.
    await app.shot('containers-stats', page.locator('.containers-selected'));
  });

  it('masks secret-looking env values in details until revealed', async () => {
    await page.getByRole('tab', { name: 'Details' }).click();
    const env = page.locator('.containers-env');
    await expect.poll(() => env.textContent(), { timeout: 20_000 }).toMatch(/API_TOKEN••••••••/);
    await page.getByRole('button', { name: 'Reveal API_TOKEN' }).click();
    await expect.poll(() => env.textContent()).toMatch(/API_TOKENe2e-secret/);
    await app.shot('containers-details');
  });
});

describe('Containers screen with the engine down', () => {
  const app = useApp({ config: { name: 'e2e-engine-down', docker: { host: 'unix:///tmp/sbtest-no-such-docker.sock' } }, at: '#/containers' });

  it('says the engine is not reachable, at which address and why', async () => {
    const alert = app.page.getByRole('alert', { name: /engine .* unreachable/ });
    await expect.poll(() => alert.textContent(), { timeout: 20_000 }).toMatch(/Docker engine not reachable at unix:\/\/\/tmp\/sbtest-no-such-docker\.sock.*ENOENT.*is Docker running\?.*Trying again every second…/);
    await app.shot('containers-engine-down');
  });

  it('says it on the Overview too, the address once and then the cause', async () => {
    await app.page.getByRole('navigation').getByRole('link', { name: 'Overview' }).click();
    const banner = app.page.locator('.error-banner').filter({ hasText: 'Docker engine not reachable' });
    await expect.poll(() => banner.textContent(), { timeout: 20_000 }).toMatch(/^Docker engine not reachable at unix:\/\/\/tmp\/sbtest-no-such-docker\.sockconnect ENOENT \/tmp\/sbtest-no-such-docker\.sock — is Docker running\?$/);
    await app.shot('overview-engine-down');
  });
});

describe('Containers screen with two engines', () => {
  const second = new SecondEngine();
  const local = new TestContainers();
  const edge = new TestContainers(second.host);

  // the second engine and both stacks first; the app starts on them (useApp below), and quits before they go
  beforeAll(async () => {
    await second.start();
    const idle = ['sh', '-c', 'trap "exit 0" TERM; while true; do sleep 1; done'];
    for (const name of ['api', 'worker']) await local.run({ image: 'busybox', name, project: `${local.prefix}-core`, service: name, cmd: idle });
    for (const name of ['cache', 'proxy']) await edge.run({ image: 'busybox', name, project: `${edge.prefix}-edge`, service: name, cmd: idle });
  }, 180_000);

  afterAll(async () => {
    await local.removeAll();
    await second.dispose();
  }, 120_000);

  const app = useApp({
    config: {
      name: 'e2e-two-engines',
      docker: { engines: [{ name: 'local', project: `${local.prefix}-core` }, { name: 'edge', host: second.host, project: `${edge.prefix}-edge` }] },
    },
    at: '#/containers',
    viewport: { width: 1920, height: 1000 },
  });

  it('shows the engines side by side on a wide screen, each with its own containers', async () => {
    const page = app.page;
    const engines = page.getByRole('group', { name: 'engines side by side' }).locator('.containers-engine');
    await expect.poll(() => engines.count(), { timeout: 20_000 }).toBe(2);
    await expect.poll(() => engines.nth(0).textContent(), { timeout: 30_000 }).toMatch(new RegExp(`${local.prefix}-api.*${local.prefix}-worker`));
    await expect.poll(() => engines.nth(1).textContent(), { timeout: 30_000 }).toMatch(new RegExp(`${edge.prefix}-cache.*${edge.prefix}-proxy`));
    const [a, b] = [await engines.nth(0).boundingBox(), await engines.nth(1).boundingBox()];
    expect(b!.x).toBeGreaterThan(a!.x + a!.width - 1);
    expect(Math.abs(b!.y - a!.y)).toBeLessThan(2);
    await app.shot('containers-two-engines');
  });
});
