import { z } from 'zod';
import { stateTopic } from './define.js';

export interface HitRatePoint {
  ts: number;
  /** 0..1 over the window ending at ts; null when there were no lookups. */
  rate: number | null;
}

export interface CacheSourceState {
  name: string;
  kind: 'redis' | 'prometheus' | 'json';
  target: number;
  /** The address in the operator's words. */
  address: string;
  /** Hit rate over the configured window (Δhits / Δlookups). */
  hitRate: number | null;
  /** Hits and misses counted inside the window (resets of the counters are stitched over). */
  hits: number;
  misses: number;
  windowMs: number;
  everyMs: number;
  /** When the last successful reading was taken. */
  lastReadAt?: number;
  /** How many times the source's counters went backwards (a restart); those readings start a new baseline. */
  resets: number;
  error?: string;
  /** Last 15 minutes, oldest first, at most ~1,000 points; empty for a subscription with `history: false`. */
  history: HitRatePoint[];
}

export interface CacheState {
  sources: CacheSourceState[];
}

export const cacheTopics = {
  // `history: false` for a screen that shows only the current rate (the Overview): up to 1,000 points a second less to send and compare.
  cache: stateTopic<CacheState>()(z.strictObject({ history: z.boolean().default(true) }).prefault({})),
};

export const cacheCommands = {};
