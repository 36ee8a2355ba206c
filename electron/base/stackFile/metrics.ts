import { z } from 'zod';
import { text } from './text.js';

/** Next to browser mode's 7420, so an operator finds it; 0 picks any free port. */
export const defaultMetricsPort = 7422;

/**
 * `metrics:` — the Prometheus /metrics export. Browser mode serves it on its
 * own address; the desktop app on this loopback port. Without a token one is
 * made per run and shown in the app: set one for a scrape config that
 * survives a restart, written out or as "${SWITCHBOARD_METRICS_TOKEN}"
 * (expanded from the environment when the file is loaded).
 */
export const metricsSchema = z.strictObject({
  port: z.number().int().min(0).max(65_535).default(defaultMetricsPort),
  token: text
    .min(16, 'a token shorter than 16 characters can be guessed: use a longer one')
    .optional(),
});

export type MetricsConfig = z.infer<typeof metricsSchema>;
