// The /metrics export (#11) at the load: 100 probes at 1 s plus the stats of 20 containers
// (and 10 MCP servers), measured in Node, in this process.
//
// - per signal: what a probe sample costs the bus with the exporter listening (a histogram observe),
//   against a listener that does nothing, and against prom-client's Histogram.observe with a label.
// - per scrape: rendering the exposition (p50/p99), its size, and a whole HTTP scrape through the
//   loopback route listener with the bearer token; prom-client's registry.metrics() over the same
//   series is the reference.
//
//   npx tsx test/bench/prometheus.bench.ts
//   PROMETHEUS_BENCH_SIGNALS=200000 PROMETHEUS_BENCH_SCRAPES=200 …   a short run
import { performance } from 'node:perf_hooks';
import { Gauge, Histogram, Registry } from 'prom-client';
import { EventBus, SignalBus } from '../../electron/core/stackBus.js';
import { SecretMasker } from '../../electron/base/secrets/secretMasker.js';
import { StackMetrics } from '../../electron/prometheus/stackMetrics.js';
import { latencyBucketsSeconds } from '../../electron/prometheus/metricCatalogue.js';
import { HttpRoutes } from '../../electron/core/httpRoutes.js';
import { startRouteListener } from '../../electron/transport/routeListener.js';
import { report } from './report.js';

const probes = 100;
const containers = 20;
const servers = 10;
const signals = Number(process.env.PROMETHEUS_BENCH_SIGNALS ?? 2_000_000);
const scrapes = Number(process.env.PROMETHEUS_BENCH_SCRAPES ?? 1_000);
const token = 'bench-token-0123456789abcdef';

const probeSources = Array.from({ length: probes }, (_, i) => `probe:probe-${i}`);
const latencyOf = (i: number) => 2 + ((i * 7919) % 400) / 10;

/** ns per probe sample recorded on a bus with `listen` attached. */
function perSignal(attach: (bus: SignalBus) => void): number {
  const bus = new SignalBus();
  attach(bus);
  const t0 = performance.now();
  for (let i = 0; i < signals; i++) bus.record({ source: probeSources[i % probes]!, name: 'probe.latency_ms', value: latencyOf(i), at: i });
  return ((performance.now() - t0) * 1e6) / signals;
}

/** The stack at rest: every series the export writes, with some history in the histograms. */
function loadedStack(): { bus: SignalBus; metrics: StackMetrics } {
  const bus = new SignalBus();
  const events = new EventBus(new SecretMasker());
  const metrics = new StackMetrics(bus, events);
  for (let i = 0; i < probes * 60; i++) {
    bus.record({ source: probeSources[i % probes]!, name: 'probe.latency_ms', value: latencyOf(i) });
    bus.record({ source: probeSources[i % probes]!, name: 'probe.up', value: i % 50 === 0 ? 0 : 1 });
  }
  for (let c = 0; c < containers; c++) {
    const source = `container:web-${c}`;
    for (const [name, value] of [['container.cpu_percent', 12.5], ['container.memory_bytes', 2e8], ['container.memory_limit_bytes', 8e9], ['container.net_rx_bytes_per_second', 1e4], ['container.net_tx_bytes_per_second', 2e4], ['container.up', 1], ['container.healthy', 1], ['container.restarts_total', 0]] as const) {
      bus.record({ source, name, value });
    }
  }
  for (let s = 0; s < servers; s++) {
    bus.record({ source: `mcp:server-${s}`, name: 'mcp.up', value: 1 });
    bus.record({ source: `mcp:server-${s}`, name: 'mcp.restarts_total', value: 0 });
    events.publish({ source: `mcp:server-${s}`, kind: 'mcp.state', severity: 'info', summary: 'ready', details: { state: 'ready' } });
  }
  bus.record({ source: 'engine:local', name: 'engine.up', value: 1 });
  return { bus, metrics };
}

/** The same series in prom-client: the reference for observe and scrape. */
function promClientStack(): { registry: Registry; histogram: Histogram<'probe'> } {
  const registry = new Registry();
  const histogram = new Histogram({ name: 'switchboard_probe_latency_seconds', help: 'latency', labelNames: ['probe'], buckets: [...latencyBucketsSeconds], registers: [registry] });
  const gauges = ['cpu', 'memory', 'memory_limit', 'rx', 'tx', 'up', 'healthy', 'restarts'].map((n) => new Gauge({ name: `switchboard_container_${n}`, help: n, labelNames: ['container'], registers: [registry] }));
  const probeUp = new Gauge({ name: 'switchboard_probe_up', help: 'up', labelNames: ['probe'], registers: [registry] });
  for (let i = 0; i < probes * 60; i++) histogram.observe({ probe: `probe-${i % probes}` }, latencyOf(i) / 1000);
  for (let p = 0; p < probes; p++) probeUp.set({ probe: `probe-${p}` }, 1);
  for (let c = 0; c < containers; c++) for (const g of gauges) g.set({ container: `web-${c}` }, 1);
  return { registry, histogram };
}

function percentile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

async function main(): Promise<void> {
  // Warm the JIT on each path before measuring it.
  perSignal(() => {});
  const noop = perSignal((bus) => bus.on(() => {}));
  const exporter = perSignal((bus) => void new StackMetrics(bus, new EventBus(new SecretMasker())));
  const reference = promClientStack();
  const labels = probeSources.map((s) => ({ probe: s.slice('probe:'.length) }));
  const t0 = performance.now();
  for (let i = 0; i < signals; i++) reference.histogram.observe(labels[i % probes]!, latencyOf(i) / 1000);
  const promClientObserve = ((performance.now() - t0) * 1e6) / signals;

  const { metrics } = loadedStack();
  const body = metrics.render();
  const renderMs: number[] = [];
  for (let i = 0; i < scrapes; i++) {
    const s = performance.now();
    // byteLength flattens the string, as writing it to the socket would.
    Buffer.byteLength(metrics.render());
    renderMs.push(performance.now() - s);
  }
  renderMs.sort((a, b) => a - b);
  const promClientMs: number[] = [];
  for (let i = 0; i < scrapes; i++) {
    const s = performance.now();
    Buffer.byteLength(await reference.registry.metrics());
    promClientMs.push(performance.now() - s);
  }
  promClientMs.sort((a, b) => a - b);

  const routes = new HttpRoutes();
  routes.add({ path: '/metrics', token: () => token, answer: () => ({ contentType: 'text/plain; version=0.0.4', body: metrics.render() }) });
  const listener = await startRouteListener({ port: 0, routes });
  const httpMs: number[] = [];
  for (let i = 0; i < Math.min(scrapes, 500); i++) {
    const s = performance.now();
    const answer = await fetch(`${listener.origin}/metrics`, { headers: { Authorization: `Bearer ${token}` } });
    await answer.text();
    httpMs.push(performance.now() - s);
  }
  await listener.close();
  httpMs.sort((a, b) => a - b);

  const p99 = percentile(renderMs, 0.99);
  report(
    `prometheus: /metrics with ${probes} probes, ${containers} containers, ${servers} MCP servers (${signals.toLocaleString()} signals, ${scrapes} scrapes)`,
    [
      { label: 'probe sample on the bus, exporter listening', value: exporter, unit: 'ns' },
      { label: 'probe sample on the bus, a listener doing nothing', value: noop, unit: 'ns' },
      { label: 'prom-client Histogram.observe with a label (reference)', value: promClientObserve, unit: 'ns' },
      { label: 'exposition size', value: Buffer.byteLength(body) / 1024, unit: 'KiB' },
      { label: 'render the exposition p50', value: percentile(renderMs, 0.5), unit: 'ms' },
      { label: 'render the exposition p99 (target ≤ 5 ms)', value: p99, unit: 'ms' },
      { label: 'prom-client registry.metrics() p50 (reference)', value: percentile(promClientMs, 0.5), unit: 'ms' },
      { label: 'HTTP scrape over loopback with the token p50', value: percentile(httpMs, 0.5), unit: 'ms' },
      { label: 'HTTP scrape over loopback with the token p99', value: percentile(httpMs, 0.99), unit: 'ms' },
    ],
    [
      { label: 'per-sample cost, exporter / prom-client observe', value: exporter / promClientObserve, target: '≤ 1.0', pass: exporter <= promClientObserve },
      { label: 'render p50, Switchboard / prom-client', value: percentile(renderMs, 0.5) / percentile(promClientMs, 0.5), target: '≤ 1.0', pass: percentile(renderMs, 0.5) <= percentile(promClientMs, 0.5) },
      { label: 'render p99 / 5 ms', value: p99 / 5, target: '≤ 1.0', pass: p99 <= 5 },
    ],
  );
  metrics.dispose();
}

await main();
