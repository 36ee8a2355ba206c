import { z } from 'zod';
import { text } from './text.js';

/** Next to browser mode's 7420, so an operator finds it; 0 picks any free port. */
export const defaultMetricsPort = 7422;

/**
 * `metrics:` — the Prometheus /metrics export. Browser mode serves it on its
 * own address; the desktop app on this loopback port. Without a token one is
 * made per run and shown in the app: set one for a scrape config that
 * survives a restart.
 */
export const metricsSchema = z.strictObject({
  port: z.number().int().min(0).max(65_535).default(defaultMetricsPort),
  token: text
    .min(16, 'a token shorter than 16 characters can be guessed: use a longer one')
    // Only MCP servers' fields expand ${VAR} today: a literal "${VAR}" here would quietly be the token.
    .refine((token) => !/\$\{[^}]*\}/.test(token), 'metrics.token is used as written (no ${VAR} expansion here yet): write the token itself')
    .optional(),
});

export type MetricsConfig = z.infer<typeof metricsSchema>;
