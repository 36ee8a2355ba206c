import { describe, expect, it } from 'vitest';
import { BucketMeans } from '../../../electron/history/bucketMeans.js';
import { MinuteRollups } from '../../../electron/history/minuteRollup.js';

const minute = 60_000;
const t0 = Date.parse('2026-01-01T00:00:00Z');

describe('closing quiet buckets at a flush', () => {
  it('closes a minute only once it and its grace are over, whichever minutes opened meanwhile', () => {
    const m = new MinuteRollups();
    m.add(1, t0 + 1000, 10);
    m.add(1, t0 + 2000, 20);
    expect(m.closeDue(t0 + minute + 500, 1000)).toEqual([]);
    // Series 2 opens a later minute; series 1 goes quiet and is closed at its own time.
    m.add(2, t0 + minute + 5000, 7);
    expect(m.closeDue(t0 + minute + 1000, 1000).map((r) => [r.series, r.at, r.count, r.mean])).toEqual([[1, t0, 2, 15]]);
    expect(m.closeDue(t0 + 2 * minute + 999, 1000)).toEqual([]);
    expect(m.closeDue(t0 + 2 * minute + 1000, 1000).map((r) => [r.series, r.at])).toEqual([[2, t0 + minute]]);
    expect(m.openCount).toBe(0);
    // A series that moved to a new minute by itself is closed at that new minute's end.
    m.add(3, t0 + 3 * minute, 1);
    expect(m.add(3, t0 + 4 * minute, 2)?.at).toBe(t0 + 3 * minute);
    expect(m.closeDue(t0 + 4 * minute + 1000, 1000)).toEqual([]);
    expect(m.closeDue(t0 + 5 * minute + 1000, 1000).map((r) => r.at)).toEqual([t0 + 4 * minute]);
  });

  it('closes a 10 s bucket one bucket after its end, the earliest first', () => {
    const b = new BucketMeans(10_000);
    b.add(1, t0 + 1000, 4);
    b.add(1, t0 + 2000, 6);
    b.add(2, t0 + 15_000, 3);
    expect(b.closeDue(t0 + 19_999)).toEqual([]);
    expect(b.closeDue(t0 + 20_000)).toEqual([{ series: 1, at: t0, value: 5 }]);
    expect(b.closeDue(t0 + 29_999)).toEqual([]);
    expect(b.closeDue(t0 + 30_000)).toEqual([{ series: 2, at: t0 + 10_000, value: 3 }]);
    expect(b.openCount).toBe(0);
  });
});
