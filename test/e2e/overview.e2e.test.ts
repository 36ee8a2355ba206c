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

  it('slides the latency chart along a fixed window: a new sample moves the clock ticks as one, it does not re-place them', async () => {
    const chart = app.page.getByRole('img', { name: /latency of backend-health/ });
    await expect.poll(async () => Number(await chart.getAttribute('data-points')), { timeout: 20_000 }).toBeGreaterThan(2);
    const changes = await app.page.evaluate(async () => {
      const svg = document.querySelector('[aria-label^="latency of backend-health"] svg')!;
      const seen = { slides: 0, placements: 0, samples: 0 };
      const lastTs = () => svg.parentElement!.getAttribute('data-last-ts');
      let ts = lastTs();
      const observer = new MutationObserver((records) => {
        for (const r of records) {
          if (r.attributeName === 'transform') seen.slides++;
          if (r.attributeName === 'x1' && (r.target as Element).parentElement?.parentElement?.hasAttribute('transform')) seen.placements++;
        }
        if (lastTs() !== ts) {
          seen.samples++;
          ts = lastTs();
        }
      });
      observer.observe(svg, { subtree: true, attributes: true });
      await new Promise((r) => setTimeout(r, 4_500));
      observer.disconnect();
      return seen;
    });
    // A probe a second: about four samples, each one slide of the tick group.
    expect(changes.samples).toBeGreaterThanOrEqual(3);
    expect(changes.slides).toBeGreaterThanOrEqual(changes.samples - 1);
    // Ticks are re-placed only when the window passes a tick step (a minute here), so at most once in 4.5 s.
    const ticks = await chart.locator('svg g[transform] > g').count();
    expect(changes.placements).toBeLessThanOrEqual(ticks);
    // The window is the 300 kept samples at the probe's 1 s, five minutes from the first sample on:
    // ticks whole minutes apart, where a first-to-newest span this early would tick every few seconds.
    const labels = await chart.locator('svg g[transform] text').allTextContents();
    const minutes = labels.map((l) => /(\d+):(\d+):(\d+)/.exec(l)!).map((m) => Number(m[1]) * 60 + Number(m[2]));
    // The clock is 24-hour (renderer/components/clock.ts): a gap across midnight wraps at 24 h.
    const gaps = minutes.slice(1).map((m, i) => (m - minutes[i]! + 24 * 60) % (24 * 60));
    expect(gaps.length).toBeGreaterThanOrEqual(1);
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(1);
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

  it('hidden (a background tab) it draws nothing while samples arrive, and shows the newest at once when shown', async () => {
    const chart = app.page.getByRole('img', { name: /latency of backend-health/ });
    await expect.poll(async () => Number(await chart.getAttribute('data-points')), { timeout: 20_000 }).toBeGreaterThan(2);
    // Headless Chromium keeps every page visible: hide it the way a background tab looks to the page.
    await app.page.evaluate(() => {
      const w = window as unknown as { __hidden: boolean; __changes: number };
      w.__hidden = true;
      w.__changes = 0;
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (w.__hidden ? 'hidden' : 'visible') });
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => w.__hidden });
      document.dispatchEvent(new Event('visibilitychange'));
      new MutationObserver((records) => (w.__changes += records.length)).observe(document.querySelector('main')!, { subtree: true, childList: true, attributes: true, characterData: true });
    });
    const hiddenAt = Number(await chart.getAttribute('data-last-ts'));
    // Probe samples come every second: three of them arrive while hidden.
    await new Promise((r) => setTimeout(r, 3_500));
    expect(await app.page.evaluate(() => (window as unknown as { __changes: number }).__changes)).toBe(0);
    expect(Number(await chart.getAttribute('data-last-ts'))).toBe(hiddenAt);
    // Shown: drawn by the very next frame, with the samples that arrived meanwhile.
    const shown = await app.page.evaluate(() => {
      (window as unknown as { __hidden: boolean }).__hidden = false;
      document.dispatchEvent(new Event('visibilitychange'));
      const lastTs = () => Number(document.querySelector('[aria-label^="latency of backend-health"]')!.getAttribute('data-last-ts'));
      return new Promise<{ lastTs: number }>((resolve) => requestAnimationFrame(() => resolve({ lastTs: lastTs() })));
    });
    expect(shown.lastTs).toBeGreaterThanOrEqual(hiddenAt + 2_000);
  });
});
