/**
 * What happened in the stack, and what was measured, in one vocabulary for
 * every part that listens: the history store, alert rules, the /metrics
 * export and the screens that show them. Capabilities publish events and
 * record signals through their AppContext; they never know who listens.
 * Sources are named with `sourceId` (shared/sourceId.ts).
 */

/** One closed list: a consumer can switch on it, and a new kind is a change here that the type checker follows. */
export const eventKinds = [
  // Container lifecycle, from the engine's event stream.
  'container.create',
  'container.start',
  'container.stop',
  /** The main process ended; details.exitCode. Non-zero is a warning, and an error when it was not asked for. */
  'container.die',
  'container.oom',
  /** details.status: healthy | unhealthy | starting. */
  'container.health',
  'container.restart',
  'container.destroy',
  /** A Docker engine became reachable (info) or unreachable (error); details.error. */
  'engine.status',
  /** An MCP server changed state; details.state, details.previous, details.reason, details.diagnosis. */
  'mcp.state',
  /** A probe's verdict changed; details.status (up | down | degraded …), details.previous, details.error. */
  'probe.status',
  /** An SLO of a probe went from met to breached (or back, as info); details.slo, details.value, details.target. */
  'slo.breach',
  /** A cache's hit rate crossed its target, either way; details.hitRate, details.target. */
  'cache.target',
  /** An operator's action ended (the audit trail); details.action, details.outcome, details.durationMs. */
  'action',
  'config.reload',
  /** The stack file was changed but could not be used; details.problems. */
  'config.problem',
  // Alerts, published back by the alert rules.
  'alert.firing',
  'alert.resolved',
  'alert.silenced',
  'alert.acknowledged',
] as const;
export type EventKind = (typeof eventKinds)[number];

/** As operators rank them: info < warning < error < critical. */
export const eventSeverities = ['info', 'warning', 'error', 'critical'] as const;
export type EventSeverity = (typeof eventSeverities)[number];

export const severityRank: Record<EventSeverity, number> = { info: 0, warning: 1, error: 2, critical: 3 };

/** Flat, small, JSON-safe: what a timeline row expands to and what a rule can match on. */
export type EventDetails = Record<string, string | number | boolean | null>;

export interface StackEvent {
  /** Epoch milliseconds. */
  at: number;
  /** A sourceId: "container:web", "mcp:postgres", "probe:backend-health", "switchboard". */
  source: string;
  kind: EventKind;
  severity: EventSeverity;
  /** One line an operator reads first: "exited with code 137 (OOM-killed)". Masked. */
  summary: string;
  details?: EventDetails;
}

/** What a publisher hands in: `at` defaults to now. */
export type StackEventInput = Omit<StackEvent, 'at'> & { at?: number };

/** The numeric series capabilities measure; units are in the names. */
export const signalNames = [
  /** One probe sample's latency; a failed sample records no latency, only probe.up = 0. */
  'probe.latency_ms',
  /** 1 when the sample succeeded, 0 when not: availability is its mean. */
  'probe.up',
  /** Over the cache's window, 0..1. */
  'cache.hit_rate',
  'cache.hits_total',
  'cache.misses_total',
  /** Of one core's worth, as `docker stats` shows it (can pass 100 on several cores). */
  'container.cpu_percent',
  'container.memory_bytes',
  'container.memory_limit_bytes',
  /** null-free: not recorded for a container on the host's network (Docker counts nothing for it). */
  'container.net_rx_bytes_per_second',
  'container.net_tx_bytes_per_second',
  /** 1 running, 0 not. */
  'container.up',
  /** 1 healthy, 0 unhealthy; not recorded for a container without a health check. */
  'container.healthy',
  'container.restarts_total',
  /** 1 ready, 0 any other state. */
  'mcp.up',
  'mcp.restarts_total',
  /** 1 reachable, 0 not. */
  'engine.up',
] as const;
export type SignalName = (typeof signalNames)[number];

export interface Signal {
  at: number;
  source: string;
  name: SignalName;
  value: number;
}

export type SignalInput = Omit<Signal, 'at'> & { at?: number };
