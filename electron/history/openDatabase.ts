import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'libsql';

export type HistoryDatabase = InstanceType<typeof Database>;

// Series are stored by a small integer id: a sample row is then (id, at, value), ~20 bytes.
const tables = `
  create table if not exists series (id integer primary key, source text not null, name text not null, unique (source, name));
  create table if not exists samples (series integer not null, at integer not null, value real not null, primary key (series, at)) without rowid;
  create table if not exists rollups (series integer not null, at integer not null, count integer not null, mean real not null,
    min real not null, max real not null, p50 real, p95 real, p99 real, primary key (series, at)) without rowid;
  create table if not exists events (id integer primary key autoincrement, at integer not null, source text not null, kind text not null,
    severity text not null, summary text not null, details text, evidence text, evidence_count integer not null default 0);
  create index if not exists events_at on events (at);
  create index if not exists events_source_at on events (source, at);
`;

/**
 * Opens (creating when new) the history file in WAL mode: a commit is one
 * append to the log, readers never block the writer, and a process killed
 * mid-write leaves the last committed transaction intact. synchronous=NORMAL
 * survives a process crash (what a SIGKILL is); only a power cut may lose the
 * newest commits. auto_vacuum must be set before the first table exists.
 */
export function openDatabase(path: string): HistoryDatabase {
  mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.exec('pragma auto_vacuum = incremental');
  db.exec('pragma journal_mode = wal');
  db.exec('pragma synchronous = normal');
  db.exec('pragma busy_timeout = 2000');
  db.exec(tables);
  return db;
}

/** A pragma's single value ("pragma page_count" → 42). */
export function pragmaNumber(db: HistoryDatabase, name: string): number {
  const row = db.prepare(`pragma ${name}`).get() as Record<string, unknown> | undefined;
  const value = row ? Object.values(row)[0] : 0;
  return typeof value === 'number' ? value : Number(value ?? 0);
}
