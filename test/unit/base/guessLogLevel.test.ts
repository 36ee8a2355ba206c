import { describe, expect, it } from 'vitest';
import { guessLevel, parseLevel } from '../../../electron/base/guessLogLevel.js';

describe('level of a log line', () => {
  it.each([
    ['{"level":"error","msg":"connection refused"}', 'error'],
    ['{"time":1,"level":50,"msg":"pino error"}', 'error'],
    ['{"level":30,"msg":"pino info"}', 'info'],
    ['{"severity":"WARNING","message":"gcp style"}', 'warn'],
    ['time=2026-11-26T10:00:00Z level=warn msg="disk almost full"', 'warn'],
    ['ts=1 lvl=debug msg=tick', 'debug'],
    ['[ERROR] could not bind 127.0.0.1:8080', 'error'],
    ['2026-11-26 10:00:00 WARN cache miss ratio high', 'warn'],
    ['2026-11-26 10:00:00.123 UTC [42] LOG:  database system is ready to accept connections', 'info'],
    ['2026-11-26 10:00:00.123 UTC [42] FATAL:  password authentication failed', 'fatal'],
    ['1:M 26 Nov 2026 10:00:00.123 * Ready to accept connections tcp', 'info'],
    ['1:M 26 Nov 2026 10:00:00.123 # WARNING overcommit_memory is set to 0', 'warn'],
    ['nginx: [warn] conflicting server name', 'warn'],
    ['<debug> polling', 'debug'],
  ])('reads %s as %s', (text, level) => {
    expect(parseLevel(text)).toBe(level);
  });

  it('does not take prose such as "0 errors" or "an error" for a level', () => {
    expect(parseLevel('build finished with 0 errors')).toBeUndefined();
    expect(parseLevel('retrying after an error in the probe')).toBeUndefined();
  });

  it('falls back to the stream when a line says nothing: stderr is a warning, stdout info', () => {
    expect(guessLevel('Secure MCP Filesystem Server running on stdio', 'stderr')).toBe('warn');
    expect(guessLevel('listening on 10010', 'stdout')).toBe('info');
    expect(guessLevel('restart of sutazai-redis requested', 'system')).toBe('info');
  });

  it('looks only at the start of very long lines', () => {
    expect(parseLevel('x'.repeat(5_000) + ' ERROR')).toBeUndefined();
  });
});
