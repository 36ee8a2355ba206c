import { describe, expect, it } from 'vitest';
import { SlidingPercentiles } from '../../../../electron/base/metrics/slidingPercentiles.js';

describe('SlidingPercentiles', () => {
  it('gives p50/p95/p99 within HDR precision (1 %) of the recorded latencies', () => {
    const p = new SlidingPercentiles();
    const t0 = 1_000_000_000;
    for (let i = 1; i <= 1000; i++) p.record(t0 + i * 10, i / 10, false); // 0.1 … 100 ms
    const s = p.summary(0, t0 + 10_000);
    expect(s.count).toBe(1000);
    expect(s.p50).toBeCloseTo(50, 0);
    expect(Math.abs(s.p95 - 95) / 95).toBeLessThan(0.01);
    expect(Math.abs(s.p99 - 99) / 99).toBeLessThan(0.01);
  });

  it('lets old samples slide out of the 1 m window while the 15 m window keeps them', () => {
    const p = new SlidingPercentiles();
    const t0 = 2_000_000_000;
    for (let i = 0; i < 60; i++) p.record(t0 + i * 1_000, 500, false); // one slow minute
    for (let i = 0; i < 120; i++) p.record(t0 + 60_000 + i * 1_000, 10, false); // then two fast minutes
    const now = t0 + 180_000;
    expect(p.summary(0, now).p99).toBeLessThan(11);
    expect(p.summary(2, now).p99).toBeGreaterThan(490);
    expect(p.summary(2, now).count).toBe(180);
    // 20 minutes later nothing is left in any window.
    expect(p.summary(2, now + 20 * 60_000).count).toBe(0);
  });

  it('tracks availability as runs and failures per window, including runs without a latency', () => {
    const p = new SlidingPercentiles();
    const t0 = 3_000_000_000;
    for (let i = 0; i < 100; i++) p.record(t0 + i * 100, i % 10 === 0 ? null : 5, i % 10 === 0);
    const s = p.summary(1, t0 + 10_000);
    expect(s).toMatchObject({ runs: 100, failed: 10, count: 90 });
  });

  it('agrees with the exact percentiles of what is in each window after many slot changes, timeouts included', () => {
    const p = new SlidingPercentiles();
    const t0 = 4_000_000_000;
    const runs: { ts: number; ms: number }[] = [];
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (let i = 0; i < 1_500; i++) {
      const ts = t0 + i * 1_000;
      // Mostly 5–30 ms, sometimes a 2 s timeout (beyond the histograms' first range: they resize).
      const ms = random() < 0.02 ? 2_000 : 5 + random() * 25;
      p.record(ts, ms, false);
      runs.push({ ts, ms });
    }
    const now = t0 + 1_500 * 1_000;
    [60_000, 300_000, 900_000].forEach((span, i) => {
      // Windows are whole 10 s slots: everything from the slot `span` before the current one.
      const from = (Math.floor((now - 1) / 10_000) + 1) * 10_000 - span;
      const inside = runs.filter((r) => r.ts >= from).map((r) => r.ms).sort((a, b) => a - b);
      const exact = (q: number) => inside[Math.ceil((q / 100) * inside.length) - 1]!;
      const s = p.summary(i, now - 1);
      expect(s.count).toBe(inside.length);
      for (const [q, got] of [[50, s.p50], [95, s.p95], [99, s.p99]] as const) expect(Math.abs(got - exact(q)) / exact(q)).toBeLessThan(0.01);
    });
  });
});
