import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushSchedule } from '../../../electron/history/flushSchedule.js';

describe('when history commits', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setImmediate', 'clearImmediate', 'Date'] }));
  afterEach(() => vi.useRealTimers());

  it('flushes within 1.25 s of an arrival, rides on a nearly-due arrival, and arms nothing while nothing waits', () => {
    let waiting = false;
    let flushes = 0;
    const schedule = flushSchedule(() => ((flushes += 1), (waiting = false)), () => !waiting, 1_000);
    vi.advanceTimersByTime(5_000);
    expect(flushes).toBe(0); // nothing arrived: no timer, no flush
    expect(vi.getTimerCount()).toBe(0);

    waiting = true;
    schedule.arrived(); // 5 s since the last flush: due, on this wake-up
    vi.advanceTimersByTime(0);
    expect(flushes).toBe(1);
    expect(vi.getTimerCount()).toBe(0); // the flush left nothing waiting

    vi.advanceTimersByTime(300);
    waiting = true;
    schedule.arrived(); // not due yet: a timer a quarter period past the second, so a steady arrival beats it
    vi.advanceTimersByTime(949);
    expect(flushes).toBe(1);
    vi.advanceTimersByTime(1);
    expect(flushes).toBe(2);

    vi.advanceTimersByTime(850);
    waiting = true;
    schedule.arrived(); // 0.85 s: close enough to ride on this arrival
    vi.advanceTimersByTime(0);
    expect(flushes).toBe(3);
    schedule.dispose();
  });
});
