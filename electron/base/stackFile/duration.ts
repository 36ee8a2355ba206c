import { z } from 'zod';
import { text } from './text.js';

const units: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
const hour = 3_600_000;

/**
 * "250ms", "5s", "2m", "1h" or a number of milliseconds → milliseconds, kept
 * within [min, max]: Node's timers take at most 2^31 ms (more fires at once),
 * and 0 would run a job as fast as the event loop turns.
 */
export function durationWithin(min: number, max: number, range: string) {
  return z.union([z.number().nonnegative(), text]).transform((value, ctx) => {
    let ms: number;
    if (typeof value === 'number') ms = value;
    else {
      const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h)\s*$/.exec(value);
      if (!match) {
        ctx.addIssue({ code: 'custom', message: `"${value}" is not a duration: write it like 250ms, 5s, 2m or 1h` });
        return z.NEVER;
      }
      ms = Number(match[1]) * units[match[2]!]!;
    }
    if (!(ms >= min && ms <= max)) {
      const written = typeof value === 'number' ? `${value} ms` : `"${value.trim()}"`;
      ctx.addIssue({ code: 'custom', message: `${written} is out of range: ${range}` });
      return z.NEVER;
    }
    return ms;
  });
}

/** How often something runs or how long to wait for it: 100 ms to 24 h. */
export const interval = durationWithin(100, 24 * hour, 'write an interval from 100ms to 24h');

/** A latency threshold (an SLO's p95): fast services answer in under a millisecond, so only the top is bounded. */
export const latency = durationWithin(0, 24 * hour, 'a latency is at most 24h');

/** "99.9%" or 0.999 → 0.999. */
export const ratio = z.union([z.number().min(0).max(1), text]).transform((value, ctx) => {
  if (typeof value === 'number') return value;
  const match = /^\s*(\d+(?:\.\d+)?)\s*%\s*$/.exec(value);
  if (!match || Number(match[1]) > 100) {
    ctx.addIssue({ code: 'custom', message: `"${value}" is not a ratio: write it like 80% or 0.8` });
    return z.NEVER;
  }
  return Number(match[1]) / 100;
});
