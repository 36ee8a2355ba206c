import { z } from 'zod';

const units: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** "250ms", "5s", "2m", "1h" or a number of milliseconds → milliseconds. */
export const duration = z.union([z.number().nonnegative(), z.string()]).transform((value, ctx) => {
  if (typeof value === 'number') return value;
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h)\s*$/.exec(value);
  if (!match) {
    ctx.addIssue({ code: 'custom', message: `"${value}" is not a duration: write it like 250ms, 5s, 2m or 1h` });
    return z.NEVER;
  }
  return Number(match[1]) * units[match[2]!]!;
});

/** "99.9%" or 0.999 → 0.999. */
export const ratio = z.union([z.number().min(0).max(1), z.string()]).transform((value, ctx) => {
  if (typeof value === 'number') return value;
  const match = /^\s*(\d+(?:\.\d+)?)\s*%\s*$/.exec(value);
  if (!match || Number(match[1]) > 100) {
    ctx.addIssue({ code: 'custom', message: `"${value}" is not a ratio: write it like 80% or 0.8` });
    return z.NEVER;
  }
  return Number(match[1]) / 100;
});
