/** One non-empty bucket of a TimeBuckets ring. */
export interface Bucket {
  /** Start of the bucket, epoch ms. */
  ts: number;
  count: number;
  mean: number;
  min: number;
  max: number;
  /** How many of the values were marked as failures. */
  fails: number;
}

/**
 * A fixed-size ring of time buckets in typed arrays (e.g. 1 s × 900 = 15 min).
 * Each slot remembers which bucket it holds, so stale slots are detected on
 * read and reset on write: no rotation timer, and memory never grows.
 */
export class TimeBuckets {
  private readonly stamp: Float64Array;
  private readonly count: Uint32Array;
  private readonly sum: Float64Array;
  private readonly min: Float64Array;
  private readonly max: Float64Array;
  private readonly fails: Uint32Array;
  /** Values that carried a number (NaN marks a run without a measurement). */
  private readonly valued: Uint32Array;

  constructor(
    readonly resolutionMs: number,
    readonly slots: number,
  ) {
    this.stamp = new Float64Array(slots).fill(-1);
    this.count = new Uint32Array(slots);
    this.sum = new Float64Array(slots);
    this.min = new Float64Array(slots);
    this.max = new Float64Array(slots);
    this.fails = new Uint32Array(slots);
    this.valued = new Uint32Array(slots);
  }

  /** How far back this ring reaches. */
  get spanMs(): number {
    return this.resolutionMs * this.slots;
  }

  /** Adds a value; NaN counts the run (e.g. a failure without a latency) but not the statistics. */
  add(ts: number, value: number, failed = false): void {
    const index = Math.floor(ts / this.resolutionMs);
    const slot = index % this.slots;
    if (this.stamp[slot] !== index) {
      this.stamp[slot] = index;
      this.count[slot] = 0;
      this.sum[slot] = 0;
      this.min[slot] = Infinity;
      this.max[slot] = -Infinity;
      this.fails[slot] = 0;
      this.valued[slot] = 0;
    }
    this.count[slot]! += 1;
    if (failed) this.fails[slot]! += 1;
    if (Number.isNaN(value)) return;
    this.valued[slot]! += 1;
    this.sum[slot]! += value;
    if (value < this.min[slot]!) this.min[slot] = value;
    if (value > this.max[slot]!) this.max[slot] = value;
  }

  /** Non-empty buckets whose start lies in [fromTs, toTs], oldest first. */
  range(fromTs: number, toTs: number): Bucket[] {
    const out: Bucket[] = [];
    const first = Math.max(Math.floor(fromTs / this.resolutionMs), Math.floor(toTs / this.resolutionMs) - this.slots + 1);
    const last = Math.floor(toTs / this.resolutionMs);
    for (let index = first; index <= last; index++) {
      const slot = index % this.slots;
      if (this.stamp[slot] !== index || this.count[slot] === 0) continue;
      const n = this.count[slot]!;
      const valued = this.valued[slot]!;
      const hasValues = valued > 0;
      out.push({
        ts: index * this.resolutionMs,
        count: n,
        mean: valued > 0 ? this.sum[slot]! / valued : NaN,
        min: hasValues ? this.min[slot]! : NaN,
        max: hasValues ? this.max[slot]! : NaN,
        fails: this.fails[slot]!,
      });
    }
    return out;
  }
}
