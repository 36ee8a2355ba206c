import type { AlertTargetKind } from './alertMetrics.js';
import type { EventSeverity } from '../../../shared/stackEvents.js';

/** A rule as written in the stack file, before its condition is parsed. */
export interface WrittenAlertRule {
  kind: AlertTargetKind;
  /** A name or a glob ("sutazai-*", "*"). */
  pattern: string;
  when: string;
  forMs: number;
  severity: EventSeverity;
  /** One line the operator reads on the alert, instead of the generated one. */
  summary?: string;
}

/**
 * On in every stack unless turned off (`alerts: { probe-down: { off: true } }`)
 * or replaced by a rule of the same name. The burn-rate pair is the SRE
 * workbook's multi-window alert: a fast burn (2 % of a 30-day budget in 1 h)
 * pages, a slow one (5 % in 6 h) warns; the short window ends it quickly.
 */
export const builtInAlertRules: Record<string, WrittenAlertRule> = {
  'mcp-crash-loop': { kind: 'mcp', pattern: '*', when: 'state in [crash-loop]', forMs: 0, severity: 'critical', summary: 'MCP server is crash-looping' },
  'container-unhealthy': { kind: 'container', pattern: '*', when: 'health in [unhealthy]', forMs: 0, severity: 'error', summary: 'container is unhealthy' },
  'container-oom-killed': { kind: 'container', pattern: '*', when: 'oomKills > 0 in 10m', forMs: 0, severity: 'error', summary: 'container was OOM-killed' },
  'container-restarting': { kind: 'container', pattern: '*', when: 'restarts > 3 in 10m', forMs: 0, severity: 'warning', summary: 'container is restarting repeatedly' },
  'probe-down': { kind: 'probe', pattern: '*', when: 'up < 1', forMs: 60_000, severity: 'error', summary: 'probe failing for 1 min' },
  'slo-burn-fast': { kind: 'probe', pattern: '*', when: 'burnRate > 14.4 in 1h & 5m', forMs: 0, severity: 'critical', summary: 'SLO error budget burning fast (14.4× over 1h and 5m)' },
  'slo-burn-slow': { kind: 'probe', pattern: '*', when: 'burnRate > 6 in 6h & 30m', forMs: 0, severity: 'warning', summary: 'SLO error budget burning (6× over 6h and 30m)' },
  'cache-below-target': { kind: 'cache', pattern: '*', when: 'hitRate < target', forMs: 10 * 60_000, severity: 'warning', summary: 'cache below its hit-rate target for 10 min' },
  'engine-unreachable': { kind: 'engine', pattern: '*', when: 'up < 1', forMs: 30_000, severity: 'critical', summary: 'Docker engine unreachable for 30 s' },
};

export const builtInAlertNames = Object.keys(builtInAlertRules);
