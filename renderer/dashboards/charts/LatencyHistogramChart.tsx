import { memo, useMemo, useRef, useState, type MouseEvent } from 'react';
import type { LatencyBucket } from '../../../shared/contract/benchmark.js';
import type { PlotBox } from '../../components/charts/ChartAxes.js';
import { roundValueTicks } from '../../components/charts/chartTicks.js';
import { msTick } from '../../components/charts/chartText.js';
import { useElementWidth } from '../../components/useElementWidth.js';

const left = 48;
const right = 12;
const top = 8;
const below = 30;
// A latency label is ~50 px wide: one every this many pixels at least.
const labelEvery = 64;

/** A load test's latency distribution: log-spaced bins, count per bin, all bars as one SVG path. */
export const LatencyHistogramChart = memo(function LatencyHistogramChart({ buckets, height = 160, name }: { buckets: readonly LatencyBucket[]; height?: number; name: string }) {
  const box = useRef<HTMLDivElement>(null);
  const width = useElementWidth(box);
  const [hovered, setHovered] = useState<number | null>(null);
  const plot: PlotBox = { left, right: width - right, top, bottom: height - below };
  const yTicks = useMemo(() => roundValueTicks(Math.max(1, ...buckets.map((b) => b.count))).filter((v) => Number.isInteger(v)), [buckets]);
  const yMax = yTicks[yTicks.length - 1]!;
  const barWidth = Math.max(0, plot.right - plot.left) / Math.max(1, buckets.length);
  const y = (count: number) => plot.bottom - (count / yMax) * (plot.bottom - plot.top);
  const bars = buckets.map((b, i) => `M${(plot.left + i * barWidth + 0.5).toFixed(1)},${plot.bottom}V${y(b.count).toFixed(1)}h${Math.max(0.5, barWidth - 1).toFixed(1)}V${plot.bottom}Z`).join('');
  const labelStep = Math.max(1, Math.ceil(labelEvery / Math.max(1, barWidth)));
  const onMove = (event: MouseEvent<SVGSVGElement>) => {
    const i = Math.floor((event.nativeEvent.offsetX - plot.left) / Math.max(1, barWidth));
    setHovered(i >= 0 && i < buckets.length ? i : null);
  };
  const bucket = hovered === null ? undefined : buckets[hovered];
  return (
    <div ref={box} className="chart histogram-chart dashboards-chart" style={{ height }} role="img" aria-label={`latency histogram of ${name}`} data-points={buckets.length}>
      {width > left + right ? (
        <svg width={width} height={height} aria-hidden="true" onMouseMove={onMove} onMouseLeave={() => setHovered(null)}>
          {yTicks.map((v) => (
            <g key={v}>
              <line className="chart-grid" x1={plot.left} x2={plot.right} y1={y(v)} y2={y(v)} />
              <text className="chart-tick" x={plot.left - 9} y={y(v)} dy="0.355em" textAnchor="end">{v}</text>
            </g>
          ))}
          <path className="chart-bars" d={bars} />
          <line className="chart-axis" x1={plot.left} x2={plot.right} y1={plot.bottom} y2={plot.bottom} />
          {buckets.map((b, i) =>
            i % labelStep === 0 ? (
              <text key={b.fromMs} className="chart-tick" x={plot.left + i * barWidth} y={plot.bottom + 18} textAnchor="start">{msTick(b.fromMs)}</text>
            ) : null,
          )}
        </svg>
      ) : null}
      {bucket && hovered !== null ? (
        <div className="chart-tooltip" style={{ left: Math.min(plot.left + (hovered + 1) * barWidth + 8, Math.max(0, width - 170)), top: 8 }}>
          <div>{`${msTick(bucket.fromMs)} – ${msTick(bucket.toMs)}`}</div>
          <div className="chart-tooltip-ok">{`${bucket.count} requests`}</div>
        </div>
      ) : null}
    </div>
  );
});
