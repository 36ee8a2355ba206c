import { z } from 'zod';
import { appendTopic, command, stateTopic } from './define.js';

export type ProbeKind = 'http' | 'tcp' | 'command';
export type ProbeOutcome = 'ok' | 'fail' | 'timeout' | 'error';

/** One probe run, or (in a history snapshot over a long range) one time bucket of runs. */
export interface ProbeSample {
  ts: number;
  latencyMs: number;
  outcome: ProbeOutcome;
  /** Why it failed, e.g. "status 503 (expected 200)". */
  error?: string;
  /** Set on history buckets only: the slowest run in the bucket and how many runs it holds. */
  maxMs?: number;
  count?: number;
}

export interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
  count: number;
}

export interface SloVerdict {
  /** e.g. "p95 ≤ 100 ms" */
  target: string;
  objective: 'p50' | 'p95' | 'p99' | 'availability';
  /** Target value: ms for latency, ratio for availability. */
  threshold: number;
  actual: number | null;
  pass: boolean | null;
  /** Error budget left in the window, 0..1, for availability objectives. */
  budgetLeft?: number;
}

export interface ProbeSummary {
  name: string;
  kind: ProbeKind;
  /** URL, host:port or command line. */
  target: string;
  everyMs: number;
  timeoutMs: number;
  last?: ProbeSample;
  /** Percentiles over 1 m, 5 m and 15 m. */
  windows: { '1m': Percentiles; '5m': Percentiles; '15m': Percentiles };
  availability15m: number | null;
  slo: SloVerdict[];
}

export interface ProbesState {
  probes: ProbeSummary[];
}

export const probeRanges = ['5m', '15m', '1h', '24h'] as const;
export type ProbeRange = (typeof probeRanges)[number];
export const probeRangeMs: Record<ProbeRange, number> = { '5m': 300_000, '15m': 900_000, '1h': 3_600_000, '24h': 86_400_000 };

export interface ProbeSeriesSnapshot {
  probe: string;
  range: ProbeRange;
  /** Bucket width of the history: 1 s up to 15 min, 1 min beyond. */
  resolutionMs: number;
  /** History, oldest first, downsampled to at most ~1,000 points; live samples follow as appends. */
  samples: ProbeSample[];
}

// ---- load test ("Benchmark" on an HTTP probe) ----

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

export const probesTopics = {
  probes: stateTopic<ProbesState>()(z.strictObject({}).prefault({})),
  'probe.samples': appendTopic<ProbeSeriesSnapshot, ProbeSample>()(
    z.strictObject({ probe: z.string().min(1).max(200), range: z.enum(probeRanges).default('15m') }),
  ),
  benchmarks: stateTopic<BenchmarksState>()(z.strictObject({}).prefault({})),
};

export const probesCommands = {
  /** Runs a load test against an HTTP probe's request; defaults like `ab -n 1000 -c 10`. */
  'probes.benchmark': command<{ id: string }>()(
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
