import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useApp } from './appFixture.js';
import { axeViolations, pickTheme } from './screens.js';

// Dashboards on the built-in demo stack: its backend-health probe (every 1 s, p95 ≤ 100 ms) and its Prometheus cache counters.
describe('Dashboards in browser mode', () => {
  const app = useApp({ viewport: { width: 1400, height: 1000 } });
  let page: Page;
  beforeAll(() => {
    page = app.page;
  });

  it('draws latency points as they arrive, with percentiles, the SLO verdict and its target line', async () => {
    await page.goto(`${app.server.url}#/dashboards?tab=health&range=5m`);
    const probe = page.getByRole('region', { name: 'probe backend-health' });
    const chart = probe.getByRole('img', { name: /latency of backend-health/ });
    await expect.poll(async () => Number(await chart.getAttribute('data-points')), { timeout: 30_000 }).toBeGreaterThan(3);
    const before = Number(await chart.getAttribute('data-points'));
    await expect.poll(async () => Number(await chart.getAttribute('data-points')), { timeout: 15_000 }).toBeGreaterThan(before);
    await expect.poll(() => chart.locator('.chart-line[d^="M"]').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await expect.poll(() => chart.textContent()).toMatch(/p95 target 100 ms/);
    const slos = probe.getByRole('list', { name: 'SLOs of backend-health' });
    await expect.poll(() => slos.textContent(), { timeout: 20_000 }).toMatch(/(pass|fail)p95 ≤ 100 ms/);
    await expect.poll(() => slos.textContent()).toMatch(/availability ≥ 99\.9%.*budget \d+% left/);
    await expect.poll(() => probe.getByRole('table', { name: 'percentiles of backend-health' }).textContent()).toMatch(/1m[\d.]+ ms/);
    // The range selector re-reads history at the chosen range.
    await page.getByRole('radio', { name: '1h', exact: true }).click();
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('range=1h');
    await page.getByRole('radio', { name: '5m', exact: true }).click();
    await expect.poll(async () => Number(await chart.getAttribute('data-points')), { timeout: 15_000 }).toBeGreaterThan(3);
    await app.shot('dashboards-health');
  });

  it('shows the cache hit rate over time with its target line', async () => {
    await page.getByRole('tab', { name: 'Cache hit rate' }).click();
    const source = page.getByRole('region', { name: 'cache backend' });
    const chart = source.getByRole('img', { name: /hit rate of backend/ });
    await expect.poll(async () => Number(await chart.getAttribute('data-points')), { timeout: 30_000 }).toBeGreaterThan(2);
    expect(await chart.getAttribute('aria-label')).toMatch(/target 80%/);
    await expect.poll(() => chart.locator('.dashboards-target-line').count()).toBeGreaterThan(0);
    await expect.poll(() => chart.textContent()).toMatch(/target 80%/);
    await expect.poll(() => source.textContent(), { timeout: 20_000 }).toMatch(/\d+\.\d%/);
    await app.shot('dashboards-cache');
  });

  it('runs a benchmark to completion with its progress bar, then compares two runs side by side', async () => {
    await page.getByRole('tab', { name: 'Benchmark' }).click();
    await expect.poll(() => page.getByRole('region', { name: 'Results' }).textContent(), { timeout: 10_000 }).toMatch(/No benchmark results yet/);
    await page.getByRole('spinbutton', { name: 'Requests' }).fill('3000');
    await page.getByRole('button', { name: 'Run benchmark' }).click();
    const bar = page.getByRole('progressbar', { name: 'Benchmark progress' });
    await bar.waitFor({ timeout: 15_000 });
    await expect.poll(async () => Number(await bar.getAttribute('aria-valuenow')), { timeout: 30_000 }).toBeGreaterThan(20);
    await app.shot('dashboards-benchmark-running');
    const results = page.getByRole('list', { name: 'Benchmark results' });
    await expect.poll(() => results.getByRole('listitem').count(), { timeout: 60_000 }).toBe(1);
    expect(await bar.count()).toBe(0);
    await expect.poll(() => results.textContent()).toMatch(/backend-health.*\d+ req\/s.*completed/);

    await page.getByRole('spinbutton', { name: 'Concurrency' }).fill('20');
    await page.getByRole('spinbutton', { name: 'Requests' }).fill('1000');
    await page.getByRole('button', { name: 'Run benchmark' }).click();
    await expect.poll(() => results.getByRole('listitem').count(), { timeout: 60_000 }).toBe(2);
    const comparison = page.getByRole('article');
    await expect.poll(() => comparison.count()).toBe(2);
    await expect.poll(() => comparison.nth(1).textContent()).toMatch(/[+-]\d+%|±0%/);
    await expect.poll(() => page.getByRole('list', { name: "verdict against the probe's SLO" }).first().textContent()).toMatch(/p95 ≤ 100 ms/);
    await page.getByRole('region', { name: 'Results' }).scrollIntoViewIfNeeded();
    await app.shot('dashboards-benchmark');
  });
  it('shows where Prometheus scrapes and with which token, hidden until asked; /metrics answers that token', async () => {
    await page.goto(`${app.server.url}#/dashboards?tab=health`);
    await page.getByRole('tab', { name: 'Prometheus' }).click();
    const origin = new URL(app.server.url).origin;
    const panel = page.getByRole('region', { name: 'Prometheus export' });
    await expect.poll(() => panel.textContent(), { timeout: 10_000 }).toContain(`${origin}/metrics`);
    const tokenCell = panel.getByRole('definition').nth(1);
    expect(await tokenCell.getAttribute('aria-label')).toBe('hidden');
    expect(await tokenCell.textContent()).toBe('••••••••');
    expect(await panel.textContent()).toMatch(/generated for this run.*set metrics\.token in the stack file/);
    expect(await page.getByRole('figure', { name: 'prometheus.yml' }).textContent()).toContain(`targets: ["${new URL(origin).host}"]`);
    expect(await axeViolations(page)).toEqual([]);
    await app.shot('dashboards-prometheus');
    await pickTheme(page, 'dark');
    expect(await axeViolations(page)).toEqual([]);
    await app.shot('dashboards-prometheus-dark');
    await pickTheme(page, 'system');

    await panel.getByRole('button', { name: 'Show token' }).click();
    const token = (await tokenCell.textContent()) ?? '';
    expect(token).toMatch(/^[\w-]{32}$/);
    expect(await page.getByRole('figure', { name: 'prometheus.yml' }).textContent()).toContain(`credentials: "${token}"`);
    const scrape = await fetch(`${origin}/metrics`, { headers: { Authorization: `Bearer ${token}` } });
    expect(scrape.status).toBe(200);
    expect(await scrape.text()).toMatch(/^switchboard_probe_latency_seconds_bucket\{probe="backend-health",le="\+Inf"\} \d+$/m);
    expect((await fetch(`${origin}/metrics`)).status).toBe(401);
  });
});
