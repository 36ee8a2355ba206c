import { memo, useMemo } from 'react';
import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ProbeSample } from '../../../shared/contract/probes.js';
import { clockLabel, clockTick, maxChartPoints, minMaxDownsample, msTick, tooltipStyle } from './chartFormat.js';

// Props recharts keeps in its store are hoisted or memoised: a new object each render makes it recompute its selectors.
const margin = { top: 10, right: 18, bottom: 0, left: 4 };
const failDot = { r: 2.5, fill: 'var(--bad)', stroke: 'none' };
const seriesName = (key: unknown) => (key === 'ok' ? 'latency' : key === 'max' ? 'slowest in bucket' : 'failed run');
const tooltipValue = (v: unknown, key: unknown): [string, string] => [msTick(Number(v)), seriesName(key)];

export interface LatencyChartProps {
  /** Used in the chart's accessible name: "latency of <name>". */
  name: string;
  samples: readonly ProbeSample[];
  /** The x axis spans this much time, ending at the newest sample. */
  rangeMs: number;
  /** Drawn as a dashed target line, e.g. the p95 objective. */
  target?: { ms: number; label: string };
  height?: number;
}

interface Point {
  ts: number;
  /** The run's latency whatever its outcome, for `data-last-ms`. */
  ms: number;
  ok: number | null;
  fail: number | null;
  max: number | null;
  error?: string;
}

/**
 * Probe latency over time: passing runs as a line, failed runs as red dots,
 * and (for bucketed history) the slowest run per bucket as a faint line. No
 * animation, ≤ 1,000 points, and `data-points` says how many were drawn.
 * `data-last-ts` / `data-last-ms` are the newest drawn point's sample time and
 * latency, so a benchmark can time sample → screen without reading the SVG.
 */
export const LatencyChart = memo(function LatencyChart({ name, samples, rangeMs, target, height = 220 }: LatencyChartProps) {
  const points = useMemo(() => {
    const all: Point[] = samples.map((s) => ({
      ts: s.ts,
      ms: s.latencyMs,
      ok: s.outcome === 'ok' ? s.latencyMs : null,
      fail: s.outcome === 'ok' ? null : s.latencyMs,
      max: s.maxMs !== undefined && s.count !== undefined && s.count > 1 ? s.maxMs : null,
      ...(s.error ? { error: s.error } : {}),
    }));
    return minMaxDownsample(all, maxChartPoints, (p) => p.ok ?? p.fail);
  }, [samples]);
  const newest = points.at(-1);
  const end = newest?.ts ?? 0;
  const hasMax = points.some((p) => p.max !== null);
  const tick = useMemo(() => clockTick(rangeMs), [rangeMs]);
  const xDomain = useMemo(() => [end - rangeMs, end], [end, rangeMs]);
  const targetMs = target?.ms ?? 0;
  const yDomain = useMemo(() => [0, (max: number) => Math.max(max, targetMs * 1.15)] as [number, (max: number) => number], [targetMs]);
  const targetLabel = useMemo(() => (target ? { value: target.label, fill: 'var(--warn-text)', fontSize: 11, position: 'insideTopRight' as const } : undefined), [target]);
  return (
    <div className="dashboards-chart" role="img" aria-label={`latency of ${name}, ${points.length} points`} data-points={points.length} data-last-ts={newest?.ts} data-last-ms={newest?.ms}>
      <ResponsiveContainer width="100%" height={height}>
        <LineChart data={points} margin={margin}>
          <CartesianGrid stroke="var(--grid)" vertical={false} />
          <XAxis dataKey="ts" type="number" domain={xDomain} allowDataOverflow tickFormatter={tick} stroke="var(--muted)" fontSize={11} minTickGap={48} />
          <YAxis stroke="var(--muted)" fontSize={11} width={60} tickFormatter={msTick} domain={yDomain} />
          <Tooltip isAnimationActive={false} contentStyle={tooltipStyle} labelFormatter={clockLabel} formatter={tooltipValue} />
          {target ? (
            <ReferenceLine y={target.ms} stroke="var(--warn)" strokeDasharray="5 4" ifOverflow="extendDomain" label={targetLabel} />
          ) : null}
          {hasMax ? <Line dataKey="max" stroke="var(--accent)" strokeOpacity={0.35} dot={false} strokeWidth={1} isAnimationActive={false} connectNulls={false} /> : null}
          <Line dataKey="ok" stroke="var(--accent)" dot={false} strokeWidth={1.6} isAnimationActive={false} connectNulls={false} />
          <Line dataKey="fail" stroke="var(--bad)" strokeWidth={0} dot={failDot} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
});
