/** How the charts write times and latencies on their axes and tooltips (times as every screen does: ../clock.ts). */
import { clockMinutes, clockTime, dateClockTime, weekdayClock } from '../clock.js';

const day = 86_400_000;

/** A clock axis' label for a chart spanning `rangeMs`: seconds up to 15 min, the weekday beyond a day. */
export function clockTick(rangeMs: number): (ts: number) => string {
  return rangeMs <= 15 * 60_000 ? clockTime : rangeMs <= day ? clockMinutes : weekdayClock;
}

/** A tooltip's time label, e.g. "05:44:22"; with the date when the chart spans more than a day. */
export function clockLabel(ts: unknown, rangeMs = 0): string {
  return (rangeMs > day ? dateClockTime : clockTime)(Number(ts));
}

/** A latency on an axis: "250 ms", "1.5 s". */
export function msTick(v: number): string {
  if (v >= 1000) return `${(v / 1000).toFixed(v >= 10_000 ? 0 : 1)} s`;
  return `${Number(v.toPrecision(3))} ms`;
}

/** A ratio on an axis: "75%". */
export function percentTick(v: number): string {
  return `${Math.round(v * 100)}%`;
}
