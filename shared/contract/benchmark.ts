import { z } from 'zod';
import { command, stateTopic } from './define.js';
import type { SloVerdict } from './probes.js';

// The load test ("Benchmark" on an HTTP probe): it reuses the probe's request and judges by its SLO.

export interface BenchmarkProgress {
  id: string;
  probe: string;
  url: string;
  startedAt: number;
  elapsedMs: number;
  /** Responses and request errors so far. */
  done: number;
  /** Requests asked for, when the run is bounded by a count. */
  requests?: number;
  durationS?: number;
  /** 0..1 */
  fraction: number;
}

export interface LatencyBucket {
  fromMs: number;
  toMs: number;
  count: number;
}

export interface BenchmarkResult {
  id: string;
  probe: string;
  url: string;
  startedAt: number;
  finishedAt: number;
  status: 'completed' | 'cancelled' | 'failed';
  error?: string;
  settings: { requests?: number; concurrency: number; durationS?: number };
  /** Responses received (any status). */
  requests: number;
  durationMs: number;
  reqPerSec: number;
  latencyMs: { min: number; mean: number; p50: number; p90: number; p95: number; p99: number; max: number };
  histogram: LatencyBucket[];
  /** e.g. { kind: "status 503", count: 12 }, { kind: "timeout", count: 3 }, { kind: "ECONNREFUSED", count: 1 } */
  errors: { kind: string; count: number }[];
  statusCodes: Record<string, number>;
  /** The probe's latency objectives checked against this run (availability counts non-error responses). */
  verdict: SloVerdict[];
}

export interface BenchmarksState {
  running?: BenchmarkProgress;
  /** Newest first; kept so two runs can be compared side by side. */
  results: BenchmarkResult[];
}

export const benchmarkTopics = {
  /** The running load test's progress and the kept results. */
  'benchmark.runs': stateTopic<BenchmarksState>()(z.strictObject({}).prefault({})),
};

export const benchmarkCommands = {
  /** Runs a load test against an HTTP probe's request; defaults like `ab -n 1000 -c 10`. */
  'benchmark.run': command<{ id: string }>()(
    z.strictObject({
      probe: z.string().min(1).max(200),
      /** Bounds the run by a count; when neither this nor durationS is given, 1,000 requests. */
      requests: z.number().int().min(1).max(10_000_000).optional(),
      concurrency: z.number().int().min(1).max(1_000).default(10),
      /** Bounds the run by time (seconds) when requests is not given. */
      durationS: z.number().min(1).max(3_600).optional(),
    }),
  ),
  /** Stops the running load test (its partial result is kept, marked cancelled). */
  'benchmark.cancel': command<{ cancelled: boolean }>()(z.strictObject({ id: z.string().max(100).optional() }).prefault({})),
  /** Drops a kept result. */
  'benchmark.forget': command<{ forgotten: boolean }>()(z.strictObject({ id: z.string().min(1).max(100) })),
};
