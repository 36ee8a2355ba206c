import { z } from 'zod';

/**
 * Every string in the stack file. Much of it becomes a command, argument,
 * environment entry or path, none of which can carry a NUL byte (spawn throws
 * on one), so a NUL is a config problem at its key instead of a crash later.
 */
export const text = z.string().refine((value) => !value.includes('\0'), {
  message: 'contains a NUL byte (\\0), which no command, argument, environment variable or path can carry: remove it',
});
