import { probeRangeMs, type Percentiles, type ProbeRange, type ProbeSample, type ProbeSeriesSnapshot } from '../../shared/contract/probes.js';
import { lttb } from '../base/metrics/downsample.js';
import { SlidingPercentiles } from '../base/metrics/slidingPercentiles.js';
import { TieredSeries } from '../base/metrics/tieredSeries.js';

export const windowNames = ['1m', '5m', '15m'] as const;

/** Charts never get more than this many points per series. */
export const maxChartPoints = 1_000;

/**
 * Everything remembered about one probe: the latency series at two
 * resolutions (ring buffers) and HDR windows for percentiles and availability.
 */
export class ProbeHistory {
  private readonly series = new TieredSeries();
  private readonly windows = new SlidingPercentiles([60_000, 300_000, 900_000]);
  last: ProbeSample | undefined;

  record(sample: ProbeSample): void {
    const failed = sample.outcome !== 'ok';
    // A run that never reached the target (refused, DNS) has no latency worth ranking.
    const latency = sample.outcome === 'error' ? null : sample.latencyMs;
    this.series.add(sample.ts, latency ?? NaN, failed);
    this.windows.record(sample.ts, latency, failed);
    this.last = sample;
  }

  window(name: (typeof windowNames)[number], now: number): Percentiles & { runs: number; failed: number } {
    const s = this.windows.summary(windowNames.indexOf(name), now);
    return { p50: s.p50, p95: s.p95, p99: s.p99, count: s.count, runs: s.runs, failed: s.failed };
  }

  /** The chart's history for a range: one point per bucket, downsampled to at most ~1,000 points. */
  snapshot(probe: string, range: ProbeRange, now: number): ProbeSeriesSnapshot {
    const { resolutionMs, buckets } = this.series.range(probeRangeMs[range], now);
    const samples: ProbeSample[] = buckets.map((b) => ({
      ts: b.ts,
      latencyMs: Number.isFinite(b.mean) ? round(b.mean) : 0,
      outcome: b.fails === 0 ? 'ok' : 'fail',
      maxMs: Number.isFinite(b.max) ? round(b.max) : 0,
      count: b.count,
    }));
    // The newest run keeps its exact time and error text, so the chart's last point matches the list.
    const tail = samples.at(-1);
    if (tail && this.last && this.last.ts - tail.ts < resolutionMs && tail.count === 1) samples[samples.length - 1] = this.last;
    return {
      probe,
      range,
      resolutionMs,
      samples: lttb(samples, maxChartPoints, (p) => p.ts, (p) => p.maxMs ?? p.latencyMs),
    };
  }
}

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}
