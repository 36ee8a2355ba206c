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
    return current ? { series, at: current.at, value: current.sum / current.count } : undefined;
  }

  /** Buckets still open (each waits for a flush to close it). */
  get openCount(): number {
    return this.open.size;
  }

  closeDue(now: number): BucketMean[] {
    const out: BucketMean[] = [];
    for (const [series, b] of this.open) {
      if (b.at + this.bucketMs * 2 <= now) {
        out.push({ series, at: b.at, value: b.sum / b.count });
        this.open.delete(series);
      }
    }
    return out;
  }

  closeAll(): BucketMean[] {
    const out = [...this.open].map(([series, b]) => ({ series, at: b.at, value: b.sum / b.count }));
    this.open.clear();
    return out;
  }
}
