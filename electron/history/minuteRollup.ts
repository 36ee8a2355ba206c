import { minuteMs } from './signalTiers.js';

/** One closed minute of one series, as the rollups table keeps it. */
export interface Rollup {
  series: number;
  /** The minute's start, epoch ms. */
  at: number;
  count: number;
  mean: number;
  min: number;
  max: number;
  p50: number;
  p95: number;
  p99: number;
}

/** Nearest-rank percentile of sorted values: exact for the minute's samples, no interpolation. */
export function percentileOfSorted(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] as number;
}

export function rollupOf(series: number, at: number, values: number[]): Rollup {
  const sorted = values.slice().sort((a, b) => a - b);
  let sum = 0;
  for (const v of sorted) sum += v;
  return {
    series,
    at,
    count: sorted.length,
    mean: sum / sorted.length,
    min: sorted[0] as number,
    max: sorted[sorted.length - 1] as number,
    p50: percentileOfSorted(sorted, 50),
    p95: percentileOfSorted(sorted, 95),
    p99: percentileOfSorted(sorted, 99),
  };
}

interface Open {
  at: number;
  values: number[];
}

/**
 * The current minute of every series, held in memory (a probe at 1 s keeps 60
 * numbers) and closed into a Rollup when a later sample arrives or the minute
 * is over: percentiles come from all the minute's samples, so p99 is exact.
 */
export class MinuteRollups {
  private readonly open = new Map<number, Open>();
  /** No open minute starts before this (it may be older than the oldest): a flush with nothing due skips the scan. */
  private earliest = Infinity;

  /** Adds a sample; returns the previous minute's rollup when this sample starts a new one. */
  add(series: number, at: number, value: number): Rollup | undefined {
    const minute = at - (at % minuteMs);
    const current = this.open.get(series);
    if (current && current.at === minute) {
      current.values.push(value);
      return undefined;
    }
    // A late sample of an earlier minute joins the open one rather than reopening a written minute.
    if (current && minute < current.at) {
      current.values.push(value);
      return undefined;
    }
    this.open.set(series, { at: minute, values: [value] });
    if (minute < this.earliest) this.earliest = minute;
    return current ? rollupOf(series, current.at, current.values) : undefined;
  }

  /** Buckets still open (each waits for a flush to close it). */
  get openCount(): number {
    return this.open.size;
  }

  /** Closes every minute that ended more than `graceMs` before `now` (a quiet series still gets its rollup). */
  closeDue(now: number, graceMs: number): Rollup[] {
    const out: Rollup[] = [];
    // Every flush (800 ms) asks; a minute ends once a minute: scanning 100 series each time was wasted.
    if (this.earliest + minuteMs + graceMs > now) return out;
    let earliest = Infinity;
    for (const [series, current] of this.open) {
      if (current.at + minuteMs + graceMs <= now) {
        out.push(rollupOf(series, current.at, current.values));
        this.open.delete(series);
      } else if (current.at < earliest) earliest = current.at;
    }
    this.earliest = earliest;
    return out;
  }

  /** Every open minute as it stands (at shutdown: a partial minute beats a lost one). */
  closeAll(): Rollup[] {
    const out = [...this.open].map(([series, current]) => rollupOf(series, current.at, current.values));
    this.open.clear();
    this.earliest = Infinity;
    return out;
  }
}
