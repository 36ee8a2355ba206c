import { statSync } from 'node:fs';
import type { SeriesPoint, SeriesQuery, SeriesSource } from '../core/seriesSource.js';
import type { EventPage, EvidenceLine, StoredEvent, StoredEventWithEvidence } from '../../shared/contract/history.js';
import type { SignalName, StackEvent } from '../../shared/stackEvents.js';
import { openDatabase, type HistoryDatabase } from './openDatabase.js';
import type { Rollup } from './minuteRollup.js';
import type { BucketMean } from './bucketMeans.js';
import { eventById, eventPage, type EventQuery } from './storedEvents.js';
import { readSeries } from './storedSeries.js';
import { pruneHistory, type PruneResult } from './retention.js';

/** An event on its way to disk, with the log lines read when it arrived. */
export interface PendingEvent {
  event: StackEvent;
  evidence: EvidenceLine[];
}

/** One second's worth of writes: committed together or not at all. */
export interface WriteBatch {
  events: PendingEvent[];
  samples: BucketMean[];
  rollups: Rollup[];
}

/**
 * The embedded history file: events with their evidence, fine samples and
 * per-minute rollups of every signal. One writer (the recorder) hands it a
 * batch a second; reads are synchronous SQLite queries on indexed ranges.
 */
export class HistoryStore implements SeriesSource {
  private readonly db: HistoryDatabase;
  /** Series ids by source, then name: looked up for every signal, so no key string is built per sample. */
  private readonly ids = new Map<string, Map<string, number>>();
  private seriesCount = 0;
  private readonly insertEvent;
  private readonly insertSample;
  private readonly insertRollup;
  private readonly writeAll;
  private closed = false;

  constructor(readonly path: string) {
    this.db = openDatabase(path);
    for (const row of this.db.prepare('select id, source, name from series').all() as { id: number; source: string; name: string }[]) {
      this.remember(row.source, row.name, row.id);
    }
    this.insertEvent = this.db.prepare('insert into events (at, source, kind, severity, summary, details, evidence, evidence_count) values (?, ?, ?, ?, ?, ?, ?, ?)');
    this.insertSample = this.db.prepare('insert or replace into samples (series, at, value) values (?, ?, ?)');
    // A minute cut by a restart is written twice (its first part at shutdown): the parts merge, percentiles as the worse one.
    this.insertRollup = this.db.prepare(
      `insert into rollups (series, at, count, mean, min, max, p50, p95, p99) values (?, ?, ?, ?, ?, ?, ?, ?, ?)
       on conflict (series, at) do update set
         mean = (mean * count + excluded.mean * excluded.count) / (count + excluded.count), count = count + excluded.count,
         min = min(min, excluded.min), max = max(max, excluded.max),
         p50 = max(p50, excluded.p50), p95 = max(p95, excluded.p95), p99 = max(p99, excluded.p99)`,
    );
    this.writeAll = this.db.transaction((batch: WriteBatch): StoredEvent[] => {
      const stored: StoredEvent[] = [];
      for (const { event, evidence } of batch.events) {
        const details = event.details ? JSON.stringify(event.details) : null;
        const lines = evidence.length > 0 ? JSON.stringify(evidence) : null;
        const r = this.insertEvent.run(event.at, event.source, event.kind, event.severity, event.summary, details, lines, evidence.length);
        stored.push({ ...event, id: Number(r.lastInsertRowid), evidenceCount: evidence.length });
      }
      for (const s of batch.samples) this.insertSample.run(s.series, s.at, s.value);
      for (const r of batch.rollups) this.insertRollup.run(r.series, r.at, r.count, r.mean, r.min, r.max, r.p50, r.p95, r.p99);
      return stored;
    });
  }

  /** The small integer a series is stored under, created on first use. */
  seriesId(source: string, name: SignalName): number {
    let id = this.ids.get(source)?.get(name);
    if (id === undefined) {
      this.db.prepare('insert or ignore into series (source, name) values (?, ?)').run(source, name);
      id = (this.db.prepare('select id from series where source = ? and name = ?').get(source, name) as { id: number }).id;
      this.remember(source, name, id);
    }
    return id;
  }

  private remember(source: string, name: string, id: number): void {
    let names = this.ids.get(source);
    if (!names) this.ids.set(source, (names = new Map()));
    if (!names.has(name)) this.seriesCount++;
    names.set(name, id);
  }

  /** One transaction: a crash loses this batch whole or not at all. Returns the events with their ids. */
  write(batch: WriteBatch): StoredEvent[] {
    if (batch.events.length + batch.samples.length + batch.rollups.length === 0) return [];
    return this.writeAll(batch);
  }

  events(query: EventQuery): EventPage {
    return eventPage(this.db, query);
  }

  event(id: number): StoredEventWithEvidence | null {
    return eventById(this.db, id);
  }

  async range(query: SeriesQuery): Promise<SeriesPoint[]> {
    const id = this.ids.get(query.source)?.get(query.name);
    return id === undefined ? [] : readSeries(this.db, id, query);
  }

  describe(): string {
    return `embedded store at ${this.path}`;
  }

  prune(now: number, retainMs: number, maxBytes: number): PruneResult {
    return pruneHistory(this.db, { now, retainMs, maxBytes });
  }

  /** The file and its write-ahead log, as the disk holds them. */
  bytes(): number {
    let total = 0;
    for (const file of [this.path, `${this.path}-wal`]) {
      try {
        total += statSync(file).size;
      } catch {
        // no WAL right after a checkpoint
      }
    }
    return total;
  }

  counts(): { events: number; series: number; oldest?: number } {
    const events = (this.db.prepare('select count(*) as n, min(at) as oldest from events').get() as { n: number; oldest: number | null });
    const rollup = this.db.prepare('select min(at) as oldest from rollups').get() as { oldest: number | null };
    const oldest = [events.oldest, rollup.oldest].filter((v): v is number => typeof v === 'number');
    return { events: events.n, series: this.seriesCount, ...(oldest.length ? { oldest: Math.min(...oldest) } : {}) };
  }

  /** Folds the write-ahead log into the file and empties it (SQLite does this on its own every ~4 MB). */
  checkpoint(): void {
    this.db.exec('pragma wal_checkpoint(truncate)');
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.db.close();
  }
}
