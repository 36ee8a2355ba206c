import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createSwitchboard, type Switchboard } from '../../../electron/app/createSwitchboard.js';
import { startBrowserServer, type BrowserServer } from '../../../electron/transport/browserServer.js';
import { PrometheusSeriesSource } from '../../../electron/prometheus/index.js';
import { PrometheusApi } from '../../../electron/prometheus/prometheusApi.js';
import { startPrometheus, type TestPrometheus } from '../../support/prometheus/startPrometheus.js';
import { waitFor } from '../../support/waitFor.js';

const token = 'scrape-token-0123456789abcdef';
/** The probed service: answers in 20–40 ms, and fails every tenth request with a 500. */
async function startService(): Promise<{ server: Server; url: string }> {
  let n = 0;
  const server = createServer((_req, res) => {
    const failed = n++ % 10 === 9;
    setTimeout(() => {
      res.writeHead(failed ? 500 : 200);
      res.end(failed ? 'broken' : 'ok');
    }, 20 + (n % 5) * 5);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/health` };
}

describe('a real Prometheus scrapes /metrics, and charts read history back from it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-prometheus-'));
  let app: Switchboard | undefined;
  let server: BrowserServer | undefined;
  let prometheus: TestPrometheus | undefined;
  let recording: NodeJS.Timeout | undefined;
  let service: Server | undefined;

  afterAll(async () => {
    clearInterval(recording);
    await server?.close();
    await app?.shutdown();
    await prometheus?.stop();
    service?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('scrapes every second with the bearer token; PromQL sees the probe latency; after Switchboard stops, its 1 h chart comes from Prometheus', async () => {
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Switchboard</title>');
    const file = join(dir, 'stack.yaml');
    const probed = await startService();
    service = probed.server;
    writeFileSync(file, `name: scraped\nmetrics:\n  token: ${token}\nprobes:\n  api:\n    url: ${probed.url}\n    every: 100ms\n`);
    app = await createSwitchboard({ argv: ['--config', file], env: {}, cwd: dir, mode: 'browser' });
    server = await startBrowserServer({ staticDir: dir, commands: app.commands, topics: app.topics, routes: app.routes, port: 0 });

    // The probe is real; a container's stats are a stand-in recorded on the app's bus (no Docker needed to check the gauge's PromQL).
    const signals = app.signals;
    recording = setInterval(() => signals.record({ source: 'container:web', name: 'container.cpu_percent', value: 150 }), 100);

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
    // At least the service's delay; a loaded machine may add to it.
    expect(p95[0]!.value).toBeGreaterThan(0.025);
    expect(p95[0]!.value).toBeLessThanOrEqual(2);

    // What it scraped passes promtool, Prometheus' own linter of the format.
    const scraped = await (await fetch(`http://127.0.0.1:${server.port}/metrics`, { headers: { Authorization: `Bearer ${token}` } })).text();
    const lint = spawnSync('promtool', ['check', 'metrics'], { input: scraped, encoding: 'utf8' });
    expect(`${lint.stdout}${lint.stderr}`).toBe('');
    expect(lint.status).toBe(0);

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
      // Buckets on the store's grid: the start of a 3.6 s step.
      expect(point.at % hour.stepMs).toBe(0);
      expect(point.at).toBeGreaterThan(hour.from - hour.stepMs);
      expect(point.at).toBeLessThan(to);
      expect(point.value).toBeGreaterThanOrEqual(20);
      expect(point.value).toBeLessThanOrEqual(2_000);
      expect(point.p95).toBeGreaterThanOrEqual(point.p50!);
      expect(point.p95).toBeGreaterThan(25);
      expect(point.count).toBeGreaterThan(0);
    }

    const availability = await history.range({ ...hour, name: 'probe.up' });
    expect(availability.length).toBeGreaterThanOrEqual(2);
    // Every tenth check failed; a window that cuts the cycle moves the share a little.
    for (const point of availability) {
      expect(point.value).toBeGreaterThan(0.8);
      expect(point.value).toBeLessThan(0.97);
    }

    const cpu = await history.range({ source: 'container:web', name: 'container.cpu_percent', from: hour.from, to, stepMs: hour.stepMs });
    expect(cpu.length).toBeGreaterThanOrEqual(2);
    for (const point of cpu) expect(point).toMatchObject({ value: 150, min: 150, max: 150 });

    await expect(history.range({ ...hour, source: 'mcp:postgres', name: 'probe.latency_ms' })).rejects.toThrow('"probe.latency_ms" is not measured for the source "mcp:postgres"');
    // What Prometheus refuses comes back in its own words, naming the server.
    await expect(new PrometheusApi(prom.url).queryRange('sum(', hour.from, to, 60_000)).rejects.toThrow(new RegExp(`^Prometheus at ${prom.url} did not answer the query: .*parse error`));
    await prom.stop();
    prometheus = undefined;
    await expect(history.range({ ...hour, name: 'probe.latency_ms' })).rejects.toThrow(`Prometheus at ${prom.url} could not be reached: ECONNREFUSED`);
  }, 120_000);
});
