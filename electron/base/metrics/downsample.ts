/**
 * Largest-Triangle-Three-Buckets (Steinarsson 2013): keeps the points that
 * shape the line, so a 24 h series fits a chart's ~1,000 points without
 * flattening spikes the way averaging would.
 */
export function lttb<T>(points: readonly T[], threshold: number, x: (p: T) => number, y: (p: T) => number): T[] {
  const n = points.length;
  if (threshold >= n || threshold < 3) return points.slice();
  const out: T[] = [points[0]!];
  const every = (n - 2) / (threshold - 2);
  let a = 0;
  for (let i = 0; i < threshold - 2; i++) {
    const avgStart = Math.floor((i + 1) * every) + 1;
    const avgEnd = Math.min(Math.floor((i + 2) * every) + 1, n);
    let avgX = 0;
    let avgY = 0;
    let avgN = 0;
    for (let j = avgStart; j < avgEnd; j++) {
      const yj = y(points[j]!);
      if (!Number.isFinite(yj)) continue;
      avgX += x(points[j]!);
      avgY += yj;
      avgN++;
    }
    if (avgN > 0) {
      avgX /= avgN;
      avgY /= avgN;
    }
    const rangeStart = Math.floor(i * every) + 1;
    const rangeEnd = Math.floor((i + 1) * every) + 1;
    const ax = x(points[a]!);
    const ay = finiteOr(y(points[a]!), avgY);
    let best = rangeStart;
    let bestArea = -1;
    for (let j = rangeStart; j < rangeEnd; j++) {
      const yj = y(points[j]!);
      // A gap (no value) is kept over a plain point so failures stay visible.
      const area = Number.isFinite(yj) ? Math.abs((ax - avgX) * (yj - ay) - (ax - x(points[j]!)) * (avgY - ay)) : Infinity;
      if (area > bestArea) {
        bestArea = area;
        best = j;
      }
    }
    out.push(points[best]!);
    a = best;
  }
  out.push(points[n - 1]!);
  return out;
}

/** Min/max per bucket: two points per bucket, cheap and faithful for dense live data. */
export function minMaxBuckets<T>(points: readonly T[], maxPoints: number, y: (p: T) => number): T[] {
  const n = points.length;
  if (n <= maxPoints) return points.slice();
  const buckets = Math.max(1, Math.floor(maxPoints / 2));
  const size = n / buckets;
  const out: T[] = [];
  for (let b = 0; b < buckets; b++) {
    const start = Math.floor(b * size);
    const end = Math.min(n, Math.floor((b + 1) * size));
    let lo = start;
    let hi = start;
    for (let j = start; j < end; j++) {
      if (y(points[j]!) < y(points[lo]!)) lo = j;
      if (y(points[j]!) > y(points[hi]!)) hi = j;
    }
    if (lo === hi) out.push(points[lo]!);
    else if (lo < hi) out.push(points[lo]!, points[hi]!);
    else out.push(points[hi]!, points[lo]!);
  }
  return out;
}

function finiteOr(v: number, fallback: number): number {
  return Number.isFinite(v) ? v : fallback;
}
