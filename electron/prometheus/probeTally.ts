import { latencyBucketsSeconds } from './metricCatalogue.js';

/**
 * One probe's latency histogram and check counters since Switchboard started.
 * An observation is a few comparisons and two additions into arrays made
 * once, so a probe at 1 s costs the exporter nothing it would notice.
 */
export class ProbeTally {
  /** Per bucket, not cumulative: the last slot is above the largest bound (+Inf). */
  readonly bucketCounts = new Float64Array(latencyBucketsSeconds.length + 1);
  sumSeconds = 0;
  checks = 0;
  failures = 0;

  observeLatency(ms: number): void {
    const seconds = ms / 1000;
    let i = 0;
    // "le": a sample equal to a bound belongs to that bound's bucket.
    while (i < latencyBucketsSeconds.length && seconds > latencyBucketsSeconds[i]!) i++;
    this.bucketCounts[i]!++;
    this.sumSeconds += seconds;
  }

  observeCheck(up: number): void {
    this.checks++;
    if (up === 0) this.failures++;
  }
}
