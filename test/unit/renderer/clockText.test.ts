import { describe, expect, it } from 'vitest';
import { countdownTextChangesIn, durationTextChangesIn, formatDuration } from '../../../renderer/components/time.js';
import { roundTimeTicks, roundValueTicks } from '../../../renderer/components/charts/chartTicks.js';

/** Walks time forward in 10 ms steps and returns every moment the text changed. */
function changes(text: (t: number) => string, from: number, to: number): number[] {
  const out: number[] = [];
  for (let t = from + 10; t <= to; t += 10) if (text(t) !== text(t - 10)) out.push(t);
  return out;
}

describe('clock texts are re-read only when what they show changes', () => {
  it('a growing duration ticks every second for the first minute, then once a minute', () => {
    for (const elapsed of [0, 400, 999, 30_123, 59_000, 61_000, 3_599_000, 7_260_000]) {
      const wait = durationTextChangesIn(elapsed);
      const [first] = changes((t) => formatDuration(t), elapsed, elapsed + 200_000);
      // Due no later than the change and at most one 10 ms step before it.
      expect(first! - elapsed).toBeGreaterThanOrEqual(wait);
      expect(first! - elapsed - wait).toBeLessThanOrEqual(10);
    }
    expect(durationTextChangesIn(120_000)).toBeGreaterThan(55_000);
  });

  it('a countdown ticks down to "0 s" and then never again', () => {
    for (const remaining of [4_000, 4_499, 61_000, 120_400, 3_000]) {
      const wait = countdownTextChangesIn(remaining);
      const [first] = changes((t) => formatDuration(Math.max(0, remaining - t)), 0, remaining + 1_000);
      expect(first!).toBeGreaterThanOrEqual(wait);
      expect(first! - wait).toBeLessThanOrEqual(10);
    }
    expect(countdownTextChangesIn(0)).toBe(Infinity);
    expect(countdownTextChangesIn(-300)).toBe(Infinity);
  });
});

describe('round time ticks on the Overview chart', () => {
  it('puts at most five ticks on whole multiples of a round spacing, the same while the window slides within a spacing', () => {
    const t = Date.UTC(2026, 11, 2, 12, 0, 0);
    expect(roundTimeTicks(t + 1_000, t + 300_500)).toEqual([t + 60_000, t + 120_000, t + 180_000, t + 240_000, t + 300_000]);
    expect(roundTimeTicks(t + 2_000, t + 301_000)).toEqual(roundTimeTicks(t + 1_000, t + 300_500));
    expect(roundTimeTicks(t, t + 20_000)).toEqual([t, t + 5_000, t + 10_000, t + 15_000, t + 20_000]);
    expect(roundTimeTicks(t, t)).toEqual([]);
  });

  it('spaces the ticks of a day by whole local hours', () => {
    const t = Date.UTC(2026, 11, 2, 12, 7, 0);
    const ticks = roundTimeTicks(t - 86_400_000, t, 10);
    expect(ticks.length).toBeGreaterThanOrEqual(4);
    expect(ticks.length).toBeLessThanOrEqual(10);
    for (const tick of ticks) expect([new Date(tick).getMinutes(), new Date(tick).getSeconds(), new Date(tick).getHours() % 3]).toEqual([0, 0, 0]);
  });
});

describe('round latency ticks on the Overview chart', () => {
  it('starts at 0 and ends at the first round value at or above the highest point, in at most four steps', () => {
    expect(roundValueTicks(160)).toEqual([0, 50, 100, 150, 200]);
    expect(roundValueTicks(7.1)).toEqual([0, 2, 4, 6, 8]);
    expect(roundValueTicks(100)).toEqual([0, 25, 50, 75, 100]);
    expect(roundValueTicks(0)).toEqual([0, 1]);
  });
});
