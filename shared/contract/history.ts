import { z } from 'zod';
import { appendTopic, command, stateTopic } from './define.js';
import { eventKinds, eventSeverities, signalNames, type StackEvent } from '../stackEvents.js';

// History: the stack's events and measurements kept across restarts (electron/history).

/** A log line of the event's source as the hub had it when the event arrived. */
export interface EvidenceLine {
  ts: number;
  stream: string;
  text: string;
}

/** An event as stored: its id orders it (and pages the list); evidence is fetched with history.event. */
export interface StoredEvent extends StackEvent {
  id: number;
  /** How many log lines were kept with it (failure events only). */
  evidenceCount: number;
}

export interface StoredEventWithEvidence extends StoredEvent {
  evidence: EvidenceLine[];
}

export interface EventPage {
  /** Newest first. */
  events: StoredEvent[];
  /** Pass as `beforeId` for the next (older) page; absent on the last page. */
  nextBeforeId?: number;
}

/** One point of a series: a raw sample, or a bucket (value = mean; percentiles when the tier keeps them). */
export interface HistoryPoint {
  at: number;
  value: number;
  min?: number;
  max?: number;
  p50?: number;
  p95?: number;
  p99?: number;
  count?: number;
}

export interface HistorySeries {
  points: HistoryPoint[];
  /** Where they came from: "embedded store at …" or "Prometheus at …". */
  from: string;
}

export type HistoryStatus =
  | { enabled: false; reason: string }
  | {
      enabled: true;
      path: string;
      /** Database file plus its write-ahead log. */
      bytes: number;
      maxBytes: number;
      retainMs: number;
      /** The oldest thing kept (epoch ms), absent when empty. */
      oldest?: number;
      events: number;
      series: number;
      lastPrunedAt?: number;
      /** Where charts read series from. */
      seriesFrom: string;
      /** Why the store could not open or write, when it could not. */
      problem?: string;
    };

const epochMs = z.number().int().min(0).max(8.64e15);
const sourceName = z.string().min(1).max(300);

export const historyCommands = {
  /** Events in a time range, newest first, filtered and paged. */
  'history.events': command<EventPage>()(
    z.strictObject({
      from: epochMs.optional(),
      to: epochMs.optional(),
      sources: z.array(sourceName).max(200).optional(),
      kinds: z.array(z.enum(eventKinds)).optional(),
      severities: z.array(z.enum(eventSeverities)).optional(),
      beforeId: z.number().int().positive().optional(),
      limit: z.number().int().min(1).max(5_000).default(500),
    }),
  ),
  /** One event with its evidence lines. */
  'history.event': command<StoredEventWithEvidence | null>()(z.strictObject({ id: z.number().int().positive() })),
  /** One series over a range at (at least) a step; coarser tiers answer longer ranges. */
  'history.series': command<HistorySeries>()(
    z.strictObject({
      source: sourceName,
      name: z.enum(signalNames),
      from: epochMs,
      to: epochMs,
      stepMs: z.number().int().min(1).max(86_400_000).default(60_000),
    }),
  ),
};

export const historyTopics = {
  /** Where the store is, how big, how old, and what it keeps. */
  'history.status': stateTopic<HistoryStatus>()(z.strictObject({}).prefault({})),
  /** Events as they are recorded: an empty snapshot, then each new one. */
  'history.live': appendTopic<StoredEvent[], StoredEvent>()(z.strictObject({}).prefault({})),
};
