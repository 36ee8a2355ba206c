import { describe, expect, it } from 'vitest';
import { TimeBuckets } from '../../../../electron/base/metrics/timeBuckets.js';
import { TieredSeries } from '../../../../electron/base/metrics/tieredSeries.js';

describe('TimeBuckets', () => {
  it('keeps count, mean, min, max and failures per bucket', () => {
    const b = new TimeBuckets(1_000, 10);
    b.add(5_000, 10);
    b.add(5_500, 30, true);
    b.add(6_100, 7);
    expect(b.range(0, 10_000)).toEqual([
      { ts: 5_000, count: 2, mean: 20, min: 10, max: 30, fails: 1 },
      { ts: 6_000, count: 1, mean: 7, min: 7, max: 7, fails: 0 },
    ]);
  });

  it('forgets buckets older than its span without any rotation step', () => {
    const b = new TimeBuckets(1_000, 10);
    b.add(1_000, 1);
    b.add(12_000, 2); // reuses slot 1 (12 % 10 = 2 → slot 2); slot of 1 s remains but is out of span
    b.add(21_000, 3); // lands in the slot that held 1 s, so that bucket is gone
    const buckets = b.range(0, 21_000);
    expect(buckets.map((x) => x.ts)).toEqual([12_000, 21_000]);
  });

  it('counts runs without a value (NaN) as failures but leaves them out of the mean', () => {
    const b = new TimeBuckets(1_000, 10);
    b.add(1_000, NaN, true);
    b.add(1_200, 40);
    expect(b.range(0, 2_000)[0]).toMatchObject({ count: 2, fails: 1, mean: 40 });
    const onlyFailed = new TimeBuckets(1_000, 10);
    onlyFailed.add(1_000, NaN, true);
    expect(Number.isNaN(onlyFailed.range(0, 2_000)[0]!.mean)).toBe(true);
  });
});

describe('TieredSeries', () => {
  it('answers ranges up to 15 min from 1 s buckets and longer ranges from 1 min buckets', () => {
    const s = new TieredSeries();
    const now = 10 * 3_600_000;
    for (let t = now - 3_600_000; t <= now; t += 5_000) s.add(t, 20);
    expect(s.range(5 * 60_000, now).resolutionMs).toBe(1_000);
    expect(s.range(5 * 60_000, now).buckets.length).toBe(61);
    const hour = s.range(3_600_000, now);
    expect(hour.resolutionMs).toBe(60_000);
    expect(hour.buckets.length).toBe(61);
    expect(hour.buckets.every((b) => b.mean === 20)).toBe(true);
  });
});
