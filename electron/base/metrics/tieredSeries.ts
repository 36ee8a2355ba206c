import { TimeBuckets, type Bucket } from './timeBuckets.js';

/**
 * History at two resolutions: 1 s buckets for the last 15 min and 1 min
 * buckets for the last 24 h. A range picks the finest tier that covers it.
 */
export class TieredSeries {
  readonly fine: TimeBuckets;
  readonly coarse: TimeBuckets;

  constructor(fine = { resolutionMs: 1_000, slots: 900 }, coarse = { resolutionMs: 60_000, slots: 1_440 }) {
    this.fine = new TimeBuckets(fine.resolutionMs, fine.slots);
    this.coarse = new TimeBuckets(coarse.resolutionMs, coarse.slots);
  }

  add(ts: number, value: number, failed = false): void {
    this.fine.add(ts, value, failed);
    this.coarse.add(ts, value, failed);
  }

  tierFor(rangeMs: number): TimeBuckets {
    return rangeMs <= this.fine.spanMs ? this.fine : this.coarse;
  }

  /** Buckets of the last `rangeMs` before `now`, from the tier that covers the range. */
  range(rangeMs: number, now: number): { resolutionMs: number; buckets: Bucket[] } {
    const tier = this.tierFor(rangeMs);
    return { resolutionMs: tier.resolutionMs, buckets: tier.range(now - rangeMs, now) };
  }
}
