import type { Tone } from '../components/StatusPill.js';
import type { McpServerState, McpStatus } from '../../shared/contract/mcp.js';
import { formatDuration } from '../components/time.js';

/**
 * How an MCP server's state is shown and acted on, decided once for every screen
 * that shows a server (the MCP screen's rows and the Overview's card).
 */

/** The pill colour of a state. */
export function serverTone(status: McpStatus): Tone {
  switch (status) {
    case 'ready':
      return 'ok';
    case 'starting':
    case 'backoff':
      return 'busy';
    case 'degraded':
      return 'warn';
    case 'stopped':
      return 'idle';
    case 'exited':
    case 'crash-loop':
      return 'bad';
  }
}

/** "exited (code 1)", "backoff · retry in 4 s", "crash-loop · 5 failures": the state in the operator's words. */
export function serverStatusLabel(s: Pick<McpServerState, 'status' | 'exitCode' | 'exitSignal' | 'nextAttemptAt' | 'failures'>, now: number): string {
  if (s.status === 'exited') {
    if (s.exitSignal) return `exited (${s.exitSignal})`;
    if (s.exitCode !== undefined && s.exitCode !== null) return `exited (code ${s.exitCode})`;
  }
  if (s.status === 'backoff' && s.nextAttemptAt) return `backoff · retry in ${formatDuration(Math.max(0, s.nextAttemptAt - now))}`;
  if (s.status === 'crash-loop') return `crash-loop · ${s.failures} ${s.failures === 1 ? 'failure' : 'failures'}`;
  return s.status;
}

/** The state in words that do not tick with the clock ("backoff", not "backoff · retry in 4 s"): what a change announces. */
export function serverStatusWord(s: Pick<McpServerState, 'status' | 'exitCode' | 'exitSignal' | 'nextAttemptAt' | 'failures'>): string {
  return s.status === 'backoff' ? 'backoff' : serverStatusLabel(s, 0);
}

/** A server that is failing and whose reason is a diagnosis, not a progress note. */
export function needsAttention(status: McpStatus): boolean {
  return status === 'exited' || status === 'crash-loop' || status === 'backoff' || status === 'degraded';
}

/** The colour of the reason line: a diagnosis stands out, a degraded one as a warning; progress notes stay plain. */
export function reasonTone(status: McpStatus): 'bad' | 'warn' | undefined {
  if (!needsAttention(status)) return undefined;
  return status === 'degraded' ? 'warn' : 'bad';
}

export type ServerAction = 'start' | 'stop' | 'restart';

/**
 * Start or Stop, then Restart, which works from every state. A server in backoff
 * will start again by itself, so it offers Stop (which cancels that) rather than Start.
 */
export function serverActions(status: McpStatus): ServerAction[] {
  const goingOrUp = status === 'starting' || status === 'ready' || status === 'degraded' || status === 'backoff';
  return [goingOrUp ? 'stop' : 'start', 'restart'];
}

/** Its tools can be listed and called: the session is up, even while pings go unanswered. */
export function hasSession(status: McpStatus): boolean {
  return status === 'ready' || status === 'degraded';
}
