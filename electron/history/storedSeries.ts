import type { SeriesPoint, SeriesQuery } from '../core/seriesSource.js';
import type { HistoryDatabase } from './openDatabase.js';
import { minuteMs } from './signalTiers.js';

interface SampleBucket {
  b: number;
  value: number;
  min: number;
  max: number;
  count: number;
}

interface RollupBucket extends SampleBucket {
  p50: number | null;
  p95: number | null;
  p99: number | null;
}

/**
 * A range of one series from the finest tier that has it: fine samples (kept
 * 24 h) for a step under a minute, per-minute rollups otherwise or when the
 * fine tier has nothing there.
 * Buckets coarser than a minute take the count-weighted mean, the extremes,
 * and the worst minute's percentiles (an upper bound: what an SLO chart needs).
 */
export function readSeries(db: HistoryDatabase, series: number, query: SeriesQuery): SeriesPoint[] {
  const step = Math.max(1, Math.floor(query.stepMs));
  if (step < minuteMs) {
    const rows = db
      .prepare(
        `select (at / ?) * ? as b, avg(value) as value, min(value) as min, max(value) as max, count(*) as count
           from samples where series = ? and at >= ? and at < ? group by b order by b`,
      )
      .all(step, step, series, query.from, query.to) as SampleBucket[];
    if (rows.length > 0) return rows.map((r) => (r.count === 1 ? { at: r.b, value: r.value } : { at: r.b, value: r.value, min: r.min, max: r.max, count: r.count }));
  }
  const bucket = Math.max(minuteMs, step - (step % minuteMs));
  const rows = db
    .prepare(
      `select (at / ?) * ? as b, sum(mean * count) / sum(count) as value, min(min) as min, max(max) as max, sum(count) as count,
              max(p50) as p50, max(p95) as p95, max(p99) as p99
         from rollups where series = ? and at >= ? and at < ? group by b order by b`,
    )
    .all(bucket, bucket, series, query.from - (query.from % minuteMs), query.to) as RollupBucket[];
  return rows.map((r) => ({
    at: r.b,
    value: r.value,
    min: r.min,
    max: r.max,
    count: r.count,
    ...(r.p50 !== null ? { p50: r.p50 } : {}),
    ...(r.p95 !== null ? { p95: r.p95 } : {}),
    ...(r.p99 !== null ? { p99: r.p99 } : {}),
  }));
}
