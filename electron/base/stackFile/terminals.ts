import { z } from 'zod';
import { text } from './text.js';

const program = text.regex(/^[\w./+-]+$/, 'a program name or path: letters, digits, ".", "/", "_", "+" and "-"');

/** How a terminal starts in a container; each key overrides the one above it. */
const terminalSettingsSchema = z.strictObject({
  /** Shells tried in order; default bash, then sh. */
  shell: z.array(program).min(1).optional(),
  /** The exec's user (user or user:group); default the container's. */
  user: text.regex(/^[\w.-]+(:[\w.-]+)?$/, 'user or user:group').optional(),
  /** The exec's working folder (absolute); default the container's. */
  workdir: text.regex(/^\//, 'an absolute path inside the container').optional(),
  /**
   * Named commands with a button of their own, e.g. `psql: [psql, -U, app, -d, app]`.
   * psql, redis-cli and mysql still get the container's credentials from its env.
   */
  shells: z.record(text.regex(/^[\w.-]+$/, 'names use letters, digits, ".", "_" and "-"'), z.array(text.min(1)).min(1)).optional(),
});

/** `terminals:` in the stack file: defaults for every container, and per container (by name or name glob). */
export const terminalsSchema = terminalSettingsSchema.extend({
  containers: z.record(text.min(1), terminalSettingsSchema).default({}),
});

export type TerminalSettingsConfig = z.infer<typeof terminalSettingsSchema>;
export type TerminalsConfig = z.infer<typeof terminalsSchema>;
