import type { HistoryDatabase } from './openDatabase.js';
import { pragmaNumber } from './openDatabase.js';
import { rawKeepMs } from './signalTiers.js';

export interface PruneResult {
  /** Rows removed for age, then for size. */
  byAge: number;
  bySize: number;
  /** The time before which everything was dropped to meet the size cap, when it had to. */
  sizeCutAt?: number;
}

const tables = ['samples', 'rollups', 'events'] as const;

function deleteBefore(db: HistoryDatabase, table: (typeof tables)[number], cutoff: number): number {
  return Number(db.prepare(`delete from ${table} where at < ?`).run(cutoff).changes);
}

function usedBytes(db: HistoryDatabase): number {
  return (pragmaNumber(db, 'page_count') - pragmaNumber(db, 'freelist_count')) * pragmaNumber(db, 'page_size');
}

function oldestAt(db: HistoryDatabase): number | undefined {
  const found = tables
    .map((t) => (db.prepare(`select min(at) as at from ${t}`).get() as { at: number | null }).at)
    .filter((v): v is number => typeof v === 'number');
  return found.length ? Math.min(...found) : undefined;
}

/**
 * Drops what is older than the retention (fine samples after their 24 h),
 * then, while the pages in use pass the size cap, the oldest tenth of the
 * kept time span at a time, across every table; then gives the freed pages
 * back to the disk (incremental vacuum, WAL truncated).
 */
export function pruneHistory(db: HistoryDatabase, o: { now: number; retainMs: number; maxBytes: number }): PruneResult {
  const byAge =
    deleteBefore(db, 'events', o.now - o.retainMs) +
    deleteBefore(db, 'rollups', o.now - o.retainMs) +
    deleteBefore(db, 'samples', o.now - Math.min(rawKeepMs, o.retainMs));
  let bySize = 0;
  let sizeCutAt: number | undefined;
  for (let round = 0; round < 20 && usedBytes(db) > o.maxBytes; round++) {
    const oldest = oldestAt(db);
    if (oldest === undefined) break;
    sizeCutAt = oldest + Math.max(1, Math.ceil((o.now - oldest) / 10));
    for (const t of tables) bySize += deleteBefore(db, t, sizeCutAt);
  }
  if (byAge + bySize > 0) {
    db.exec('pragma incremental_vacuum');
    db.exec('pragma wal_checkpoint(truncate)');
  }
  return { byAge, bySize, ...(sizeCutAt !== undefined ? { sizeCutAt } : {}) };
}
