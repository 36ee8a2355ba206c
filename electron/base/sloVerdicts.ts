import type { Percentiles, SloVerdict } from '../../shared/contract/probes.js';
import type { ProbeConfig } from './stackFile/probes.js';

type Slo = NonNullable<ProbeConfig['slo']>;

/**
 * Checks each objective against one window. Latency objectives pass when the
 * percentile is at or under the target; availability passes at or over it, and
 * its error budget is the share of allowed failures not yet spent.
 */
export function sloVerdicts(slo: Slo | undefined, window: Percentiles, runs: number, failed: number): SloVerdict[] {
  if (!slo) return [];
  const out: SloVerdict[] = [];
  for (const objective of ['p50', 'p95', 'p99'] as const) {
    const threshold = slo[objective];
    if (threshold === undefined) continue;
    const actual = window.count > 0 ? window[objective] : null;
    out.push({
      target: `${objective} ≤ ${formatMs(threshold)}`,
      objective,
      threshold,
      actual,
      pass: actual === null ? null : actual <= threshold,
    });
  }
  if (slo.availability !== undefined) out.push(availabilityVerdict(slo.availability, runs, failed));
  return out;
}

export function availabilityVerdict(threshold: number, runs: number, failed: number): SloVerdict {
  const actual = runs > 0 ? 1 - failed / runs : null;
  const allowed = (1 - threshold) * runs;
  // With a 100 % target any failure spends the whole budget.
  const budgetLeft = runs === 0 ? 1 : allowed <= 0 ? (failed === 0 ? 1 : 0) : Math.max(0, Math.min(1, 1 - failed / allowed));
  return {
    target: `availability ≥ ${formatPercent(threshold)}`,
    objective: 'availability',
    threshold,
    actual,
    pass: actual === null ? null : actual >= threshold,
    budgetLeft,
  };
}

function formatMs(ms: number): string {
  return ms >= 1000 ? `${ms / 1000} s` : `${ms} ms`;
}

function formatPercent(ratio: number): string {
  return `${Number((ratio * 100).toFixed(3))}%`;
}
