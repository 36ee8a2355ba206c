import { z } from 'zod';
import { text } from './text.js';
import { interval, ratio } from './duration.js';

const common = {
  /** The hit rate the operator aims for; drawn as the target line. */
  target: ratio.default(0.8),
  every: interval.default(2_000),
  /** The window the rate is computed over (Δhits / Δlookups). */
  window: interval.default(60_000),
};

const redisSource = z.strictObject({
  ...common,
  /** redis://host:port or a unix socket path; keyspace_hits / keyspace_misses from INFO stats. */
  redis: text.min(1),
});

const prometheusSource = z.strictObject({
  ...common,
  prometheus: z.url({ protocol: /^https?$/ }),
  hits: text.min(1).default('cache_hits_total'),
  misses: text.min(1).default('cache_misses_total'),
  /** Only series with these label values count, e.g. { cache: "sessions" }. */
  labels: z.record(text, text).default({}),
});

const jsonSource = z.strictObject({
  ...common,
  json: z.url({ protocol: /^https?$/ }),
  /** Dot paths to the counters in the JSON document, e.g. "cache.hits". */
  hits: text.min(1),
  misses: text.min(1),
});

export const cacheSourceSchema = z.union([redisSource, prometheusSource, jsonSource], {
  error: 'a cache source needs one of redis:, prometheus: (with hits/misses metric names) or json: (with hits/misses paths)',
});

export type CacheSourceConfig = z.infer<typeof cacheSourceSchema>;
