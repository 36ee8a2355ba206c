import { describe, expect, it } from 'vitest';
import { clockTime, clockTimeMs, clockTimeOrDate, dateClockTime, fullDateTime } from '../../../renderer/components/clock.js';
import { clockLabel, clockTick } from '../../../renderer/components/charts/chartText.js';

// Local times, so the figures hold in whatever time zone the tests run.
const at = (h: number, m: number, s: number, ms = 0, day = 1) => new Date(2026, 11, day, h, m, s, ms).getTime();

describe('how a moment reads on every screen (renderer/components/clock.ts)', () => {
  it('writes a 24-hour clock, with 00 after midnight (not 12 AM, not 24)', () => {
    expect(clockTime(at(15, 11, 20))).toBe('15:11:20');
    expect(clockTime(at(0, 5, 0))).toBe('00:05:00');
    expect(clockTime(at(15, 11, 20))).not.toMatch(/AM|PM/);
  });

  it('gives a log line the same clock, with milliseconds', () => {
    expect(clockTimeMs(at(0, 5, 9, 7))).toBe('00:05:09.007');
    expect(clockTimeMs(at(15, 11, 20, 123)).startsWith(clockTime(at(15, 11, 20)))).toBe(true);
  });

  it('shows the date for a moment on another day than now, the clock alone today', () => {
    const now = at(16, 0, 0, 0, 2);
    expect(clockTimeOrDate(at(9, 30, 5, 0, 2), now)).toBe('09:30:05');
    const yesterday = clockTimeOrDate(at(23, 59, 0, 0, 1), now);
    expect(yesterday).toContain('23:59');
    expect(yesterday).toMatch(/1/); // the day of the month
    expect(yesterday).not.toMatch(/AM|PM/);
  });

  it('is the one the charts use: an axis tick, a tooltip and the Timeline read the same moment alike', () => {
    const moment = at(15, 11, 20);
    const now = at(15, 12, 0);
    expect(clockTick(5 * 60_000)(moment)).toBe(clockTimeOrDate(moment, now));
    expect(clockLabel(moment, 5 * 60_000)).toBe(clockTime(moment));
    expect(clockLabel(moment, 7 * 86_400_000)).toBe(dateClockTime(moment));
    expect(clockTick(6 * 3_600_000)(moment)).toBe('15:11');
  });

  it('adds the year where a moment may be long past', () => {
    expect(fullDateTime(at(15, 11, 20))).toContain('2026');
    expect(fullDateTime(at(15, 11, 20))).toContain('15:11:20');
  });
});
