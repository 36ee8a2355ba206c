import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { wakeAt, wakeMoment } from '../../../renderer/components/sharedClock.js';

describe('the page’s shared clock', () => {
  beforeEach(() => vi.useFakeTimers({ now: new Date('2026-12-01T10:00:00.000Z') }));
  afterEach(() => vi.useRealTimers());

  it('wakes readers due in the same second together, on the whole second, with one timer', () => {
    const t0 = Date.now();
    const woken: string[] = [];
    wakeAt(t0 + 200, () => woken.push(`a@${Date.now() - t0}`));
    wakeAt(t0 + 700, () => woken.push(`b@${Date.now() - t0}`));
    wakeAt(t0 + 1_300, () => woken.push(`c@${Date.now() - t0}`));
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(999);
    expect(woken).toEqual([]);
    vi.advanceTimersByTime(20);
    expect(woken).toEqual(['a@1010', 'b@1010']);
    vi.advanceTimersByTime(1_000);
    expect(woken).toEqual(['a@1010', 'b@1010', 'c@2010']);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('never wakes a reader that cancelled, and never before its moment', () => {
    const t0 = Date.now();
    const woken: string[] = [];
    const cancel = wakeAt(t0 + 500, () => woken.push('cancelled'));
    wakeAt(t0 + 60_000, () => woken.push('minute'));
    cancel();
    vi.advanceTimersByTime(59_000);
    expect(woken).toEqual([]);
    vi.advanceTimersByTime(1_100);
    expect(woken).toEqual(['minute']);
    expect(wakeMoment(t0 + 60_000)).toBe(t0 + 60_010);
  });
});
