import { z } from 'zod';
import { text } from './text.js';
import { dockerSchema } from './docker.js';
import { mcpServerSchema } from './mcp.js';
import { probeSchema } from './probes.js';
import { cacheSourceSchema } from './cache.js';
import { gatewaySchema } from './gateway.js';
import { metricsSchema } from './metrics.js';
import { historySchema } from './history.js';
import { alertsSchema, checkNotifyReferences, notifySchema } from './alerts.js';
import { terminalsSchema } from './terminals.js';

const name = z.string().regex(/^[A-Za-z0-9][\w.-]*$/, 'names use letters, digits, ".", "_" and "-"');

/** The stack file: what Switchboard watches and operates. */
export const stackSchema = z.strictObject({
  name: text.min(1).default('stack'),
  docker: dockerSchema.optional(),
  probes: z.record(name, probeSchema).default({}),
  cache: z.record(name, cacheSourceSchema).default({}),
  mcpServers: z.record(name, mcpServerSchema).default({}),
  /** VS Code's mcp.json calls the same map `servers`. */
  servers: z.record(name, mcpServerSchema).optional(),
  logs: z
    .strictObject({
      linesPerSource: z.number().int().positive().default(50_000),
      maxBytes: z.number().int().positive().default(64 * 1024 * 1024),
    })
    .prefault({}),
  /** The MCP gateway: every exposed server over Streamable HTTP at http://host:port/mcp/<name>. */
  gateway: gatewaySchema.optional(),
  /** Events and series kept across restarts (electron/history); on by default. */
  history: historySchema.prefault({}),
  terminals: terminalsSchema.optional(),
  include: z.array(text.min(1)).default([]),
  metrics: metricsSchema.prefault({}),
  alerts: alertsSchema.default({}),
  notify: notifySchema.prefault({}),
}).superRefine(checkNotifyReferences);

export type StackConfig = z.infer<typeof stackSchema>;
export type StackInput = z.input<typeof stackSchema>;
