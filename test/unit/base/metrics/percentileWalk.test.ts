import { describe, expect, it } from 'vitest';
import { latencyHistogram } from '../../../../electron/base/metrics/slidingPercentiles.js';
import { valuesAtPercentiles } from '../../../../electron/base/metrics/percentileWalk.js';

const percents = [0, 1, 50, 90, 95, 99, 99.9, 100];

function random(seed: number): () => number {
  let s = seed;
  return () => ((s = Math.imul(s ^ (s >>> 15), 2246822507) + 0x6d2b79f5) >>> 0) / 2 ** 32;
}

describe('percentiles in one walk', () => {
  it('answers what getValueAtPercentile answers, for spread, skewed and tiny histograms', () => {
    const next = random(7);
    for (const [n, scale] of [[1, 10], [3, 1000], [900, 30_000], [5_000, 2_000_000]] as const) {
      const h = latencyHistogram();
      for (let i = 0; i < n; i++) h.recordValue(Math.max(1, Math.round(next() ** 3 * scale)));
      expect(valuesAtPercentiles(h, percents)).toEqual(percents.map((p) => h.getValueAtPercentile(p)));
    }
  });

  it('stays right after values leave (subtract) and with zeros recorded', () => {
    const next = random(11);
    const h = latencyHistogram();
    const leaving = latencyHistogram();
    for (let i = 0; i < 600; i++) {
      const v = Math.round(next() * 50_000);
      h.recordValue(v);
      if (i < 300) leaving.recordValue(v);
    }
    h.subtract(leaving);
    expect(valuesAtPercentiles(h, percents)).toEqual(percents.map((p) => h.getValueAtPercentile(p)));
    h.recordValue(0);
    expect(valuesAtPercentiles(h, percents)).toEqual(percents.map((p) => h.getValueAtPercentile(p)));
  });

  it('answers zeros for an empty histogram', () => {
    expect(valuesAtPercentiles(latencyHistogram(), [50, 99])).toEqual([0, 0]);
  });
});
