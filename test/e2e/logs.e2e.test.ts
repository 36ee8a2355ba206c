import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useApp } from './appFixture.js';
import { TestContainers } from '../support/docker/testContainers.js';

// Lines come from the test-only firehose source (SWITCHBOARD_TEST_LOGS, see
// electron/logs/testFirehose.ts): 3,000 at once, then 20 a second over three sources.
describe('Logs screen', () => {
  const app = useApp({ config: { name: 'logs-e2e' }, env: { SWITCHBOARD_TEST_LOGS: 'burst=3000,rate=20,sources=3' } });
  let page: Page;

  const viewport = () => page.getByRole('log', { name: 'Log lines' });
  const newestSeq = () => page.evaluate(() => Math.max(...[...document.querySelectorAll<HTMLElement>('.logs-row')].map((r) => Number(r.dataset.seq))));
  const distanceFromBottom = () =>
    viewport().evaluate((el) => el.scrollHeight - el.scrollTop - el.clientHeight);
  const followButton = () => page.getByRole('button', { name: /Follow/ });

  beforeAll(async () => {
    page = app.page;
    await page.evaluate(() => (location.hash = '#/logs'));
  });

  it('opens with recent history at once and follows new lines as they arrive', async () => {
    await expect.poll(() => page.getByLabel('Log counts').textContent(), { timeout: 20_000 }).toMatch(/[3-9],\d{3} lines in view/);
    const first = await newestSeq();
    await expect.poll(newestSeq, { timeout: 10_000 }).toBeGreaterThan(first);
    await expect.poll(distanceFromBottom).toBeLessThan(20);
    expect(await followButton().getAttribute('aria-pressed')).toBe('true');
    await app.shot('logs-following');
  });

  it('stops following the moment the reader scrolls up, counts new lines, and jumps back to the latest', async () => {
    await viewport().hover();
    await page.mouse.wheel(0, -1_500);
    await expect.poll(() => followButton().getAttribute('aria-pressed')).toBe('false');
    const topRow = await page.locator('.logs-row').first().getAttribute('data-seq');
    const jump = page.getByRole('button', { name: /new lines? — jump to latest/ });
    await expect.poll(() => jump.isVisible(), { timeout: 10_000 }).toBe(true);
    // What the reader looks at stays put while lines keep arriving below.
    await expect.poll(async () => Number((await jump.textContent())?.replace(/\D/g, '')), { timeout: 10_000 }).toBeGreaterThan(5);
    expect(await page.locator('.logs-row').first().getAttribute('data-seq')).toBe(topRow);
    expect(await distanceFromBottom()).toBeGreaterThan(500);
    await app.shot('logs-paused');
    await jump.click();
    await expect.poll(() => followButton().getAttribute('aria-pressed')).toBe('true');
    await expect.poll(distanceFromBottom).toBeLessThan(20);
    await expect.poll(() => jump.isVisible()).toBe(false);
  });

  it('searches with a regex, highlights the hits and moves between them', async () => {
    await page.getByRole('button', { name: '.*' }).click();
    await page.getByRole('searchbox', { name: 'Search logs' }).fill('line 12[0-9]{2}\\b');
    const counter = page.getByRole('status', { name: 'Search matches' });
    await expect.poll(() => counter.textContent()).toMatch(/– of 100/);
    await page.getByRole('button', { name: 'Next match' }).click();
    await expect.poll(() => counter.textContent()).toBe('100 of 100');
    const current = page.locator('.logs-row.is-current');
    await expect.poll(() => current.locator('mark.logs-hit').textContent()).toBe('line 1299');
    await page.getByRole('button', { name: 'Previous match' }).click();
    await expect.poll(() => current.locator('mark.logs-hit').textContent()).toBe('line 1298');
    expect(await followButton().getAttribute('aria-pressed')).toBe('false');
    await app.shot('logs-search');
    await page.getByRole('searchbox', { name: 'Search logs' }).fill('');
    await page.getByRole('button', { name: '.*' }).click();
  });

  it('shows only the chosen source when opened filtered to it, and exports that view to a file', async () => {
    await page.evaluate(() => (location.hash = '#/logs?source=test:firehose-2'));
    await expect.poll(() => page.getByRole('group', { name: 'Filters' }).textContent()).toMatch(/test:firehose-2/);
    await expect
      .poll(async () => new Set(await page.locator('.logs-row .logs-source').allTextContents()), { timeout: 10_000 })
      .toEqual(new Set(['test:firehose-2']));
    await page.getByRole('group', { name: 'Levels' }).getByRole('button', { name: 'warn' }).click();
    await expect.poll(async () => new Set(await page.locator('.logs-row .logs-level').allTextContents())).toEqual(new Set(['warn']));
    await app.shot('logs-filtered');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^switchboard-logs-.*\.log$/);
    const lines = readFileSync((await download.path())!, 'utf8').trim().split('\n');
    expect(lines.length).toBeGreaterThan(50);
    for (const line of lines) expect(line).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z test:firehose-2 (stdout|stderr) warn WARN line \d+ /);
  });

  it('picks sources from the list and says so when nothing matches', async () => {
    await page.evaluate(() => (location.hash = '#/logs?source=test:nothing-here'));
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'No lines match these filters' }).count(), { timeout: 10_000 }).toBe(1);
    await app.shot('logs-empty-filter');
    await page.getByRole('button', { name: 'Clear filters' }).first().click();
    await page.getByText('All sources').click();
    await page.getByRole('checkbox', { name: /test:firehose-3/ }).click();
    await expect
      .poll(async () => new Set(await page.locator('.logs-row .logs-source').allTextContents()), { timeout: 10_000 })
      .toEqual(new Set(['test:firehose-3']));
    expect(app.consoleErrors).toEqual([]);
  });
});

// A container that wrote far more than the hub keeps for it (100 lines here): the rest is read back from Docker on request.
describe('Logs screen: older container lines from Docker', () => {
  const tc = new TestContainers();
  let page: Page;
  let name: string;

  // the container first; the app starts on it (useApp below), and quits before it is removed
  beforeAll(async () => {
    const script = 'trap "exit 0" TERM; i=0; while [ $i -lt 3000 ]; do echo "history line $i"; i=$((i+1)); done; sleep 1000 & wait';
    ({ name } = await tc.run({ image: 'busybox', name: 'history', cmd: ['sh', '-c', script] }));
  }, 120_000);

  afterAll(async () => {
    await tc.removeAll();
  });

  const app = useApp(() => ({ config: { name: 'logs-history-e2e', docker: { containers: [name] }, logs: { linesPerSource: 100 } } }));
  beforeAll(async () => {
    page = app.page;
    await page.evaluate((source) => (location.hash = `#/logs?source=${source}`), `container:${name}`);
  });

  const counts = () => page.getByLabel('Log counts').textContent();
  const bar = () => page.getByRole('status', { name: 'Older lines' });

  it('offers the older lines once the hub has none, loads them above in order, and more on reaching the top', async () => {
    await expect.poll(counts, { timeout: 30_000 }).toMatch(/^100 lines in view/);
    await expect.poll(() => bar().textContent(), { timeout: 10_000 }).toMatch(/Switchboard holds no older lines of container:/);
    const viewport = page.getByRole('log', { name: 'Log lines' });
    await viewport.evaluate((el) => (el.scrollTop = 0));
    await app.shot('logs-history-offer');
    await bar().getByRole('button', { name: 'Load older lines from Docker' }).click();
    await expect.poll(counts, { timeout: 20_000 }).toMatch(/^2,100 lines in view/);
    // The reader stays on the line they were reading, now below the 2,000 loaded above it.
    await expect.poll(() => page.locator('.logs-row .logs-text').first().textContent()).toMatch(/^history line (2[89]\d\d)$/);
    // Scrolling to the top fetches the rest without another click.
    await viewport.evaluate((el) => (el.scrollTop = 0));
    await expect.poll(counts, { timeout: 20_000 }).toMatch(/^3,000 lines in view/);
    await viewport.evaluate((el) => (el.scrollTop = 0));
    await expect.poll(() => bar().textContent(), { timeout: 10_000 }).toMatch(/Start of container:.*'s log: 2,900 older lines loaded from Docker/);
    await expect.poll(() => page.locator('.logs-row .logs-text').first().textContent()).toBe('history line 0');
    const texts = await page.locator('.logs-row .logs-text').allTextContents();
    expect(texts.slice(0, 5)).toEqual(['history line 0', 'history line 1', 'history line 2', 'history line 3', 'history line 4']);
    await app.shot('logs-history-loaded');
    expect(app.consoleErrors).toEqual([]);
  });
});
