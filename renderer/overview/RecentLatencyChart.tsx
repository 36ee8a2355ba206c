import { memo, useMemo, useRef, useState, type MouseEvent } from 'react';
import type { ProbeSample } from '../../shared/contract/probes.js';
import { formatMs } from '../components/time.js';
import { useElementWidth } from '../components/useElementWidth.js';
import { clockLabel, clockTick } from '../dashboards/charts/chartFormat.js';
import { roundTimeTicks, roundValueTicks } from './chartTicks.js';

const height = 180;
// Plot area inside the SVG: room for the latency labels on the left and the clock labels below.
const left = 56;
const right = 16;
const top = 8;
const bottom = 150;
const clock = clockTick(5 * 60_000);

/**
 * The Overview's latency chart, drawn as one small SVG: a new sample changes a
 * path and a few ticks, nothing else. A charting library re-ran its whole
 * store and committed two or three times per sample, most of what the idle
 * Overview cost. Passing runs are a line (broken at failures), failed runs red
 * dots, the p95 objective a dashed line; hovering shows the nearest sample.
 */
export const RecentLatencyChart = memo(function RecentLatencyChart({ name, samples, targetMs }: { name: string; samples: readonly ProbeSample[]; targetMs?: number }) {
  const box = useRef<HTMLDivElement>(null);
  const width = useElementWidth(box);
  // The time under the pointer, so the tooltip stays on its sample while new ones arrive.
  const [pointedAt, setPointedAt] = useState<number | null>(null);
  const first = samples[0]?.ts ?? 0;
  const last = samples.at(-1)?.ts ?? 0;
  const highest = useMemo(() => samples.reduce((m, s) => Math.max(m, s.latencyMs), targetMs ?? 0), [samples, targetMs]);
  const yTicks = useMemo(() => roundValueTicks(highest), [highest]);
  // A clock label is ~70 px wide: at least 90 px between ticks keeps them apart.
  const xTicks = roundTimeTicks(first, last, Math.max(2, Math.floor((width - left - right) / 90)));
  const yMax = yTicks[yTicks.length - 1]!;
  const { x, y } = useMemo(
    () => ({
      x: (ts: number) => left + ((ts - first) / Math.max(1, last - first)) * Math.max(0, width - left - right),
      y: (ms: number) => bottom - (ms / yMax) * (bottom - top),
    }),
    [first, last, width, yMax],
  );
  const line = useMemo(() => linePath(samples, x, y), [samples, x, y]);
  const plotRight = width - right;
  const onMove = (event: MouseEvent<SVGSVGElement>) => setPointedAt(first + ((event.nativeEvent.offsetX - left) / Math.max(1, plotRight - left)) * (last - first));
  const hovered = pointedAt === null ? null : nearest(samples, pointedAt);
  const hover = hovered === null ? undefined : samples[hovered];
  return (
    <div ref={box} className="chart latency-chart" role="img" aria-label={`latency of ${name}, last ${samples.length} samples`} data-points={samples.length} data-last-ts={samples.at(-1)?.ts}>
      {width > left + right ? (
        <svg width={width} height={height} aria-hidden="true" onMouseMove={samples.length ? onMove : undefined} onMouseLeave={() => setPointedAt(null)}>
          {yTicks.map((v) => (
            <g key={v}>
              <line className="chart-grid" x1={left} x2={plotRight} y1={y(v)} y2={y(v)} />
              <line className="chart-axis" x1={left - 6} x2={left} y1={y(v)} y2={y(v)} />
              <text className="chart-tick" x={left - 9} y={y(v)} dy="0.355em" textAnchor="end">{`${v} ms`}</text>
            </g>
          ))}
          <line className="chart-axis" x1={left} x2={left} y1={top} y2={bottom} />
          <line className="chart-axis" x1={left} x2={plotRight} y1={bottom} y2={bottom} />
          {xTicks.map((t) => (
            <g key={t}>
              <line className="chart-axis" x1={x(t)} x2={x(t)} y1={bottom} y2={bottom + 6} />
              <text className="chart-tick" x={x(t)} y={bottom + 18} textAnchor="middle">{clock(t)}</text>
            </g>
          ))}
          {targetMs !== undefined ? (
            <g className="chart-target">
              <line x1={left} x2={plotRight} y1={y(targetMs)} y2={y(targetMs)} strokeDasharray="4 4" />
              <text x={plotRight - 5} y={y(targetMs) + 13} textAnchor="end">{`p95 target ${targetMs} ms`}</text>
            </g>
          ) : null}
          {hover ? <line className="chart-cursor" x1={x(hover.ts)} x2={x(hover.ts)} y1={top} y2={bottom} /> : null}
          <path className="chart-line" d={line} />
          {samples.map((s) => (s.outcome === 'ok' ? null : <circle key={s.ts} className="chart-fail" cx={x(s.ts)} cy={y(s.latencyMs)} r={2} />))}
        </svg>
      ) : null}
      {hover ? (
        <div className="chart-tooltip" style={{ left: Math.min(x(hover.ts) + 12, Math.max(0, width - 170)), top: 12 }}>
          <div>{clockLabel(hover.ts)}</div>
          <div className={hover.outcome === 'ok' ? 'chart-tooltip-ok' : 'chart-tooltip-fail'}>{`${hover.outcome === 'ok' ? 'latency' : 'failed'} : ${formatMs(hover.latencyMs)}`}</div>
        </div>
      ) : null}
    </div>
  );
});

/** One path for the passing runs, lifted at every failure so the line breaks there. */
function linePath(samples: readonly ProbeSample[], x: (ts: number) => number, y: (ms: number) => number): string {
  let d = '';
  let pen = false;
  for (const s of samples) {
    if (s.outcome !== 'ok') {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${x(s.ts).toFixed(1)},${y(s.latencyMs).toFixed(1)}`;
    pen = true;
  }
  return d;
}

/** Index of the sample closest in time to `ts` (samples are in time order). */
function nearest(samples: readonly ProbeSample[], ts: number): number | null {
  if (samples.length === 0) return null;
  let lo = 0;
  let hi = samples.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (samples[mid]!.ts < ts) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 && ts - samples[lo - 1]!.ts < samples[lo]!.ts - ts ? lo - 1 : lo;
}
