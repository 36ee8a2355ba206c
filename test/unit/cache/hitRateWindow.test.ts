import { describe, expect, it } from 'vitest';
import { HitRateWindow } from '../../../electron/cache/hitRateWindow.js';

describe('hit rate over a window', () => {
  it('is Δhits / Δlookups over the window, not the lifetime counters', () => {
    const w = new HitRateWindow(60_000);
    w.add({ ts: 0, hits: 1_000_000, misses: 0 }); // a long, perfect history before we started watching
    w.add({ ts: 30_000, hits: 1_000_080, misses: 20 });
    expect(w.current()).toEqual({ rate: 0.8, hits: 80, misses: 20 });
  });

  it('forgets lookups older than the window', () => {
    const w = new HitRateWindow(10_000);
    w.add({ ts: 0, hits: 0, misses: 0 });
    w.add({ ts: 5_000, hits: 0, misses: 100 }); // a burst of misses
    w.add({ ts: 20_000, hits: 90, misses: 110 });
    w.add({ ts: 25_000, hits: 180, misses: 120 });
    expect(w.current().rate).toBeCloseTo(0.9, 5);
  });

  it('gives no spike and no negative rate when the counters reset (a restart)', () => {
    const w = new HitRateWindow(60_000);
    const rates: (number | null)[] = [];
    let hits = 5_000;
    let misses = 1_000;
    for (let t = 0; t <= 120_000; t += 2_000) {
      if (t === 60_000) {
        hits = 0; // restart
        misses = 0;
      }
      hits += 8;
      misses += 2;
      w.add({ ts: t, hits, misses });
      if (t > 0) rates.push(w.current().rate);
    }
    expect(w.resets).toBe(1);
    for (const r of rates) expect(r).toBeCloseTo(0.8, 5);
  });

  it('has no rate when nothing was looked up', () => {
    const w = new HitRateWindow(60_000);
    w.add({ ts: 0, hits: 10, misses: 10 });
    expect(w.current().rate).toBeNull();
    w.add({ ts: 1_000, hits: 10, misses: 10 });
    expect(w.current()).toEqual({ rate: null, hits: 0, misses: 0 });
  });
});
