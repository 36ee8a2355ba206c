import { memo, useMemo, useRef, useState, type MouseEvent } from 'react';
import type { ProbeSample } from '../../../shared/contract/probes.js';
import { useElementWidth } from '../useElementWidth.js';
import { TimeAxis, ValueAxis } from './ChartAxes.js';
import { roundTimeTicks, roundValueTicks } from './chartTicks.js';
import { clockLabel, clockTick, msTick } from './chartText.js';
import { latencyPaths, latencyScale, type LatencyFrame } from './latencyPaths.js';
import { nearestSample } from './nearestSample.js';

// Plot area inside the SVG: room for the latency labels on the left and the clock labels below.
const left = 56;
const right = 16;
const top = 8;
const below = 30;

export interface LatencyChartProps {
  /** Used in the chart's accessible name: "latency of <name>". */
  name: string;
  /** In time order; stored minutes carry `count` and `maxMs`. */
  samples: readonly ProbeSample[];
  /**
   * The x axis spans this much time ending at the newest sample. Always a fixed window: a span
   * taken from the samples (first to newest) changes by a few ms with every sample, and with it
   * the scale every clock tick is placed by, so each tick would be rewritten once a second.
   */
  rangeMs: number;
  /** The latency objective, drawn as a dashed line with its label (see latencyTarget). */
  targetMs?: number;
  targetLabel?: string;
  height?: number;
  /** The screen's own class for placement. */
  className?: string;
}

/**
 * A probe's latency over time, the one drawing the Overview and the Dashboards share: passing runs
 * as a line (broken at failures and silences), failed runs as red dots, the slowest run of stored
 * minutes as a faint line, the objective as a dashed line; hovering shows the nearest sample. Drawn
 * as a handful of precomputed SVG paths downsampled to the pixel width, so a new sample costs one
 * string build, not a layout of the chart. `data-points` says how many vertices were drawn;
 * `data-last-ts` / `data-last-ms` are the newest sample's time and latency, so a benchmark can time
 * sample → screen without reading the SVG.
 */
export const LatencyChart = memo(function LatencyChart({ name, samples, rangeMs, targetMs, targetLabel, height = 200, className }: LatencyChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const width = useElementWidth(box);
  // The time under the pointer, so the tooltip stays on its sample while new ones arrive.
  const [pointedAt, setPointedAt] = useState<number | null>(null);
  const newest = samples.at(-1);
  const to = newest?.ts ?? 0;
  const from = to - rangeMs;
  const bottom = height - below;
  const plotRight = width - right;
  const highest = useMemo(() => {
    let m = targetMs === undefined ? 0 : targetMs * 1.15;
    for (const s of samples) if (s.ts >= from) m = Math.max(m, s.count !== undefined && s.count > 1 && s.maxMs !== undefined ? s.maxMs : s.latencyMs);
    return m;
  }, [samples, from, targetMs]);
  const yTicks = useMemo(() => roundValueTicks(highest), [highest]);
  const yMax = yTicks[yTicks.length - 1]!;
  const plot = useMemo(() => ({ left, right: plotRight, top, bottom }), [plotRight, bottom]);
  const frame: LatencyFrame = useMemo(() => ({ from, to, yMax, ...plot }), [from, to, yMax, plot]);
  const x = useMemo(() => latencyScale(frame).x, [frame]);
  // Latency only: stays the same object while the time window slides, so the value axis is not redrawn per point.
  const y = useMemo(() => latencyScale({ from: 0, to: 1, yMax, ...plot }).y, [yMax, plot]);
  const paths = useMemo(() => latencyPaths(samples, frame), [samples, frame]);
  const clock = useMemo(() => clockTick(rangeMs), [rangeMs]);
  // A clock label is ~70 px wide: at least 90 px between ticks keeps them apart. No samples, no times to show.
  const xTicks = samples.length ? roundTimeTicks(from, to, Math.max(2, Math.floor((plotRight - left) / 90))) : [];
  // Clock ticks are placed against a time that moves only once per tick step, and slid by `tickShift` px.
  const span = Math.max(1, rangeMs);
  const tickStep = Math.max(1, xTicks.length >= 2 ? xTicks[1]! - xTicks[0]! : span);
  const anchor = Math.floor(from / tickStep) * tickStep;
  const tickX = useMemo(() => latencyScale({ from: anchor, to: anchor + span, yMax, ...plot }).x, [anchor, span, yMax, plot]);
  const tickShift = ((anchor - from) / span) * Math.max(0, plotRight - left);
  const onMove = (event: MouseEvent<SVGSVGElement>) => setPointedAt(from + ((event.nativeEvent.offsetX - left) / Math.max(1, plotRight - left)) * rangeMs);
  const hovered = pointedAt === null ? undefined : samples[nearestSample(samples, pointedAt) ?? -1];
  const bucket = hovered && hovered.count !== undefined && hovered.count > 1 ? hovered : undefined;
  return (
    <div
      ref={box}
      className={`chart latency-chart${className ? ` ${className}` : ''}`}
      style={{ height }}
      role="img"
      aria-label={`latency of ${name}, ${samples.length} samples`}
      data-points={paths.drawn}
      data-last-ts={newest?.ts}
      data-last-ms={newest?.latencyMs}
    >
      {width > left + right ? (
        <svg width={width} height={height} aria-hidden="true" onMouseMove={samples.length ? onMove : undefined} onMouseLeave={() => setPointedAt(null)}>
          <ValueAxis box={plot} yTicks={yTicks} y={y} yLabel={msTick} />
          <TimeAxis box={plot} xTicks={xTicks} x={tickX} xLabel={clock} shift={tickShift} />
          {targetMs !== undefined ? (
            <g className="chart-target">
              <line x1={left} x2={plotRight} y1={y(targetMs)} y2={y(targetMs)} strokeDasharray="5 4" />
              <text x={plotRight - 5} y={y(targetMs) - 5} textAnchor="end">{targetLabel ?? `target ${msTick(targetMs)}`}</text>
            </g>
          ) : null}
          {samples.length === 0 ? <text className="chart-tick" x={(left + plotRight) / 2} y={(top + bottom) / 2} textAnchor="middle">waiting for the first sample</text> : null}
          {hovered ? <line className="chart-cursor" x1={x(hovered.ts)} x2={x(hovered.ts)} y1={top} y2={bottom} /> : null}
          {paths.slowest ? <path className="chart-slowest" d={paths.slowest} /> : null}
          <path className="chart-line" d={paths.line} />
          <path className="chart-fail" d={paths.fails} />
        </svg>
      ) : null}
      {hovered ? (
        <div className="chart-tooltip" style={{ left: Math.min(x(hovered.ts) + 12, Math.max(0, width - 190)), top: 12 }}>
          <div>{clockLabel(hovered.ts, rangeMs)}</div>
          <div className={hovered.outcome === 'ok' ? 'chart-tooltip-ok' : 'chart-tooltip-fail'}>{`${hovered.outcome === 'ok' ? 'latency' : 'failed run'}: ${msTick(hovered.latencyMs)}`}</div>
          {bucket?.maxMs !== undefined ? <div className="chart-tooltip-slowest">{`slowest of ${bucket.count}: ${msTick(bucket.maxMs)}`}</div> : null}
          {hovered.error ? <div className="chart-tooltip-fail">{hovered.error}</div> : null}
        </div>
      ) : null}
    </div>
  );
});
