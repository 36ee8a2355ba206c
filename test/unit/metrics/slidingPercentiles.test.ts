import { describe, expect, it } from 'vitest';
import { SlidingPercentiles } from '../../../electron/metrics/slidingPercentiles.js';

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
});
