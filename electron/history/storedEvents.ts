import type { EventPage, EvidenceLine, StoredEvent, StoredEventWithEvidence } from '../../shared/contract/history.js';
import type { EventDetails, EventKind, EventSeverity } from '../../shared/stackEvents.js';
import type { HistoryDatabase } from './openDatabase.js';

export interface EventQuery {
  from?: number | undefined;
  to?: number | undefined;
  /** Exact source ids, or a prefix ending in "*" ("container:*"). */
  sources?: string[] | undefined;
  kinds?: EventKind[] | undefined;
  severities?: EventSeverity[] | undefined;
  beforeId?: number | undefined;
  limit: number;
}

interface EventRow {
  id: number;
  at: number;
  source: string;
  kind: EventKind;
  severity: EventSeverity;
  summary: string;
  details: string | null;
  evidence_count: number;
  evidence?: string | null;
}

function toStored(row: EventRow): StoredEvent {
  return {
    id: row.id,
    at: row.at,
    source: row.source,
    kind: row.kind,
    severity: row.severity,
    summary: row.summary,
    ...(row.details ? { details: JSON.parse(row.details) as EventDetails } : {}),
    evidenceCount: row.evidence_count,
  };
}

const columns = 'id, at, source, kind, severity, summary, details, evidence_count';

/** Newest first; `limit + 1` rows are read to know whether an older page exists. */
export function eventPage(db: HistoryDatabase, query: EventQuery): EventPage {
  const where: string[] = [];
  const args: (string | number)[] = [];
  const add = (clause: string, ...values: (string | number)[]) => {
    where.push(clause);
    args.push(...values);
  };
  if (query.from !== undefined) add('at >= ?', query.from);
  if (query.to !== undefined) add('at < ?', query.to);
  if (query.beforeId !== undefined) add('id < ?', query.beforeId);
  if (query.sources?.length) {
    const parts = query.sources.map((s) => (s.endsWith('*') ? 'source like ?' : 'source = ?'));
    where.push(`(${parts.join(' or ')})`);
    for (const s of query.sources) args.push(s.endsWith('*') ? `${s.slice(0, -1).replace(/[%_]/g, '')}%` : s);
  }
  for (const [column, values] of [['kind', query.kinds], ['severity', query.severities]] as const) {
    if (values?.length) {
      where.push(`${column} in (${values.map(() => '?').join(', ')})`);
      args.push(...values);
    }
  }
  const sql = `select ${columns} from events ${where.length ? `where ${where.join(' and ')}` : ''} order by id desc limit ?`;
  const rows = db.prepare(sql).all(...args, query.limit + 1) as EventRow[];
  const more = rows.length > query.limit;
  const events = rows.slice(0, query.limit).map(toStored);
  return more ? { events, nextBeforeId: events[events.length - 1]!.id } : { events };
}

export function eventById(db: HistoryDatabase, id: number): StoredEventWithEvidence | null {
  const row = db.prepare(`select ${columns}, evidence from events where id = ?`).get(id) as EventRow | undefined;
  if (!row) return null;
  return { ...toStored(row), evidence: row.evidence ? (JSON.parse(row.evidence) as EvidenceLine[]) : [] };
}
