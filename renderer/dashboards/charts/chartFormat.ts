/** Axis and tooltip formatting shared by the dashboards' charts. */

// toLocaleTimeString with options builds a new Intl.DateTimeFormat per call, and recharts formats every
// candidate tick on each render: with 20 live charts that alone took ~7 % of the page's main thread.
const clockWithSeconds = new Intl.DateTimeFormat([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });
const clockMinutes = new Intl.DateTimeFormat([], { hour: '2-digit', minute: '2-digit' });
const clockFull = new Intl.DateTimeFormat([], { timeStyle: 'medium' });

export function clockTick(rangeMs: number): (ts: number) => string {
  const format = rangeMs <= 15 * 60_000 ? clockWithSeconds : clockMinutes;
  return (ts) => format.format(ts);
}

/** A tooltip's time label, e.g. "05:44:22 AM". */
export function clockLabel(ts: unknown): string {
  return clockFull.format(Number(ts));
}

export function msTick(v: number): string {
  if (v >= 1000) return `${(v / 1000).toFixed(v >= 10_000 ? 0 : 1)} s`;
  return `${Number(v.toPrecision(3))} ms`;
}

export function percentTick(v: number): string {
  return `${Math.round(v * 100)}%`;
}

/** Charts never get more than this many points per series. */
export const maxChartPoints = 1_000;

/**
 * Keeps at most `max` points by taking the min and max of each bucket, so a
 * spike survives downsampling. Returns the same array when it is small enough,
 * which keeps recharts' input referentially stable between renders.
 */
export function minMaxDownsample<T>(points: T[], max: number, y: (p: T) => number | null): T[] {
  if (points.length <= max) return points;
  const buckets = Math.floor(max / 2);
  const size = points.length / buckets;
  const out: T[] = [];
  for (let b = 0; b < buckets; b++) {
    const start = Math.floor(b * size);
    const end = Math.min(points.length, Math.floor((b + 1) * size));
    let lo = start;
    let hi = start;
    for (let i = start; i < end; i++) {
      const v = y(points[i]!) ?? -Infinity;
      if (v < (y(points[lo]!) ?? -Infinity)) lo = i;
      if (v > (y(points[hi]!) ?? -Infinity)) hi = i;
    }
    if (lo === hi) out.push(points[lo]!);
    else out.push(points[Math.min(lo, hi)]!, points[Math.max(lo, hi)]!);
  }
  return out;
}

export const tooltipStyle = { background: 'var(--panel-2)', border: '1px solid var(--border)', borderRadius: 6, fontSize: 12 };
