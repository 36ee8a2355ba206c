import autocannon from 'autocannon';
import { latencyHistogram, toMicros } from '../base/metrics/slidingPercentiles.js';
import { LatencyBins } from './latencyBuckets.js';
import type { BenchmarkResult } from '../../shared/contract/benchmark.js';

export interface LoadTestOptions {
  url: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  /** Stop after this many requests (ab's -n); takes precedence over durationS. */
  requests?: number;
  concurrency: number;
  durationS?: number;
  /** Per-request timeout. */
  timeoutMs: number;
}

export interface LoadTestProgress {
  elapsedMs: number;
  done: number;
  fraction: number;
}

/** What one run measured: the numbers a kept BenchmarkResult carries, plus whether it was cut short. */
export type LoadTestOutcome = Pick<BenchmarkResult, 'durationMs' | 'reqPerSec' | 'latencyMs' | 'histogram' | 'errors' | 'statusCodes'> & {
  cancelled: boolean;
  /** Responses of any status. */
  responses: number;
};

export interface RunningLoadTest {
  done: Promise<LoadTestOutcome>;
  cancel(): void;
}

/**
 * One load test with autocannon (the library). Latency is recorded from each
 * response into an HDR histogram (µs) so p95 exists and sub-ms values are not
 * floored; errors are counted by kind: non-2xx status, timeout, socket error code.
 */
export function runLoadTest(options: LoadTestOptions, onProgress: (p: LoadTestProgress) => void): RunningLoadTest {
  const hist = latencyHistogram();
  const bins = new LatencyBins();
  const errors = new Map<string, number>();
  const statusCodes: Record<string, number> = {};
  let responses = 0;
  let failures = 0;
  let cancelled = false;
  const startedAt = performance.now();
  let lastAt = startedAt;
  const bump = (kind: string) => errors.set(kind, (errors.get(kind) ?? 0) + 1);

  let settle: (err: Error | null) => void = () => {};
  const instance = autocannon(
    {
      url: options.url,
      method: options.method ?? 'GET',
      headers: options.headers ?? {},
      ...(options.body !== undefined ? { body: options.body } : {}),
      // autocannon refuses more connections than requests.
      connections: options.requests !== undefined ? Math.min(options.concurrency, options.requests) : options.concurrency,
      ...(options.requests !== undefined ? { amount: options.requests } : { duration: options.durationS ?? 10 }),
      timeout: Math.max(1, Math.ceil(options.timeoutMs / 1000)),
      // Notice the end within 100 ms instead of autocannon's 1 s default tick.
      sampleInt: 100,
    },
    (err) => settle(err),
  );

  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    responses++;
    lastAt = performance.now();
    statusCodes[statusCode] = (statusCodes[statusCode] ?? 0) + 1;
    if (statusCode < 200 || statusCode >= 300) bump(`status ${statusCode}`);
    hist.recordValue(toMicros(responseTime));
    bins.record(responseTime);
  });
  instance.on('reqError', (err) => {
    failures++;
    lastAt = performance.now();
    bump(/timed out/.test(err.message) ? 'timeout' : (err.code ?? err.message));
  });

  const progress = setInterval(() => onProgress(progressNow()), 100);
  function progressNow(): LoadTestProgress {
    const elapsedMs = performance.now() - startedAt;
    const done = responses + failures;
    const fraction = options.requests !== undefined ? done / options.requests : elapsedMs / ((options.durationS ?? 10) * 1000);
    return { elapsedMs, done, fraction: Math.min(1, fraction) };
  }

  const done = new Promise<LoadTestOutcome>((resolve, reject) => {
    settle = (err) => {
      clearInterval(progress);
      if (err) {
        reject(err);
        return;
      }
      onProgress({ ...progressNow(), fraction: cancelled ? progressNow().fraction : 1 });
      // Active time: first request to last answer, so autocannon's end-of-run tick is not counted.
      const durationMs = Math.max(1, lastAt - startedAt);
      const count = hist.totalCount;
      const at = (p: number) => (count === 0 ? 0 : hist.getValueAtPercentile(p) / 1000);
      resolve({
        cancelled,
        responses,
        durationMs,
        reqPerSec: (responses * 1000) / durationMs,
        latencyMs: {
          min: count === 0 ? 0 : hist.minNonZeroValue / 1000,
          mean: count === 0 ? 0 : hist.mean / 1000,
          p50: at(50),
          p90: at(90),
          p95: at(95),
          p99: at(99),
          max: count === 0 ? 0 : hist.maxValue / 1000,
        },
        histogram: bins.buckets(),
        errors: [...errors].map(([kind, n]) => ({ kind, count: n })).sort((a, b) => b.count - a.count),
        statusCodes,
      });
    };
  });

  return {
    done,
    cancel() {
      cancelled = true;
      instance.stop();
    },
  };
}
