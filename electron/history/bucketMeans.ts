/** One finished bucket of a series' fine tier: the mean of its samples. */
export interface BucketMean {
  series: number;
  at: number;
  value: number;
}

/**
 * The open bucket (10 s for container stats) of every series: a sample of a
 * later bucket closes the previous one into its mean. Docker sends stats once
 * a second, so this keeps a tenth of the rows with the shape intact.
 */
export class BucketMeans {
  private readonly open = new Map<number, { at: number; sum: number; count: number }>();
  /** No open bucket starts before this (it may be older than the oldest): a flush with nothing due skips the scan. */
  private earliest = Infinity;
  constructor(private readonly bucketMs: number) {}

  add(series: number, at: number, value: number): BucketMean | undefined {
    const bucket = at - (at % this.bucketMs);
    const current = this.open.get(series);
    if (current && bucket <= current.at) {
      current.sum += value;
      current.count++;
      return undefined;
    }
    this.open.set(series, { at: bucket, sum: value, count: 1 });
    if (bucket < this.earliest) this.earliest = bucket;
    return current ? { series, at: current.at, value: current.sum / current.count } : undefined;
  }

  /** Buckets still open (each waits for a flush to close it). */
  get openCount(): number {
    return this.open.size;
  }

  closeDue(now: number): BucketMean[] {
    const out: BucketMean[] = [];
    if (this.earliest + this.bucketMs * 2 > now) return out;
    let earliest = Infinity;
    for (const [series, b] of this.open) {
      if (b.at + this.bucketMs * 2 <= now) {
        out.push({ series, at: b.at, value: b.sum / b.count });
        this.open.delete(series);
      } else if (b.at < earliest) earliest = b.at;
    }
    this.earliest = earliest;
    return out;
  }

  closeAll(): BucketMean[] {
    const out = [...this.open].map(([series, b]) => ({ series, at: b.at, value: b.sum / b.count }));
    this.open.clear();
    this.earliest = Infinity;
    return out;
  }
}
