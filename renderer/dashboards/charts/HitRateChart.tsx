import { memo, useMemo, useRef, useState, type MouseEvent } from 'react';
import type { HitRatePoint } from '../../../shared/contract/cache.js';
import { ChartAxes, type PlotBox } from '../../components/charts/ChartAxes.js';
import { roundTimeTicks } from '../../components/charts/chartTicks.js';
import { clockLabel, clockTick, percentTick } from '../../components/charts/chartText.js';
import { ColumnPath } from '../../components/charts/columnPath.js';
import { nearestSample } from '../../components/charts/nearestSample.js';
import { useElementWidth } from '../../components/useElementWidth.js';

const yTicks = [0, 0.25, 0.5, 0.75, 1];
const left = 48;
const right = 18;
const top = 10;
const below = 30;

export interface HitRateChartProps {
  /** Used in the chart's accessible name: "hit rate of <name>". */
  name: string;
  history: readonly HitRatePoint[];
  /** 0..1, drawn as the target line. */
  target: number;
  height?: number;
}

/**
 * Cache hit rate over time (0–100 %) with the target as a dashed line; gaps where there were no
 * lookups. Drawn like the latency chart: a line and its area as two precomputed SVG paths,
 * downsampled to the pixel width, so a new point costs a string build rather than a chart layout.
 */
export const HitRateChart = memo(function HitRateChart({ name, history, target, height = 200 }: HitRateChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const width = useElementWidth(box);
  const [pointedAt, setPointedAt] = useState<number | null>(null);
  const from = history[0]?.ts ?? 0;
  const to = history.at(-1)?.ts ?? 0;
  const plot: PlotBox = useMemo(() => ({ left, right: width - right, top, bottom: height - below }), [width, height]);
  const x = (ts: number) => plot.left + ((ts - from) / Math.max(1, to - from)) * Math.max(0, plot.right - plot.left);
  const y = (rate: number) => plot.bottom - rate * (plot.bottom - plot.top);
  const paths = useMemo(() => {
    const path = new ColumnPath(plot.bottom);
    const span = Math.max(1, to - from);
    for (const p of history) {
      if (p.rate === null) path.lift();
      else path.add(Math.round(plot.left + ((p.ts - from) / span) * Math.max(0, plot.right - plot.left)), plot.bottom - p.rate * (plot.bottom - plot.top));
    }
    const line = path.finish();
    return { line, area: path.area, drawn: path.vertices };
  }, [history, from, to, plot]);
  const clock = useMemo(() => clockTick(to - from), [to, from]);
  const xTicks = roundTimeTicks(from, to, Math.max(2, Math.floor((plot.right - plot.left) / 90)));
  const onMove = (event: MouseEvent<SVGSVGElement>) => setPointedAt(from + ((event.nativeEvent.offsetX - left) / Math.max(1, plot.right - left)) * (to - from));
  const hovered = pointedAt === null ? undefined : history[nearestSample(history, pointedAt) ?? -1];
  const targetText = `target ${Math.round(target * 100)}%`;
  return (
    <div ref={box} className="chart hit-rate-chart dashboards-chart" style={{ height }} role="img" aria-label={`hit rate of ${name}, ${history.length} points, ${targetText}`} data-points={paths.drawn} data-target={target}>
      {width > left + right ? (
        <svg width={width} height={height} aria-hidden="true" onMouseMove={history.length ? onMove : undefined} onMouseLeave={() => setPointedAt(null)}>
          <ChartAxes box={plot} yTicks={yTicks} y={y} yLabel={percentTick} xTicks={xTicks} x={x} xLabel={clock} />
          <path className="chart-area" d={paths.area} />
          <path className="chart-line is-ok" d={paths.line} />
          <g className="chart-target dashboards-target-line">
            <line x1={plot.left} x2={plot.right} y1={y(target)} y2={y(target)} strokeDasharray="5 4" />
            <text x={plot.right - 5} y={y(target) + 14} textAnchor="end">{targetText}</text>
          </g>
          {hovered ? <line className="chart-cursor" x1={x(hovered.ts)} x2={x(hovered.ts)} y1={plot.top} y2={plot.bottom} /> : null}
        </svg>
      ) : null}
      {hovered ? (
        <div className="chart-tooltip" style={{ left: Math.min(x(hovered.ts) + 12, Math.max(0, width - 170)), top: 12 }}>
          <div>{clockLabel(hovered.ts, to - from)}</div>
          <div className="chart-tooltip-ok">{hovered.rate === null ? 'no lookups' : `hit rate: ${(hovered.rate * 100).toFixed(1)}%`}</div>
        </div>
      ) : null}
    </div>
  );
});
