import { z } from 'zod';
import { text } from './text.js';
import { interval } from './duration.js';
import { serverGatewaySchema } from './gateway.js';

/** One MCP server, in the shape Claude Desktop and Cursor use (plus Switchboard's own keys). */
export const mcpServerSchema = z.strictObject({
  /** VS Code's `servers` entries carry a type; only stdio servers are launched. */
  type: z.literal('stdio').optional(),
  command: text.min(1, 'command must name the program to run, e.g. ./wrappers/postgres.sh'),
  args: z.array(text).default([]),
  env: z.record(text, text).default({}),
  cwd: text.optional(),
  /** Arguments that make the wrapper check itself and exit, e.g. ["--selfcheck"]. */
  selfcheck: z.array(text).optional(),
  restart: z.enum(['no', 'on-failure', 'always']).default('on-failure'),
  /** Restart starts the new process while the old one shuts down; false waits for the old one to exit (a server holding a lock file or a port). */
  restartOverlap: z.boolean().default(true),
  autostart: z.boolean().default(true),
  initializeTimeout: interval.default(30_000),
  pingEvery: interval.default(15_000),
  pingTimeout: interval.default(5_000),
  backoff: z
    .strictObject({
      initial: interval.default(1_000),
      max: interval.default(30_000),
      /** Backoff resets after the server has been ready this long. */
      resetAfter: interval.default(60_000),
    })
    .prefault({}),
  crashLoop: z
    .strictObject({
      failures: z.number().int().positive().default(5),
      window: interval.default(60_000),
    })
    .prefault({}),
  /** Exposed through the MCP gateway (when the stack has a `gateway:` section): true, false or { mode, replicas, … }. */
  gateway: serverGatewaySchema.optional(),
});

export type McpServerConfig = z.infer<typeof mcpServerSchema>;
export type McpServerInput = z.input<typeof mcpServerSchema>;
