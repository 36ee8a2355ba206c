import { z } from 'zod';
import { appendTopic, command, stateTopic } from './define.js';

/** Where a line was written: a process's own output, or Switchboard writing about it. */
export const logStreams = ['stdout', 'stderr', 'system'] as const;
export type LogStream = (typeof logStreams)[number];

/** Least to most severe; pino/bunyan's numeric levels 10 … 60 count along this list. */
export const logLevels = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'] as const;
export type LogLevel = (typeof logLevels)[number];

/** Where a line came from, in the operator's words (built by `sourceId` in shared/sourceId.ts): "container:sutazai-redis", "mcp:postgres", "switchboard". */
export type LogSourceId = string;

/** One line in the hub, as the viewer receives it. `seq` is global and increasing. */
export interface LogLine {
  seq: number;
  ts: number;
  source: LogSourceId;
  stream: LogStream;
  level: LogLevel;
  text: string;
}

/** What a service hands to the hub; the hub assigns seq, fills ts and guesses a level when none is given. */
export interface LogInput {
  source: LogSourceId;
  stream: LogStream;
  text: string;
  ts?: number;
  level?: LogLevel;
}

/**
 * Lines as columns, the way the `logs` topic streams them: one array per
 * field instead of one object per line, so there is less to encode, parse and
 * allocate at 250,000 lines a second. Line i is (seq[i], ts[i], sources[src[i]],
 * logStreams[stream[i]], logLevels[level[i]], text[i]).
 */
export interface LogBatch {
  /** The batch's source names; `src` holds indexes into it. */
  sources: LogSourceId[];
  /** The first line's seq, then each line's difference to the one before. */
  seq: number[];
  /** The first line's time (ms), then each line's difference to the one before. */
  ts: number[];
  src: number[];
  /** Indexes into `logStreams`. */
  stream: number[];
  /** Indexes into `logLevels`. */
  level: number[];
  text: string[];
}

/** How many lines a batch carries; an item of another shape counts as one, so a provider's mistake cannot throw inside a session. */
export function batchSize(batch: LogBatch): number {
  return Array.isArray(batch?.text) ? batch.text.length : 1;
}

/** A batch's lines as objects (for readers that want them one by one; the viewer reads the columns). */
export function batchLines(batch: LogBatch): LogLine[] {
  const out: LogLine[] = [];
  let seq = 0;
  let ts = 0;
  for (let i = 0; i < batch.text.length; i++) {
    seq += batch.seq[i] as number;
    ts += batch.ts[i] as number;
    out.push({
      seq,
      ts,
      source: batch.sources[batch.src[i] as number] as LogSourceId,
      stream: logStreams[batch.stream[i] as number] as LogStream,
      level: logLevels[batch.level[i] as number] as LogLevel,
      text: batch.text[i] as string,
    });
  }
  return out;
}

export interface LogSourceInfo {
  source: LogSourceId;
  lines: number;
  /** Lines that fell out of this source's ring buffer or the global cap. */
  dropped: number;
  bytes: number;
}

export interface LogsSnapshot {
  /** The last `tail` matching lines, oldest first, as columns like every batch after them: up to 100,000 lines in no object each. */
  lines: LogBatch;
  sources: LogSourceInfo[];
  dropped: number;
}

/** The hub as a whole: what it holds, what it had to let go, and its limits. */
export interface LogHubStats {
  sources: LogSourceInfo[];
  /** Lines written since start, including those dropped since. */
  written: number;
  lines: number;
  bytes: number;
  dropped: number;
  linesPerSource: number;
  maxBytes: number;
  /** The newest seq handed out (0 before the first line). */
  lastSeq: number;
}

export const logFilterSchema = z.strictObject({
  sources: z.array(z.string().max(200)).max(200).optional(),
  streams: z.array(z.enum(logStreams)).optional(),
  levels: z.array(z.enum(logLevels)).optional(),
  /** How many recent lines the snapshot carries. */
  tail: z.number().int().min(0).max(100_000, 'tail is at most 100,000 lines: page back with logs.range for older ones').default(5_000),
});

export type LogFilter = z.output<typeof logFilterSchema>;

export const logsTopics = {
  /** Items are batches of lines as columns; the session bounds its queue by lines, not batches. */
  logs: appendTopic<LogsSnapshot, LogBatch>({ weigh: batchSize })(logFilterSchema.prefault({})),
  /** Sources, line and drop counts, refreshed about once a second while they change. */
  logStats: stateTopic<LogHubStats>()(z.strictObject({}).prefault({})),
};

export const logsCommands = {
  'logs.sources': command<LogSourceInfo[]>()(z.strictObject({}).prefault({})),
  /** Older lines for scrolling back: up to `count` matching lines with seq < `before`, oldest first. */
  'logs.range': command<LogLine[]>()(
    z.strictObject({
      before: z.number().int().min(0),
      count: z.number().int().min(1).max(50_000).default(5_000),
      sources: logFilterSchema.shape.sources,
      streams: logFilterSchema.shape.streams,
      levels: logFilterSchema.shape.levels,
    }),
  ),
};
