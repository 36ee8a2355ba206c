import { memo, useMemo } from 'react';
import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ProbeSample } from '../../../shared/contract/probes.js';
import { clockTick, maxChartPoints, minMaxDownsample, msTick, tooltipStyle } from './chartFormat.js';

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
  ok: number | null;
  fail: number | null;
  max: number | null;
  error?: string;
}

/**
 * Probe latency over time: passing runs as a line, failed runs as red dots,
 * and (for bucketed history) the slowest run per bucket as a faint line. No
 * animation, ≤ 1,000 points, and `data-points` says how many were drawn.
 */
export const LatencyChart = memo(function LatencyChart({ name, samples, rangeMs, target, height = 220 }: LatencyChartProps) {
  const points = useMemo(() => {
    const all: Point[] = samples.map((s) => ({
      ts: s.ts,
      ok: s.outcome === 'ok' ? s.latencyMs : null,
      fail: s.outcome === 'ok' ? null : s.latencyMs,
      max: s.maxMs !== undefined && s.count !== undefined && s.count > 1 ? s.maxMs : null,
      ...(s.error ? { error: s.error } : {}),
    }));
    return minMaxDownsample(all, maxChartPoints, (p) => p.ok ?? p.fail);
  }, [samples]);
  const end = points.at(-1)?.ts ?? 0;
  const hasMax = points.some((p) => p.max !== null);
  const tick = useMemo(() => clockTick(rangeMs), [rangeMs]);
  return (
    <div className="dashboards-chart" role="img" aria-label={`latency of ${name}, ${points.length} points`} data-points={points.length}>
      <ResponsiveContainer width="100%" height={height}>
        <LineChart data={points} margin={{ top: 10, right: 18, bottom: 0, left: 4 }}>
          <CartesianGrid stroke="var(--grid)" vertical={false} />
          <XAxis dataKey="ts" type="number" domain={[end - rangeMs, end]} allowDataOverflow tickFormatter={tick} stroke="var(--muted)" fontSize={11} minTickGap={48} />
          <YAxis stroke="var(--muted)" fontSize={11} width={60} tickFormatter={msTick} domain={[0, (max: number) => Math.max(max, (target?.ms ?? 0) * 1.15)]} />
          <Tooltip
            isAnimationActive={false}
            contentStyle={tooltipStyle}
            labelFormatter={(v) => new Date(Number(v)).toLocaleTimeString()}
            formatter={(v, key) => [msTick(Number(v)), key === 'ok' ? 'latency' : key === 'max' ? 'slowest in bucket' : 'failed run']}
          />
          {target ? (
            <ReferenceLine y={target.ms} stroke="var(--warn)" strokeDasharray="5 4" ifOverflow="extendDomain" label={{ value: target.label, fill: 'var(--warn)', fontSize: 11, position: 'insideTopRight' }} />
          ) : null}
          {hasMax ? <Line dataKey="max" stroke="var(--accent)" strokeOpacity={0.35} dot={false} strokeWidth={1} isAnimationActive={false} connectNulls={false} /> : null}
          <Line dataKey="ok" stroke="var(--accent)" dot={false} strokeWidth={1.6} isAnimationActive={false} connectNulls={false} />
          <Line dataKey="fail" stroke="var(--bad)" strokeWidth={0} dot={{ r: 2.5, fill: 'var(--bad)', stroke: 'none' }} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
});
