import { describe, expect, it } from 'vitest';
import { availabilityVerdict, sloVerdicts } from '../../../electron/base/sloVerdicts.js';

const window = { p50: 12, p95: 90, p99: 140, count: 1000 };

describe('SLO verdicts', () => {
  it('passes a latency objective at or under the target and fails it above', () => {
    const v = sloVerdicts({ p95: 100, p99: 120 }, window, 1000, 0);
    expect(v).toEqual([
      { target: 'p95 ≤ 100 ms', objective: 'p95', threshold: 100, actual: 90, pass: true },
      { target: 'p99 ≤ 120 ms', objective: 'p99', threshold: 120, actual: 140, pass: false },
    ]);
  });

  it('has no verdict (null) before any sample arrived', () => {
    const [v] = sloVerdicts({ p95: 100 }, { p50: 0, p95: 0, p99: 0, count: 0 }, 0, 0);
    expect(v).toMatchObject({ actual: null, pass: null });
  });

  it('reports availability with the error budget left in the window', () => {
    // 99 % target over 1,000 runs allows 10 failures; 4 spent leaves 60 %.
    const v = availabilityVerdict(0.99, 1000, 4);
    expect(v).toMatchObject({ target: 'availability ≥ 99%', actual: 0.996, pass: true });
    expect(v.budgetLeft).toBeCloseTo(0.6, 9);
    // 15 failures: budget exhausted (never negative), objective missed.
    expect(availabilityVerdict(0.99, 1000, 15)).toMatchObject({ pass: false, budgetLeft: 0 });
    expect(availabilityVerdict(0.999, 0, 0)).toMatchObject({ target: 'availability ≥ 99.9%', actual: null, pass: null, budgetLeft: 1 });
  });
});
