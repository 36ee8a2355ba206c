import { describe, expect, it } from 'vitest';
import { lttb, minMaxBuckets } from '../../../../electron/base/metrics/downsample.js';

const series = (n: number) => Array.from({ length: n }, (_, i) => ({ x: i, y: Math.sin(i / 50) * 10 + (i === 5000 ? 500 : 0) }));

describe('downsampling for charts', () => {
  it('LTTB keeps at most the threshold, the first and last points, and the spike', () => {
    const points = series(86_400);
    const out = lttb(points, 1000, (p) => p.x, (p) => p.y);
    expect(out.length).toBe(1000);
    expect(out[0]).toBe(points[0]);
    expect(out.at(-1)).toBe(points.at(-1));
    expect(out.some((p) => p.y >= 480)).toBe(true);
    expect(out.every((p, i) => i === 0 || p.x > out[i - 1]!.x)).toBe(true);
  });

  it('returns short series unchanged', () => {
    const points = series(10);
    expect(lttb(points, 1000, (p) => p.x, (p) => p.y)).toEqual(points);
    expect(minMaxBuckets(points, 1000, (p) => p.y)).toEqual(points);
  });

  it('min/max buckets keep both extremes of each bucket in time order', () => {
    const points = series(20_000);
    const out = minMaxBuckets(points, 1000, (p) => p.y);
    expect(out.length).toBeLessThanOrEqual(1000);
    expect(out.some((p) => p.y >= 480)).toBe(true);
    expect(out.every((p, i) => i === 0 || p.x > out[i - 1]!.x)).toBe(true);
  });
});
