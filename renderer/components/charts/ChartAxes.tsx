import { memo } from 'react';

/** Where a chart's plot sits inside its SVG, in pixels. */
export interface PlotBox {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/**
 * The grid, axes and tick labels of a time chart: value ticks up the left with grid lines, clock
 * ticks along the bottom. Shared by the charts so they read the same on every screen.
 */
export function ChartAxes({ box, yTicks, y, yLabel, xTicks, x, xLabel }: { box: PlotBox; yTicks: readonly number[]; y: (v: number) => number; yLabel: (v: number) => string; xTicks: readonly number[]; x: (t: number) => number; xLabel: (t: number) => string }) {
  return (
    <>
      <ValueAxis box={box} yTicks={yTicks} y={y} yLabel={yLabel} />
      <TimeAxis box={box} xTicks={xTicks} x={x} xLabel={xLabel} />
    </>
  );
}

/** Value ticks with their grid lines, and both axis lines. Memoised: a live chart's new point rarely moves them. */
export const ValueAxis = memo(function ValueAxis({ box, yTicks, y, yLabel }: { box: PlotBox; yTicks: readonly number[]; y: (v: number) => number; yLabel: (v: number) => string }) {
  const { left, right, top, bottom } = box;
  return (
    <>
      {yTicks.map((v) => (
        <g key={v}>
          <line className="chart-grid" x1={left} x2={right} y1={y(v)} y2={y(v)} />
          <line className="chart-axis" x1={left - 6} x2={left} y1={y(v)} y2={y(v)} />
          <text className="chart-tick" x={left - 9} y={y(v)} dy="0.355em" textAnchor="end">{yLabel(v)}</text>
        </g>
      ))}
      <line className="chart-axis" x1={left} x2={left} y1={top} y2={bottom} />
      <line className="chart-axis" x1={left} x2={right} y1={bottom} y2={bottom} />
    </>
  );
});

/**
 * Clock ticks along the bottom. With `shift`, `x` places them against a time that stays put and
 * the group slides by `shift` px: a live chart moving on by a sample changes one transform, not every tick.
 */
export const TimeAxis = memo(function TimeAxis({ box, xTicks, x, xLabel, shift = 0 }: { box: PlotBox; xTicks: readonly number[]; x: (t: number) => number; xLabel: (t: number) => string; shift?: number }) {
  const { right, bottom } = box;
  return (
    <g transform={shift ? `translate(${shift.toFixed(2)},0)` : undefined}>
      {xTicks.map((t) => {
        const label = xLabel(t);
        // A label centred on a tick near the right end would run past the chart: it ends at its tick instead.
        const pastEnd = x(t) + shift + label.length * 3.4 > right + 12;
        return (
          <g key={t}>
            <line className="chart-axis" x1={x(t)} x2={x(t)} y1={bottom} y2={bottom + 6} />
            <text className="chart-tick" x={x(t)} y={bottom + 18} textAnchor={pastEnd ? 'end' : 'middle'}>{label}</text>
          </g>
        );
      })}
    </g>
  );
});
