import { memo, useMemo } from 'react';
import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ProbeSample } from '../../shared/contract/probes.js';
import { formatMs } from '../components/time.js';
import { clockLabel, clockTick } from '../dashboards/charts/chartFormat.js';
import { roundTimeTicks } from './roundTimeTicks.js';

// Everything recharts keeps in its store is hoisted or memoised: a new object per render makes it recompute.
const margin = { top: 8, right: 16, bottom: 0, left: 0 };
const failDot = { r: 2 };
const wholeRange = ['dataMin', 'dataMax'];
const tooltipStyle = { background: 'var(--panel-2)', border: '1px solid var(--border)' };
const clock = clockTick(5 * 60_000);
const msTick = (v: number) => `${v} ms`;
const tooltipValue = (v: unknown) => formatMs(Number(v));

interface Point {
  ts: number;
  ok: number | null;
  fail: number | null;
}

/**
 * The Overview's latency chart: drawn again only when a sample arrives (memoised
 * on the samples), without animation, with x ticks on round times so the axis
 * text moves only when a tick enters or leaves, not with every sample.
 */
export const RecentLatencyChart = memo(function RecentLatencyChart({ name, samples, targetMs }: { name: string; samples: readonly ProbeSample[]; targetMs?: number }) {
  const points = useMemo(
    () => samples.map((s): Point => ({ ts: s.ts, ok: s.outcome === 'ok' ? s.latencyMs : null, fail: s.outcome === 'ok' ? null : s.latencyMs })),
    [samples],
  );
  const first = points[0]?.ts ?? 0;
  const last = points.at(-1)?.ts ?? 0;
  // Keyed by the tick values: the same ticks keep the same array while the newest sample moves on.
  const tickKey = roundTimeTicks(first, last).join(',');
  const ticks = useMemo(() => (tickKey ? tickKey.split(',').map(Number) : []), [tickKey]);
  const targetLabel = useMemo(
    () => (targetMs === undefined ? undefined : { value: `p95 target ${targetMs} ms`, fill: 'var(--warn-text)', fontSize: 11, position: 'insideTopRight' as const }),
    [targetMs],
  );
  return (
    <div className="chart" role="img" aria-label={`latency of ${name}, last ${points.length} samples`} data-points={points.length} data-last-ts={points.at(-1)?.ts}>
      <ResponsiveContainer width="100%" height={180}>
        <LineChart data={points} margin={margin}>
          <CartesianGrid stroke="var(--grid)" vertical={false} />
          <XAxis dataKey="ts" type="number" domain={wholeRange} ticks={ticks} interval={0} tickFormatter={clock} stroke="var(--muted)" fontSize={11} />
          <YAxis stroke="var(--muted)" fontSize={11} width={56} tickFormatter={msTick} interval={0} />
          <Tooltip isAnimationActive={false} labelFormatter={clockLabel} formatter={tooltipValue} contentStyle={tooltipStyle} />
          {targetMs !== undefined ? <ReferenceLine y={targetMs} stroke="var(--warn)" strokeDasharray="4 4" label={targetLabel} /> : null}
          <Line dataKey="ok" name="latency" stroke="var(--accent)" dot={false} strokeWidth={1.5} isAnimationActive={false} connectNulls={false} />
          <Line dataKey="fail" name="failed" stroke="var(--bad)" dot={failDot} strokeWidth={0} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
});
