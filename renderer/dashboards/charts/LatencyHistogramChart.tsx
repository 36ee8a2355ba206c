import { memo } from 'react';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { LatencyBucket } from '../../../shared/contract/benchmark.js';
import { msTick } from '../../components/charts/chartText.js';
import { tooltipStyle } from './chartFormat.js';

/** A load test's latency distribution: log-spaced bins, count per bin. */
export const LatencyHistogramChart = memo(function LatencyHistogramChart({ buckets, height = 160, name }: { buckets: readonly LatencyBucket[]; height?: number; name: string }) {
  return (
    <div className="dashboards-chart" role="img" aria-label={`latency histogram of ${name}`} data-points={buckets.length}>
      <ResponsiveContainer width="100%" height={height}>
        <BarChart data={buckets as LatencyBucket[]} margin={{ top: 8, right: 12, bottom: 0, left: 4 }} barCategoryGap={1}>
          <CartesianGrid stroke="var(--grid)" vertical={false} />
          <XAxis dataKey="fromMs" tickFormatter={msTick} stroke="var(--muted)" fontSize={11} minTickGap={24} />
          <YAxis stroke="var(--muted)" fontSize={11} width={44} allowDecimals={false} />
          <Tooltip
            isAnimationActive={false}
            contentStyle={tooltipStyle}
            labelFormatter={(_v, payload) => {
              const b = payload?.[0]?.payload as LatencyBucket | undefined;
              return b ? `${msTick(b.fromMs)} – ${msTick(b.toMs)}` : '';
            }}
            formatter={(v) => [String(v), 'requests']}
          />
          <Bar dataKey="count" fill="var(--accent)" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
});
