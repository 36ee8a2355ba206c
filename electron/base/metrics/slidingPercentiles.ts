import * as hdr from 'hdr-histogram-js';
import type { Histogram } from 'hdr-histogram-js';
import { valuesAtPercentiles } from './percentileWalk.js';

const summaryPercents = [50, 95, 99] as const;

export interface WindowSummary {
  p50: number;
  p95: number;
  p99: number;
  /** Values recorded in the window (runs with a latency). */
  count: number;
  /** Runs in the window, and how many failed: availability = 1 - failed / runs. */
  runs: number;
  failed: number;
}

/**
 * Values are recorded in microseconds; two significant digits is 1 % precision,
 * plenty for SLOs. Packed histograms are small (many per probe) but slow to
 * read; 'flat' ones (~10 KB up to a minute) answer a percentile in microseconds.
 */
export function latencyHistogram(layout: 'packed' | 'flat' = 'flat'): Histogram {
  return hdr.build({ bitBucketSize: layout === 'packed' ? 'packed' : 32, numberOfSignificantValueDigits: 2, lowestDiscernibleValue: 1, autoResize: true });
}

export function toMicros(ms: number): number {
  return Math.max(1, Math.round(ms * 1000));
}

interface Window {
  slots: number;
  hist: Histogram;
  runs: number;
  failed: number;
}

/**
 * Percentiles and availability over sliding windows (default 1 m, 5 m, 15 m)
 * from HDR histograms. Time is cut into slots (10 s); each window keeps a
 * running histogram and subtracts the slot that leaves it, so reading a
 * window never merges anything and recording costs one add per window.
 *
 * A slot keeps its raw values (a 1 s probe puts 10 in a 10 s slot), not a
 * histogram of its own: subtracting a packed HDR histogram walks all ~1,400
 * of its buckets through the packed array and cost ~0.5 ms per probe at
 * every slot change; 100 probes crossing together blocked the event loop for
 * tens of ms and made the probe scheduler late. Each value leaves each window
 * as a count of -1 at its value: ten bucket updates instead of walking every
 * bucket of a scratch histogram three times. (The window's min/max then stay
 * as wide as they were; nothing reads them, and the percentile walk only needs
 * the minimum as a lower bound.)
 */
export class SlidingPercentiles {
  private readonly slotValues: number[][];
  private readonly slotStamp: Float64Array;
  private readonly slotRuns: Uint32Array;
  private readonly slotFailed: Uint32Array;
  private readonly windows: Window[];
  private current = -1;

  constructor(
    readonly windowMs: readonly number[] = [60_000, 300_000, 900_000],
    readonly slotMs = 10_000,
  ) {
    const widest = Math.max(...windowMs.map((w) => Math.ceil(w / slotMs)));
    this.slotValues = Array.from({ length: widest }, () => []);
    this.slotStamp = new Float64Array(widest).fill(-1);
    this.slotRuns = new Uint32Array(widest);
    this.slotFailed = new Uint32Array(widest);
    this.windows = windowMs.map((w) => ({ slots: Math.ceil(w / slotMs), hist: latencyHistogram('flat'), runs: 0, failed: 0 }));
  }

  /** Records one run; `latencyMs` null when the run produced no latency (e.g. connection refused). */
  record(ts: number, latencyMs: number | null, failed: boolean): void {
    this.advance(ts);
    const slot = this.current % this.slotValues.length;
    this.slotRuns[slot]! += 1;
    if (failed) this.slotFailed[slot]! += 1;
    const micros = latencyMs === null ? null : toMicros(latencyMs);
    if (micros !== null) this.slotValues[slot]!.push(micros);
    for (const w of this.windows) {
      w.runs++;
      if (failed) w.failed++;
      if (micros !== null) w.hist.recordValue(micros);
    }
  }

  /** Summary of window `i` (in the order given to the constructor) as of `now`. */
  summary(i: number, now: number): WindowSummary {
    this.advance(now);
    const w = this.windows[i];
    if (!w) throw new RangeError(`no window ${i}`);
    const [p50, p95, p99] = valuesAtPercentiles(w.hist, summaryPercents);
    return { p50: p50! / 1000, p95: p95! / 1000, p99: p99! / 1000, count: w.hist.totalCount, runs: w.runs, failed: w.failed };
  }

  /** Moves time forward to the slot holding `ts`; samples from the past land in the current slot. */
  private advance(ts: number): void {
    const target = Math.floor(ts / this.slotMs);
    if (target <= this.current) return;
    if (this.current < 0 || target - this.current > this.slotValues.length) {
      this.clear();
      this.current = target;
      this.claim(target);
      return;
    }
    for (let s = this.current + 1; s <= target; s++) {
      for (const w of this.windows) this.leave(w, s - w.slots);
      this.claim(s);
    }
    this.current = target;
  }

  private leave(w: Window, slotIndex: number): void {
    const slot = slotIndex % this.slotValues.length;
    if (slotIndex < 0 || this.slotStamp[slot] !== slotIndex) return;
    const values = this.slotValues[slot]!;
    for (const v of values) w.hist.recordValueWithCount(v, -1);
    w.runs -= this.slotRuns[slot]!;
    w.failed -= this.slotFailed[slot]!;
  }

  private claim(slotIndex: number): void {
    const slot = slotIndex % this.slotValues.length;
    this.slotStamp[slot] = slotIndex;
    this.slotValues[slot]!.length = 0;
    this.slotRuns[slot] = 0;
    this.slotFailed[slot] = 0;
  }

  private clear(): void {
    for (const values of this.slotValues) values.length = 0;
    this.slotStamp.fill(-1);
    this.slotRuns.fill(0);
    this.slotFailed.fill(0);
    for (const w of this.windows) {
      w.hist.reset();
      w.runs = 0;
      w.failed = 0;
    }
  }
}
