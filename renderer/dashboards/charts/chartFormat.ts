/** Axis and tooltip formatting of the dashboards' recharts charts (times and latencies: components/charts/chartText.ts). */

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
