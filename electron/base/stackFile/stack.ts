import { z } from 'zod';
import { text } from './text.js';
import { dockerSchema } from './docker.js';
import { mcpServerSchema } from './mcp.js';
import { probeSchema } from './probes.js';
import { cacheSourceSchema } from './cache.js';
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
  terminals: terminalsSchema.optional(),
  include: z.array(text.min(1)).default([]),
});

export type StackConfig = z.infer<typeof stackSchema>;
export type StackInput = z.input<typeof stackSchema>;
