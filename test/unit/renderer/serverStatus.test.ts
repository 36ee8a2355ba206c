import { describe, expect, it } from 'vitest';
import type { McpServerState, McpStatus } from '../../../shared/contract/mcp.js';
import { hasSession, needsAttention, reasonTone, serverActions, serverStatusLabel, serverTone } from '../../../renderer/mcp/serverStatus.js';

const now = 1_000_000;
const server = (status: McpStatus, more: Partial<McpServerState> = {}) => ({ status, failures: 0, ...more });

describe('what an MCP server in each state offers and how it looks, on the Overview and the MCP screen alike', () => {
  it('a server in backoff offers Stop and Restart (it starts again by itself), with the retry countdown in the MCP screen\'s words', () => {
    expect(serverActions('backoff')).toEqual(['stop', 'restart']);
    expect(serverStatusLabel(server('backoff', { nextAttemptAt: now + 4_000 }), now)).toBe('backoff · retry in 4 s');
    expect(serverStatusLabel(server('backoff', { nextAttemptAt: now - 500 }), now)).toBe('backoff · retry in 0 s');
    expect(serverTone('backoff')).toBe('busy');
    expect(reasonTone('backoff')).toBe('bad');
  });

  it('a degraded server is running: Stop and Restart, a warning pill and a warning diagnosis, and it needs attention', () => {
    expect(serverActions('degraded')).toEqual(['stop', 'restart']);
    expect(serverTone('degraded')).toBe('warn');
    expect(reasonTone('degraded')).toBe('warn');
    expect(needsAttention('degraded')).toBe(true);
    expect(hasSession('degraded')).toBe(true);
  });

  it('offers Start once nothing runs or will run by itself, Stop while it is starting or up; Restart always', () => {
    const offers = (status: McpStatus) => serverActions(status)[0];
    expect(['stopped', 'exited', 'crash-loop'].map((s) => offers(s as McpStatus))).toEqual(['start', 'start', 'start']);
    expect(['starting', 'ready', 'degraded', 'backoff'].map((s) => offers(s as McpStatus))).toEqual(['stop', 'stop', 'stop', 'stop']);
    for (const status of ['stopped', 'starting', 'ready', 'degraded', 'exited', 'backoff', 'crash-loop'] as const) expect(serverActions(status)).toContain('restart');
  });

  it('failed states are the error tone with a red diagnosis; progress notes stay plain', () => {
    expect([serverTone('exited'), serverTone('crash-loop')]).toEqual(['bad', 'bad']);
    expect([reasonTone('exited'), reasonTone('crash-loop')]).toEqual(['bad', 'bad']);
    expect([serverTone('ready'), serverTone('starting'), serverTone('stopped')]).toEqual(['ok', 'busy', 'idle']);
    expect([reasonTone('ready'), reasonTone('starting'), reasonTone('stopped')]).toEqual([undefined, undefined, undefined]);
    expect(needsAttention('ready')).toBe(false);
  });

  it('says how a server exited and how often it failed', () => {
    expect(serverStatusLabel(server('exited', { exitCode: 1 }), now)).toBe('exited (code 1)');
    expect(serverStatusLabel(server('exited', { exitCode: null, exitSignal: 'SIGKILL' }), now)).toBe('exited (SIGKILL)');
    expect(serverStatusLabel(server('exited'), now)).toBe('exited');
    expect(serverStatusLabel(server('crash-loop', { failures: 1 }), now)).toBe('crash-loop · 1 failure');
    expect(serverStatusLabel(server('crash-loop', { failures: 5 }), now)).toBe('crash-loop · 5 failures');
    expect(serverStatusLabel(server('ready'), now)).toBe('ready');
  });
});
