import type { SloVerdict } from '../../../shared/contract/probes.js';
import { formatMs } from '../time.js';

/** The objective a probe's latency chart draws as its dashed line: the first latency SLO, e.g. "p95 target 100 ms". */
export function latencyTarget(slo: readonly SloVerdict[]): { targetMs?: number; targetLabel?: string } {
  const latency = slo.find((s) => s.objective !== 'availability');
  return latency ? { targetMs: latency.threshold, targetLabel: `${latency.objective} target ${formatMs(latency.threshold)}` } : {};
}
