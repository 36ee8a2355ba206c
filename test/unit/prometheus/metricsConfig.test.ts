import { describe, expect, it } from 'vitest';
import { stackSchema } from '../../../electron/base/stackFile/stack.js';

describe('the metrics: stack-file key', () => {
  it('defaults to port 7422 with a generated token, and refuses a guessable token', () => {
    expect(stackSchema.parse({}).metrics).toEqual({ port: 7422 });
    const short = stackSchema.safeParse({ metrics: { token: 'short' } });
    expect(short.success).toBe(false);
    expect(JSON.stringify(short.error?.issues)).toContain('a token shorter than 16 characters can be guessed');
    expect(stackSchema.safeParse({ metrics: { port: 70_000 } }).success).toBe(false);
  });
});
