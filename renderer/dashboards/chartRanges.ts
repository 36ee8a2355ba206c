import { probeRangeMs, probeRanges, type ProbeRange } from '../../shared/contract/probes.js';

/** The ranges the Health tab offers: the probes' own, and 7 d, which only history holds. */
export const chartRanges = [...probeRanges, '7d'] as const;
export type ChartRange = (typeof chartRanges)[number];

export const chartRangeMs: Record<ChartRange, number> = { ...probeRangeMs, '7d': 604_800_000 };

/** The live stream a range continues with: main keeps 24 h in memory, so 7 d follows the 24 h stream. */
export function liveRangeOf(range: ChartRange): ProbeRange {
  return range === '7d' ? '24h' : range;
}

export function isChartRange(value: string | null): value is ChartRange {
  return (chartRanges as readonly string[]).includes(value ?? '');
}
