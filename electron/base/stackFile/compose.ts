import { z } from 'zod';
import { text } from './text.js';

/**
 * One compose project: a file path, or the long form with the things
 * operators most often need next to it (an env file, profiles, a name).
 */
export const composeProjectSchema = z.union([
  text.min(1),
  z
    .strictObject({
      /** One compose file, or `files:` for an override chain (later files override earlier ones). */
      file: text.min(1).optional(),
      files: z.array(text.min(1)).min(1).optional(),
      /** Passed as --env-file: the variables the files' ${VAR}s resolve from. */
      envFile: text.min(1).optional(),
      /** Passed as --profile each; services of other profiles stay out. */
      profiles: z.array(text.min(1)).default([]),
      /** Passed as -p; default: the first file's folder name, as compose itself does. */
      projectName: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'project names use lowercase letters, digits, "_" and "-", starting with a letter or digit').optional(),
      /** The engine (by its name in docker.engines) it runs on; default the first. */
      engine: text.min(1).optional(),
    })
    .refine((p) => (p.file === undefined) !== (p.files === undefined), { message: 'give either file: or files:, not both and not neither' }),
]);

/** Whether Switchboard shows an engine's Swarm services: auto asks the engine if it is a manager. */
export const swarmSchema = z.union([z.boolean(), z.literal('auto')]);

export type ComposeProjectConfig = z.infer<typeof composeProjectSchema>;
