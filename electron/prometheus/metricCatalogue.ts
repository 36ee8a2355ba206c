import type { SignalName } from '../../shared/stackEvents.js';
import type { SourceKind } from '../../shared/sourceId.js';
import type { MetricType } from './exposition.js';

/**
 * The stable names of the /metrics export, in one table read by the exporter
 * and by the Prometheus series source (which asks Prometheus for the same
 * names). Renaming one breaks operators' dashboards: add, never rename.
 */

/** Every metric starts with this, so an operator's Prometheus can tell Switchboard's own series apart. */
export const metricPrefix = 'switchboard_';

/** The label that carries a source's name, per source kind: probe="backend-health", server="postgres". */
export const sourceLabel = {
  probe: 'probe',
  cache: 'cache',
  container: 'container',
  mcp: 'server',
  engine: 'engine',
} as const satisfies Partial<Record<SourceKind, string>>;
export type LabelledKind = keyof typeof sourceLabel;

/** A signal exported as it is: its latest value, times `scale`, under `metric`. */
export interface SignalMetric {
  metric: string;
  type: Exclude<MetricType, 'histogram'>;
  help: string;
  kind: LabelledKind;
  /** Exported value = signal value × scale (Prometheus wants base units: cores, not percent). */
  scale: number;
  /** Only while the container runs: a stopped one's last stats are no measurement of now. */
  whileRunning?: true;
}

const gauge = (metric: string, kind: LabelledKind, help: string, scale = 1): SignalMetric => ({ metric, type: 'gauge', help, kind, scale });
const stat = (metric: string, help: string, scale = 1): SignalMetric => ({ ...gauge(metric, 'container', help, scale), whileRunning: true });
const counter = (metric: string, kind: LabelledKind, help: string): SignalMetric => ({ metric, type: 'counter', help, kind, scale: 1 });

/** probe.latency_ms is the one signal not in this table: it becomes the latency histogram. */
export const signalMetrics: Record<Exclude<SignalName, 'probe.latency_ms'>, SignalMetric> = {
  'probe.up': gauge('switchboard_probe_up', 'probe', '1 when the probe\'s last check succeeded, 0 when it failed.'),
  'cache.hit_rate': gauge('switchboard_cache_hit_ratio', 'cache', 'Cache hits / lookups over the cache\'s window (0..1).'),
  'cache.hits_total': counter('switchboard_cache_hits_total', 'cache', 'Cache hits as the cache counts them (resets when the cache restarts).'),
  'cache.misses_total': counter('switchboard_cache_misses_total', 'cache', 'Cache misses as the cache counts them (resets when the cache restarts).'),
  'container.cpu_percent': stat('switchboard_container_cpu_cores', 'CPU in use, in cores (docker stats\' CPU % / 100); absent while stopped.', 0.01),
  'container.memory_bytes': stat('switchboard_container_memory_bytes', 'Memory in use, as docker stats shows it; absent while stopped.'),
  'container.memory_limit_bytes': stat('switchboard_container_memory_limit_bytes', 'The container\'s memory limit (the host\'s memory when it has none); absent while stopped.'),
  'container.net_rx_bytes_per_second': stat('switchboard_container_network_receive_bytes_per_second', 'Bytes received per second; absent on the host network and while stopped.'),
  'container.net_tx_bytes_per_second': stat('switchboard_container_network_transmit_bytes_per_second', 'Bytes sent per second; absent on the host network and while stopped.'),
  'container.up': gauge('switchboard_container_up', 'container', '1 when the container is running, 0 when not.'),
  'container.healthy': gauge('switchboard_container_healthy', 'container', '1 healthy, 0 unhealthy; absent for a container without a health check.'),
  'container.restarts_total': counter('switchboard_container_restarts_total', 'container', 'Restarts the engine counted for the container.'),
  'mcp.up': gauge('switchboard_mcp_server_up', 'mcp', '1 when the MCP server is ready, 0 in any other state.'),
  'mcp.restarts_total': counter('switchboard_mcp_server_restarts_total', 'mcp', 'Times Switchboard restarted the MCP server.'),
  'engine.up': gauge('switchboard_engine_up', 'engine', '1 when the Docker engine answers, 0 when not.'),
};

/** The latency histogram and the check counters availability is exact from. */
export const probeMetrics = {
  latency: { metric: 'switchboard_probe_latency_seconds', help: 'Latency of the probe\'s successful checks, in seconds.' },
  checks: { metric: 'switchboard_probe_checks_total', help: 'Checks the probe ran.' },
  failures: { metric: 'switchboard_probe_failures_total', help: 'Checks that failed (availability = 1 - failures / checks).' },
} as const;

/** Buckets for latencies of health endpoints, loopback to slow: 1 ms … 10 s. */
export const latencyBucketsSeconds = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] as const;

export const mcpStateMetric = {
  metric: 'switchboard_mcp_server_state',
  help: 'The MCP server\'s state, one-hot: 1 on the state it is in, 0 on the others.',
} as const;
