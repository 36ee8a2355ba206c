import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createSwitchboard, type Switchboard } from '../../../electron/app/createSwitchboard.js';
import { startBrowserServer, type BrowserServer } from '../../../electron/transport/browserServer.js';
import { PrometheusSeriesSource } from '../../../electron/prometheus/index.js';
import { startPrometheus, type TestPrometheus } from '../../support/prometheus/startPrometheus.js';
import { waitFor } from '../../support/waitFor.js';

const token = 'scrape-token-0123456789abcdef';
/** What the stand-in probe measures, over and over: a mean of 30 ms, the slowest in the 25–50 ms bucket. */
const latencies = [20, 25, 30, 35, 40];

describe('a real Prometheus scrapes /metrics, and charts read history back from it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-prometheus-'));
  let app: Switchboard | undefined;
  let server: BrowserServer | undefined;
  let prometheus: TestPrometheus | undefined;
  let recording: NodeJS.Timeout | undefined;

  afterAll(async () => {
    clearInterval(recording);
    await server?.close();
    await app?.shutdown();
    await prometheus?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('scrapes every second with the bearer token; PromQL sees the probe latency; after Switchboard stops, its 1 h chart comes from Prometheus', async () => {
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Switchboard</title>');
    const file = join(dir, 'stack.yaml');
    writeFileSync(file, `name: scraped\nmetrics:\n  token: ${token}\n`);
    app = await createSwitchboard({ argv: ['--config', file], env: {}, cwd: dir, mode: 'browser' });
    server = await startBrowserServer({ staticDir: dir, commands: app.commands, topics: app.topics, routes: app.routes, port: 0 });

    // A stand-in for a probe at 100 ms and a container's stats, recorded on the app's bus as the capabilities do.
    let n = 0;
    const signals = app.signals;
    recording = setInterval(() => {
      const failed = n % 10 === 9;
      if (!failed) signals.record({ source: 'probe:api', name: 'probe.latency_ms', value: latencies[n % latencies.length]! });
      signals.record({ source: 'probe:api', name: 'probe.up', value: failed ? 0 : 1 });
      signals.record({ source: 'container:web', name: 'container.cpu_percent', value: 150 });
      n++;
    }, 100);

    prometheus = await startPrometheus({ address: `127.0.0.1:${server.port}`, path: '/metrics', bearerToken: token });
    const prom = prometheus;
    await waitFor('a rate of probe samples in Prometheus', async () => {
      const [target] = await prom.targets();
      if (target && target.health === 'down') throw new Error(`scrape of ${target.scrapeUrl} failed: ${target.lastError}`);
      const rate = await prom.query('rate(switchboard_probe_latency_seconds_count{probe="api"}[5s])');
      return rate.length === 1 && rate[0]!.value > 0;
    }, 60_000, 250);
    const [target] = await prom.targets();
    expect(target).toMatchObject({ health: 'up', lastError: '' });

    const p95 = await prom.query('histogram_quantile(0.95, sum by (le) (rate(switchboard_probe_latency_seconds_bucket{probe="api"}[5s])))');
    expect(p95).toHaveLength(1);
    expect(p95[0]!.value).toBeGreaterThan(0.025);
    expect(p95[0]!.value).toBeLessThanOrEqual(0.05);

    // Let scrapes land for a few 3.6 s chart steps, then stop Switchboard: what the chart shows now is history alone.
    await new Promise((r) => setTimeout(r, 12_000));
    clearInterval(recording);
    await server.close();
    server = undefined;
    await app.shutdown();
    app = undefined;

    const history = new PrometheusSeriesSource({ url: prom.url, minWindowMs: 5_000 });
    expect(history.describe()).toBe(`Prometheus at ${prom.url}`);
    const to = Date.now();
    const hour = { source: 'probe:api', from: to - 3_600_000, to, stepMs: 3_600 } as const;
    const chart = await history.range({ ...hour, name: 'probe.latency_ms' });
    expect(chart.length).toBeGreaterThanOrEqual(2);
    expect(chart.length).toBeLessThanOrEqual(1_000);
    expect(chart.map((p) => p.at)).toEqual([...chart.map((p) => p.at)].sort((a, b) => a - b));
    for (const point of chart) {
      expect(point.at).toBeGreaterThanOrEqual(hour.from);
      expect(point.at).toBeLessThan(to);
      expect(point.value).toBeGreaterThanOrEqual(20);
      expect(point.value).toBeLessThanOrEqual(40);
      expect(point.p95).toBeGreaterThan(25);
      expect(point.p95).toBeLessThanOrEqual(50);
      expect(point.count).toBeGreaterThan(0);
    }

    const availability = await history.range({ ...hour, name: 'probe.up' });
    expect(availability.length).toBeGreaterThanOrEqual(2);
    // Every tenth check failed; a window that cuts the cycle moves the share a little.
    for (const point of availability) expect(point.value).toBeCloseTo(0.9, 1);

    const cpu = await history.range({ source: 'container:web', name: 'container.cpu_percent', from: hour.from, to, stepMs: hour.stepMs });
    expect(cpu.length).toBeGreaterThanOrEqual(2);
    for (const point of cpu) expect(point).toMatchObject({ value: 150, min: 150, max: 150 });

    await expect(history.range({ ...hour, source: 'mcp:postgres', name: 'probe.latency_ms' })).rejects.toThrow('"probe.latency_ms" is not measured for the source "mcp:postgres"');
    await prom.stop();
    prometheus = undefined;
    await expect(history.range({ ...hour, name: 'probe.latency_ms' })).rejects.toThrow(`Prometheus at ${prom.url} could not be reached: ECONNREFUSED`);
  }, 120_000);
});
