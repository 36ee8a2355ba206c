import { describe, expect, it } from 'vitest';
import { useApp } from './appFixture.js';

// The foundation's slice: open browser mode on the built-in demo stack, see it live, restart the failing wrapper.
describe('Overview on the built-in demo stack', () => {
  const app = useApp();

  it('shows the demo MCP servers, containers, a live health probe and a cache hit rate', async () => {
    const mcp = app.page.getByRole('list', { name: 'MCP servers' });
    await expect.poll(() => mcp.getByRole('listitem', { name: /MCP server everything/ }).textContent(), { timeout: 30_000 }).toMatch(/ready/);
    await expect.poll(() => mcp.getByRole('listitem', { name: /MCP server memory/ }).textContent(), { timeout: 30_000 }).toMatch(/ready/);
    await expect
      .poll(() => app.page.getByRole('region', { name: 'Containers' }).textContent(), { timeout: 20_000 })
      .toMatch(/No containers in this stack|container|Docker engine not reachable/i);
    // The latency chart draws points that keep arriving.
    const chart = app.page.getByRole('img', { name: /latency of backend-health/ });
    await expect.poll(async () => Number(await chart.getAttribute('data-points')), { timeout: 20_000 }).toBeGreaterThan(2);
    const before = Number(await chart.getAttribute('data-points'));
    await expect.poll(async () => Number(await chart.getAttribute('data-points')), { timeout: 10_000 }).toBeGreaterThan(before);
    await expect.poll(() => app.page.getByRole('listitem', { name: 'cache backend' }).textContent(), { timeout: 20_000 }).toMatch(/\d+\.\d%/);
    await app.shot('overview');
  });

  it('shows why the broken wrapper fails, and Restart runs it again', async () => {
    const row = app.page.getByRole('list', { name: 'MCP servers' }).getByRole('listitem', { name: /MCP server search-index/ });
    await expect.poll(() => row.textContent(), { timeout: 30_000 }).toMatch(/index not found/);
    const since = await row.locator('.row-since').textContent();
    await row.getByRole('button', { name: 'Restart' }).click();
    // It goes through starting again; the diagnosis comes back because the index is still missing.
    await expect.poll(async () => (await row.locator('.row-since').textContent()) !== since || /starting/.test((await row.textContent()) ?? ''), { timeout: 15_000 }).toBe(true);
    await expect.poll(() => row.textContent(), { timeout: 30_000 }).toMatch(/index not found/);
    await app.shot('overview-after-restart');
  });
});
