import { severityRank, type EventSeverity } from '../../shared/stackEvents.js';

export interface IncidentBin {
  /** Index along the axis, 0 = oldest. */
  index: number;
  from: number;
  count: number;
  worst: EventSeverity;
}

/**
 * Events in `bins` equal slices of [from, to), keeping each slice's count and
 * worst severity: a strip of 10,000 events draws at most `bins` marks.
 */
export function incidentBins(events: readonly { at: number; severity: EventSeverity }[], from: number, to: number, bins: number): IncidentBin[] {
  const width = (to - from) / bins;
  const out = new Map<number, IncidentBin>();
  for (const e of events) {
    if (e.at < from || e.at >= to) continue;
    const index = Math.min(bins - 1, Math.floor((e.at - from) / width));
    const bin = out.get(index);
    if (!bin) out.set(index, { index, from: from + index * width, count: 1, worst: e.severity });
    else {
      bin.count++;
      if (severityRank[e.severity] > severityRank[bin.worst]) bin.worst = e.severity;
    }
  }
  return [...out.values()].sort((a, b) => a.index - b.index);
}
