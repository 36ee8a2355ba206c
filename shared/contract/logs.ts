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

export interface LogSourceInfo {
  source: LogSourceId;
  lines: number;
  /** Lines that fell out of this source's ring buffer or the global cap. */
  dropped: number;
  bytes: number;
}

export interface LogsSnapshot {
  lines: LogLine[];
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
  logs: appendTopic<LogsSnapshot, LogLine>()(logFilterSchema.prefault({})),
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
