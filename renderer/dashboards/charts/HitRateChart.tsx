import { memo, useMemo } from 'react';
import { Area, AreaChart, CartesianGrid, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { HitRatePoint } from '../../../shared/contract/cache.js';
import { clockLabel, clockTick } from '../../components/charts/chartText.js';
import { maxChartPoints, minMaxDownsample, percentTick, tooltipStyle } from './chartFormat.js';

// Hoisted: recharts keeps these in its store and recomputes when their identity changes.
const margin = { top: 10, right: 18, bottom: 0, left: 4 };
const xDomain = ['dataMin', 'dataMax'];
const yDomain = [0, 1];
const yTicks = [0, 0.25, 0.5, 0.75, 1];
const tooltipTime = (ts: unknown) => clockLabel(ts);
const tooltipValue = (v: unknown): [string, string] => [v === null ? 'no lookups' : `${(Number(v) * 100).toFixed(1)}%`, 'hit rate'];

export interface HitRateChartProps {
  /** Used in the chart's accessible name: "hit rate of <name>". */
  name: string;
  history: readonly HitRatePoint[];
  /** 0..1, drawn as the target line. */
  target: number;
  height?: number;
}

/** Cache hit rate over time (0–100 %) with the target as a dashed line; gaps where there were no lookups. */
export const HitRateChart = memo(function HitRateChart({ name, history, target, height = 200 }: HitRateChartProps) {
  const points = useMemo(() => minMaxDownsample(history as HitRatePoint[], maxChartPoints, (p) => p.rate), [history]);
  const span = points.length > 1 ? points.at(-1)!.ts - points[0]!.ts : 60_000;
  const tick = useMemo(() => clockTick(span), [span]);
  return (
    <div className="dashboards-chart" role="img" aria-label={`hit rate of ${name}, ${points.length} points, target ${Math.round(target * 100)}%`} data-points={points.length} data-target={target}>
      <ResponsiveContainer width="100%" height={height}>
        <AreaChart data={points} margin={margin}>
          <CartesianGrid stroke="var(--grid)" vertical={false} />
          <XAxis dataKey="ts" type="number" domain={xDomain} tickFormatter={tick} stroke="var(--muted)" fontSize={11} minTickGap={48} />
          <YAxis stroke="var(--muted)" fontSize={11} width={44} domain={yDomain} ticks={yTicks} tickFormatter={percentTick} />
          <Tooltip isAnimationActive={false} contentStyle={tooltipStyle} labelFormatter={tooltipTime} formatter={tooltipValue} />
          <Area dataKey="rate" stroke="var(--ok)" fill="var(--ok)" fillOpacity={0.12} strokeWidth={1.6} isAnimationActive={false} connectNulls={false} />
          <ReferenceLine y={target} stroke="var(--warn)" strokeDasharray="5 4" className="dashboards-target-line" label={{ value: `target ${Math.round(target * 100)}%`, fill: 'var(--warn-text)', fontSize: 11, position: 'insideBottomRight' }} />
        </AreaChart>
      </ResponsiveContainer>
    </div>
  );
});
