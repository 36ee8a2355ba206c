import type { McpStatus } from '../../../shared/contract/mcp.js';
import type { ProbeOutcome } from '../../../shared/contract/probes.js';
/** What an alert rule can watch: the five kinds of things Switchboard sees, by the key a rule names them with. */
export const alertTargetKinds = ['probe', 'container', 'mcp', 'cache', 'engine'] as const;
export type AlertTargetKind = (typeof alertTargetKinds)[number];

/** How a threshold is written: ms "100ms", ratio "80%", percent "80%" (of a core), bytes "512MB", factor "14.4x", flag 0/1. */
export type MetricUnit = 'ms' | 'ratio' | 'percent' | 'bytes' | 'factor' | 'flag' | 'count';

/**
 * - last: the newest sample; no window.
 * - window: computed over a window, "in 5m" optional (default 5m).
 * - count: events counted inside a window; "in 10m" required.
 * - burn: an SLO burn rate over one or more windows, all of which must exceed ("in 1h & 5m").
 * - state: a named state, matched with "in [a, b]" or "== a".
 */
export type MetricShape = 'last' | 'window' | 'count' | 'burn' | 'state';

export interface MetricSpec {
  shape: MetricShape;
  unit?: MetricUnit;
  /** For state metrics: every state the thing can be in. */
  states?: readonly string[];
  /** The metric may be compared with "target" (the thing's own target in the stack file). */
  hasTarget?: boolean;
  /** One line for the rule list and the README. */
  means: string;
}

export const defaultMetricWindowMs = 5 * 60_000;

// As shared/contract/mcp.ts's McpStatus and shared/contract/probes.ts's ProbeOutcome name them.
const mcpStates = ['stopped', 'starting', 'ready', 'degraded', 'exited', 'backoff', 'crash-loop'] as const satisfies readonly McpStatus[];
const probeOutcomes = ['ok', 'fail', 'timeout', 'error'] as const satisfies readonly ProbeOutcome[];

export const alertMetrics: Record<AlertTargetKind, Record<string, MetricSpec>> = {
  probe: {
    latency: { shape: 'last', unit: 'ms', means: 'the last sample’s latency' },
    p50: { shape: 'window', unit: 'ms', means: 'median latency over the window (default 5m)' },
    p95: { shape: 'window', unit: 'ms', means: '95th percentile latency over the window (default 5m)' },
    p99: { shape: 'window', unit: 'ms', means: '99th percentile latency over the window (default 5m)' },
    up: { shape: 'last', unit: 'flag', means: '1 when the last sample passed, 0 when it failed' },
    availability: { shape: 'window', unit: 'ratio', means: 'share of passing samples over the window (default 5m)' },
    burnRate: { shape: 'burn', unit: 'factor', means: 'error-budget burn rate of the availability SLO, over every window given' },
    status: { shape: 'state', states: probeOutcomes, means: 'the last sample’s outcome' },
  },
  container: {
    cpu: { shape: 'last', unit: 'percent', means: 'CPU as docker stats shows it (% of one core)' },
    memory: { shape: 'last', unit: 'bytes', means: 'memory in use' },
    up: { shape: 'last', unit: 'flag', means: '1 running, 0 not' },
    restarts: { shape: 'count', unit: 'count', means: 'restarts inside the window' },
    oomKills: { shape: 'count', unit: 'count', means: 'OOM kills inside the window' },
    health: { shape: 'state', states: ['healthy', 'unhealthy', 'starting'], means: 'the health check’s verdict' },
  },
  mcp: {
    state: { shape: 'state', states: mcpStates, means: 'the server’s state' },
    up: { shape: 'last', unit: 'flag', means: '1 ready, 0 any other state' },
    restarts: { shape: 'count', unit: 'count', means: 'restarts inside the window' },
  },
  cache: {
    hitRate: { shape: 'last', unit: 'ratio', hasTarget: true, means: 'hit rate over the cache’s window; compare with a ratio or with "target"' },
  },
  engine: {
    up: { shape: 'last', unit: 'flag', means: '1 reachable, 0 not' },
  },
};

/** How the README and messages name each kind. */
export const targetKindLabel: Record<AlertTargetKind, string> = {
  probe: 'a probe',
  container: 'a container',
  mcp: 'an MCP server',
  cache: 'a cache',
  engine: 'a Docker engine',
};
