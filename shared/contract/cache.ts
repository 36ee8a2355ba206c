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
  hits: number;
  misses: number;
  windowMs: number;
  error?: string;
  history: HitRatePoint[];
}

export interface CacheState {
  sources: CacheSourceState[];
}

export const cacheTopics = {
  cache: stateTopic<CacheState>()(z.strictObject({}).prefault({})),
};

export const cacheCommands = {};
