import { z } from 'zod';
import { appendTopic, stateTopic } from './define.js';

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

export const probesTopics = {
  probes: stateTopic<ProbesState>()(z.strictObject({}).prefault({})),
  'probe.samples': appendTopic<ProbeSeriesSnapshot, ProbeSample>()(
    z.strictObject({ probe: z.string().min(1).max(200), range: z.enum(probeRanges).default('15m') }),
  ),
};
