import { z } from 'zod';
import { text } from './text.js';

const day = 86_400_000;
const units: Record<string, number> = { h: 3_600_000, d: day, w: 7 * day };
const byteUnits: Record<string, number> = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 };

/** How long history is kept: "36h", "7d", "2w" (1 h to 400 days), or milliseconds. */
export const retention = z.union([z.number().positive(), text]).transform((value, ctx) => {
  let ms: number;
  if (typeof value === 'number') ms = value;
  else {
    const match = /^\s*(\d+(?:\.\d+)?)\s*(h|d|w)\s*$/.exec(value);
    if (!match) {
      ctx.addIssue({ code: 'custom', message: `"${value}" is not a retention: write it like 36h, 7d or 2w` });
      return z.NEVER;
    }
    ms = Number(match[1]) * units[match[2]!]!;
  }
  if (!(ms >= 3_600_000 && ms <= 400 * day)) {
    ctx.addIssue({ code: 'custom', message: 'a retention is from 1h to 400d' });
    return z.NEVER;
  }
  return ms;
});

/** A size cap: "500MB", "2GB", or bytes (at least 1 MB). */
export const byteSize = z.union([z.number().int().positive(), text]).transform((value, ctx) => {
  let bytes: number;
  if (typeof value === 'number') bytes = value;
  else {
    const match = /^\s*(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)\s*$/i.exec(value);
    if (!match) {
      ctx.addIssue({ code: 'custom', message: `"${value}" is not a size: write it like 500MB or 2GB` });
      return z.NEVER;
    }
    bytes = Math.round(Number(match[1]) * byteUnits[match[2]!.toLowerCase()]!);
  }
  if (bytes < 1024 * 1024) {
    ctx.addIssue({ code: 'custom', message: 'a history size cap is at least 1MB' });
    return z.NEVER;
  }
  return bytes;
});

/**
 * `history:` — what happened and what was measured, kept across restarts in an
 * embedded SQLite file. `false` turns it off; `prometheus:` makes charts read
 * series from a Prometheus server instead (events stay in the embedded store).
 */
// The object first: a mistake inside it is reported at its key, not as "expected false".
export const historySchema = z.union([
  z.strictObject({
    /** The database file; default $XDG_DATA_HOME/switchboard/<stack name>.db (Electron: its userData folder). */
    path: text.min(1).optional(),
    retain: retention.default(7 * day),
    /** The file is pruned (oldest first) to stay under this. */
    maxBytes: byteSize.default(1024 ** 3),
    /** A Prometheus server's base URL whose range queries serve the charts' series. */
    prometheus: z.url({ protocol: /^https?$/ }).optional(),
  }),
  z.literal(false),
]);

export type HistoryConfig = z.infer<typeof historySchema>;
/** The settings when history is on (the default: an empty object). */
export type HistorySettings = Exclude<HistoryConfig, false>;
