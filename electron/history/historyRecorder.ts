import { Emitter } from '../base/emitter.js';
import type { Disposable } from '../base/disposable.js';
import type { StoredEvent, EvidenceLine } from '../../shared/contract/history.js';
import type { Signal, StackEvent } from '../../shared/stackEvents.js';
import type { HistoryStore, PendingEvent } from './historyStore.js';
import { BucketMeans, type BucketMean } from './bucketMeans.js';
import { MinuteRollups, type Rollup } from './minuteRollup.js';
import { rawTierOf } from './signalTiers.js';
import { evidenceGraceMs, evidenceLineCount, isFailure } from './failureEvents.js';

/** The recent log lines of a source, oldest first (the composition root adapts the log hub). */
export interface EvidenceLines {
  recent(source: string, count: number): EvidenceLine[];
}

// A minute is closed this long after it ends, so a sample that arrives a little late still counts in it.
const closeGraceMs = 5_000;

/**
 * Turns the buses into writes: events (with their source's last log lines,
 * read the moment a failure arrives), every probe sample, 10 s means of
 * container stats, and per-minute rollups of every signal. Writes wait in
 * memory and go to the store in one transaction a second (`flush`), so a
 * SIGKILL loses at most that second.
 */
export class HistoryRecorder implements Disposable {
  /** Events as they were committed, with their ids (the timeline's live feed). */
  readonly recorded = new Emitter<StoredEvent[]>();
  private events: PendingEvent[] = [];
  private awaitingEvidence: PendingEvent[] = [];
  private readonly evidenceWaits = new Map<PendingEvent, number>();
  private samples: BucketMean[] = [];
  private rollups: Rollup[] = [];
  private readonly tenSeconds = new BucketMeans(10_000);
  private readonly minutes = new MinuteRollups();
  private failures = 0;
  lastError?: string;

  constructor(
    private readonly store: HistoryStore,
    private readonly evidence: EvidenceLines,
  ) {}

  onEvent(event: StackEvent): void {
    const pending: PendingEvent = { event, evidence: [] };
    this.events.push(pending);
    if (isFailure(event)) this.awaitingEvidence.push(pending);
  }

  /** Reads the source's lines up to the event (and its grace) once the grace is over, or at a final flush. */
  private collectEvidence(now: number, everything: boolean): void {
    if (this.awaitingEvidence.length === 0) return;
    const still: PendingEvent[] = [];
    for (const pending of this.awaitingEvidence) {
      const upTo = pending.event.at + evidenceGraceMs;
      // An event stamped ahead of this clock waits at most three flushes.
      const waited = (this.evidenceWaits.get(pending) ?? 0) + 1;
      if (!everything && upTo > now && waited < 3) {
        this.evidenceWaits.set(pending, waited);
        still.push(pending);
        continue;
      }
      const lines = this.evidence.recent(pending.event.source, evidenceLineCount * 2).filter((l) => l.ts <= upTo);
      pending.evidence = lines.slice(-evidenceLineCount);
      this.evidenceWaits.delete(pending);
    }
    this.awaitingEvidence = still;
  }

  onSignals(signals: readonly Signal[]): void {
    for (const signal of signals) this.onSignal(signal);
  }

  onSignal(signal: Signal): void {
    const series = this.store.seriesId(signal.source, signal.name);
    const tier = rawTierOf(signal.name);
    if (tier === 'every') this.samples.push({ series, at: signal.at, value: signal.value });
    else if (tier === 10_000) {
      const done = this.tenSeconds.add(series, signal.at, signal.value);
      if (done) this.samples.push(done);
    }
    const minute = this.minutes.add(series, signal.at, signal.value);
    if (minute) this.rollups.push(minute);
  }

  /** Nothing waits to be written or closed: no flush is needed until something arrives. */
  get idle(): boolean {
    return this.events.length === 0 && this.samples.length === 0 && this.rollups.length === 0 && this.awaitingEvidence.length === 0 && this.tenSeconds.openCount === 0 && this.minutes.openCount === 0;
  }

  /** Commits what waited; on a failed write the batch is kept (bounded) and retried next second. */
  flush(now = Date.now(), closeEverything = false): void {
    this.collectEvidence(now, closeEverything);
    // A failure waits for its evidence (under a second): it and every event after it stay for the next flush, in order.
    const waiting = this.awaitingEvidence[0];
    const ready = waiting ? this.events.indexOf(waiting) : this.events.length;
    const later = this.events.slice(ready);
    this.events = this.events.slice(0, ready);
    this.samples.push(...(closeEverything ? this.tenSeconds.closeAll() : this.tenSeconds.closeDue(now)));
    this.rollups.push(...(closeEverything ? this.minutes.closeAll() : this.minutes.closeDue(now, closeGraceMs)));
    const batch = { events: this.events, samples: this.samples, rollups: this.rollups };
    this.events = later;
    this.samples = [];
    this.rollups = [];
    try {
      const stored = this.store.write(batch);
      this.failures = 0;
      delete this.lastError;
      if (stored.length > 0) this.recorded.emit(stored);
    } catch (error) {
      this.failures++;
      this.lastError = error instanceof Error ? error.message : String(error);
      // Keep a failed batch for a minute of retries (a disk briefly full), then let it go rather than grow.
      if (this.failures <= 60) {
        this.events = batch.events.concat(this.events);
        this.samples = batch.samples.concat(this.samples);
        this.rollups = batch.rollups.concat(this.rollups);
      }
    }
  }

  dispose(): void {
    this.flush(Date.now(), true);
    this.recorded.dispose();
  }
}
