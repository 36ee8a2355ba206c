import type { HistoryPoint } from '../../shared/contract/history.js';
import type { ProbeSample } from '../../shared/contract/probes.js';

/**
 * One probe's chart across a restart: the stored history up to where the
 * live samples begin, then the live ones. A stored bucket is kept only when
 * it starts before the first live sample, so nothing is drawn twice and no
 * bucket is left out between them.
 */
export function joinProbeHistory(stored: readonly HistoryPoint[], live: readonly ProbeSample[]): ProbeSample[] {
  const firstLive = live[0]?.ts ?? Infinity;
  const before: ProbeSample[] = [];
  for (const p of stored) {
    if (p.at >= firstLive) break;
    before.push({ ts: p.at, latencyMs: p.value, outcome: 'ok', ...(p.max !== undefined ? { maxMs: p.max } : {}), count: p.count ?? 1 });
  }
  return before.length === 0 ? (live as ProbeSample[]) : before.concat(live);
}
