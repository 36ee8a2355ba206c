import type { HitRatePoint } from '../../shared/contract/cache.js';

/** Cumulative counters as read from a source at one moment. */
export interface CounterReading {
  ts: number;
  hits: number;
  misses: number;
}

/**
 * Turns raw, ever-growing counters into a hit rate over a sliding window
 * (Δhits / Δlookups). Counters that go backwards (the service restarted) are
 * stitched like Prometheus' rate(): the new raw value counts as the increase
 * since the reset, so a restart gives neither a spike nor a negative rate.
 */
export class HitRateWindow {
  /** Stitched (monotonic) totals, oldest first, covering at least the window. */
  private readings: CounterReading[] = [];
  private lastRaw: CounterReading | undefined;
  private stitched = { hits: 0, misses: 0 };
  resets = 0;

  constructor(readonly windowMs: number) {}

  add(raw: CounterReading): void {
    const prev = this.lastRaw;
    if (prev) {
      const reset = raw.hits < prev.hits || raw.misses < prev.misses;
      if (reset) this.resets++;
      // After a reset, both counters restarted from zero: the raw values are the increase.
      this.stitched.hits += reset ? raw.hits : raw.hits - prev.hits;
      this.stitched.misses += reset ? raw.misses : raw.misses - prev.misses;
    }
    this.lastRaw = raw;
    this.readings.push({ ts: raw.ts, hits: this.stitched.hits, misses: this.stitched.misses });
    // Keep one reading at or before the window's start as its baseline.
    const start = raw.ts - this.windowMs;
    let drop = 0;
    while (drop + 1 < this.readings.length && this.readings[drop + 1]!.ts <= start) drop++;
    if (drop > 0) this.readings.splice(0, drop);
  }

  /** Hits and misses inside the window, and their rate (null with no lookups). */
  current(): { rate: number | null; hits: number; misses: number } {
    const first = this.readings[0];
    const last = this.readings.at(-1);
    if (!first || !last || first === last) return { rate: null, hits: 0, misses: 0 };
    const hits = last.hits - first.hits;
    const misses = last.misses - first.misses;
    const lookups = hits + misses;
    return { rate: lookups > 0 ? hits / lookups : null, hits, misses };
  }

  point(): HitRatePoint {
    const last = this.readings.at(-1);
    return { ts: last?.ts ?? Date.now(), rate: this.current().rate };
  }
}
