import type { LatencyBucket } from '../../shared/contract/benchmark.js';

const perDecade = 10;
const lowestMs = 0.01;
const decades = 7; // 0.01 ms … 100 s

/**
 * A latency histogram for a bar chart: log-spaced bins (10 per decade) so the
 * 2 ms body and the 150 ms tail are both readable. Percentiles come from HDR;
 * this is only the picture.
 */
export class LatencyBins {
  private readonly counts = new Uint32Array(perDecade * decades + 1);

  record(ms: number): void {
    const i = ms <= lowestMs ? 0 : Math.min(this.counts.length - 1, Math.floor(Math.log10(ms / lowestMs) * perDecade));
    this.counts[i]! += 1;
  }

  /** The bins from the first to the last non-empty one. */
  buckets(): LatencyBucket[] {
    const first = this.counts.findIndex((c) => c > 0);
    if (first < 0) return [];
    let last = this.counts.length - 1;
    while (this.counts[last] === 0) last--;
    const out: LatencyBucket[] = [];
    for (let i = first; i <= last; i++) out.push({ fromMs: edge(i), toMs: edge(i + 1), count: this.counts[i]! });
    return out;
  }
}

function edge(i: number): number {
  return Number((lowestMs * Math.pow(10, i / perDecade)).toPrecision(3));
}
