import { afterAll, describe, expect, it } from 'vitest';
import { openPage, shot, startServer, type OpenedPage, type RunningServer } from './harness.js';
import { scratchDir } from './appFixture.js';
import { settle } from './screens.js';

/**
 * The built-in demo's search-index server exits at start (its index is
 * missing) with the reason on stderr: the crash an operator asks about the
 * next morning. Two runs share one data folder, as two launches of the app do.
 */
describe('Timeline across a restart of Switchboard', () => {
  const data = scratchDir('sb-e2e-history-');
  const env = { XDG_DATA_HOME: data };
  let server: RunningServer | undefined;
  let opened: OpenedPage | undefined;
  const close = async () => {
    await opened?.close();
    await server?.stop();
    opened = undefined;
    server = undefined;
  };
  afterAll(close);

  it('shows the first run’s MCP crash with its stderr lines after a restart, and a 24 h chart spanning both runs', async () => {
    server = await startServer({ env });
    const firstRunMinute = Math.floor(Date.now() / 60_000);
    opened = await openPage(`${server.url}#/timeline?severity=error&source=mcp:search-index`);
    const crashRow = () => opened!.page.getByRole('listbox', { name: 'Events, newest first' }).getByRole('option').filter({ hasText: 'mcp:search-index' }).first();
    await expect.poll(() => crashRow().count(), { timeout: 40_000 }).toBe(1);
    // Let the first run's probe fill a whole minute on disk: the second run's live buckets start in a later
    // minute, so the 24 h chart has stored points before them (a stored minute the live one overlaps is not drawn twice).
    while (Math.floor((Date.now() - 2_000) / 60_000) <= firstRunMinute) await opened.page.waitForTimeout(1_000);
    const firstRunEnded = Date.now();
    await close();

    server = await startServer({ env });
    opened = await openPage(`${server.url}#/timeline?severity=error&source=mcp:search-index`);
    const page = opened.page;
    await settle(page);
    const rows = page.getByRole('listbox', { name: 'Events, newest first' }).getByRole('option');
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
    // The oldest row is the first run's crash: open it.
    await rows.last().click();
    const details = page.getByRole('region', { name: 'Event details' });
    await expect.poll(() => details.textContent(), { timeout: 20_000 }).toMatch(/mcp\.state/);
    const evidence = details.getByRole('figure', { name: 'Evidence' });
    await expect.poll(() => evidence.textContent(), { timeout: 20_000 }).toMatch(/index not found/);
    const openedAt = Number(new URL(page.url().replace('#/', '')).searchParams.get('event'));
    expect(openedAt).toBeGreaterThan(0);
    await expect.poll(() => page.getByRole('status').filter({ hasText: /events/ }).first().textContent()).toMatch(/\d+ events/);
    await shot(page, 'timeline-after-restart');

    // This run's newest crash: "Logs of … at …" opens the log view at that moment, its line picked.
    await rows.first().click();
    await page.getByRole('button', { name: /^Logs of mcp:search-index at / }).click();
    await expect.poll(() => page.url()).toMatch(/#\/logs\?source=mcp%3Asearch-index&at=\d+/);
    await expect.poll(() => page.locator('.logs-row.is-selected').first().textContent(), { timeout: 20_000 }).toMatch(/search-index/);
    await shot(page, 'logs-at-event');

    // Everything else that happened, unfiltered.
    await page.goto(`${server.url}#/timeline?span=1h`);
    await settle(page);
    await shot(page, 'timeline-all');

    // The 24 h latency chart begins with the first run's samples, read from history.
    await page.goto(`${server.url}#/dashboards?tab=health&range=24h`);
    await settle(page);
    const chart = page.getByRole('img', { name: /^latency of backend-health/ });
    await expect.poll(async () => Number(await chart.getAttribute('data-points')), { timeout: 30_000 }).toBeGreaterThan(1);
    const points = Number(await chart.getAttribute('data-points'));
    expect(points).toBeGreaterThan(1);
    expect(firstRunEnded).toBeLessThan(Date.now());
    await shot(page, 'dashboards-24h-across-restart');

    await page.goto(`${server.url}#/overview`);
    await settle(page);
    await expect.poll(() => page.getByRole('region', { name: 'Incidents · 24 h' }).textContent(), { timeout: 20_000 }).toMatch(/failure/);
    await shot(page, 'overview-incident-strip');
    expect(opened.consoleErrors).toEqual([]);
  }, 240_000);
});
