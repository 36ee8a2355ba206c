/** How the charts write times and latencies on their axes and tooltips. */

// Built once: toLocaleTimeString with options makes a new Intl.DateTimeFormat per call.
const clockWithSeconds = new Intl.DateTimeFormat([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });
const clockMinutes = new Intl.DateTimeFormat([], { hour: '2-digit', minute: '2-digit' });
const dayAndClock = new Intl.DateTimeFormat([], { weekday: 'short', hour: '2-digit', minute: '2-digit' });
const clockFull = new Intl.DateTimeFormat([], { timeStyle: 'medium' });
const dateAndClock = new Intl.DateTimeFormat([], { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' });
const day = 86_400_000;

/** A clock axis' label for a chart spanning `rangeMs`: seconds up to 15 min, the weekday beyond a day. */
export function clockTick(rangeMs: number): (ts: number) => string {
  const format = rangeMs <= 15 * 60_000 ? clockWithSeconds : rangeMs <= day ? clockMinutes : dayAndClock;
  return (ts) => format.format(ts);
}

/** A tooltip's time label, e.g. "05:44:22 AM"; with the date when the chart spans more than a day. */
export function clockLabel(ts: unknown, rangeMs = 0): string {
  return (rangeMs > day ? dateAndClock : clockFull).format(Number(ts));
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
