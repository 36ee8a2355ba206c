import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useApp } from './appFixture.js';
import { axeViolations } from './screens.js';
import { PrivateSwarm } from '../support/swarm/privateSwarm.js';

// The Services screen against a single-node swarm on a private engine (never the suite's engine).
describe('Services screen', () => {
  const swarm = new PrivateSwarm();
  let page: Page;

  beforeAll(async () => {
    await swarm.start();
    await swarm.createService('sbt-web', 2, 'shop');
  }, 180_000);

  afterAll(() => swarm.dispose(), 120_000);

  const app = useApp(() => ({ config: { name: 'e2e-swarm', docker: { host: swarm.host, swarm: true } }, at: '#/services', viewport: { width: 1400, height: 1000 } }));
  beforeAll(() => {
    page = app.page;
  });

  const card = () => page.getByRole('region', { name: 'Stack shop' }).getByRole('region', { name: 'service sbt-web' });

  it('shows the service in its stack at 2/2 with its tasks and the node', async () => {
    await expect.poll(() => card().textContent(), { timeout: 60_000 }).toMatch(/2\/2 replicas/);
    await expect.poll(() => page.getByRole('table', { name: /^nodes of/ }).textContent()).toMatch(/manager \(leader\).*active.*ready/);
    expect(await card().getByRole('table', { name: 'tasks of sbt-web' }).getByRole('row').count()).toBe(3);
    expect(await axeViolations(page)).toEqual([]);
  }, 90_000);

  it('scales to 3 from the screen, and `docker service ls` shows 3/3', async () => {
    await card().getByRole('spinbutton', { name: 'Replicas' }).fill('3');
    await card().getByRole('button', { name: 'Scale' }).click();
    await expect.poll(async () => (await swarm.serviceList()).get('sbt-web'), { timeout: 60_000, interval: 500 }).toBe('3/3');
    await expect.poll(() => card().textContent(), { timeout: 10_000 }).toMatch(/3\/3 replicas/);
  }, 90_000);

  it('a rolling restart turns the tasks over, visibly', async () => {
    await card().getByRole('button', { name: 'Rolling restart' }).click();
    await expect.poll(() => card().textContent(), { timeout: 20_000, interval: 100 }).toMatch(/rolling update.*stopping|rolling update.*shutdown/);
    await app.shot('services-rolling-restart', card());
    await expect.poll(() => card().textContent(), { timeout: 90_000 }).toMatch(/update completed/);
    await expect.poll(() => card().textContent()).toMatch(/3\/3 replicas/);
    await app.shot('services');
  }, 120_000);

  it('Logs follows the merged service logs into the log viewer', async () => {
    await card().getByRole('button', { name: 'Logs' }).click();
    await expect.poll(() => page.url()).toMatch(/#\/logs/);
    await expect.poll(() => page.getByRole('main').textContent(), { timeout: 30_000 }).toMatch(/tick \d+/);
  }, 60_000);
});
