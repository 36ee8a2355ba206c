import { memo, useMemo } from 'react';
import { ErrorBanner } from '../components/ErrorBanner.js';
import { formatMs } from '../components/time.js';
import { LatencyChart } from '../components/charts/LatencyChart.js';
import { useTopicStream } from '../client/hooks.js';
import type { ProbeSample } from '../../shared/contract/probes.js';
import { chartRangeMs, liveRangeOf, type ChartRange } from './chartRanges.js';
import { joinProbeHistory } from './probeHistoryJoin.js';
import { probeSeriesReducers } from './probeStream.js';
import { useProbeHistory } from './useProbeHistory.js';

const noSamples: ProbeSample[] = [];

export interface ProbeChartProps {
  name: string;
  range: ChartRange;
  everyMs: number;
  targetMs?: number;
  targetLabel?: string;
}

/**
 * A probe panel's live latency chart, with its own subscription to the probe's samples: a new
 * sample re-renders this chart only, and a new summary (percentiles, last run) re-renders the
 * panel's figures without redrawing the chart. Props are plain values so the memo holds.
 */
export const ProbeChart = memo(function ProbeChart({ name, range, everyMs, targetMs, targetLabel }: ProbeChartProps) {
  const liveRange = liveRangeOf(range);
  const { data: live, error } = useTopicStream('probe.samples', { probe: name, range: liveRange }, probeSeriesReducers[liveRange], `dashboards-${liveRange}`);
  // Longer ranges begin with what history kept from before this run; live samples carry on from there.
  const stored = useProbeHistory(name, range);
  const samples = useMemo(() => (live ? joinProbeHistory(stored.points, live) : undefined), [live, stored.points]);
  return (
    <>
      {error ? <ErrorBanner title="Latency stream stopped">{error.message}</ErrorBanner> : null}
      {stored.error ? <ErrorBanner title="History unavailable">{stored.error}</ErrorBanner> : null}
      {samples && samples.length === 0 ? (
        <div className="dashboards-chart-empty">No samples in the last {range} yet — the first run is due within {formatMs(everyMs)}.</div>
      ) : (
        <LatencyChart
          name={name}
          samples={samples ?? noSamples}
          rangeMs={chartRangeMs[range]}
          height={220}
          className="dashboards-chart"
          {...(targetMs !== undefined ? { targetMs } : {})}
          {...(targetLabel !== undefined ? { targetLabel } : {})}
        />
      )}
    </>
  );
});
