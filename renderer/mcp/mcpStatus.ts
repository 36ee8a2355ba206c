import type { Tone } from '../components/StatusPill.js';
import type { McpServerState, McpStatus } from '../../shared/contract/mcp.js';
import { formatDuration } from '../components/time.js';

/** Same colours as the Overview card, so a state looks the same everywhere. */
export function mcpStatusTone(status: McpStatus): Tone {
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

/** A server that is failing and whose reason is a diagnosis, not a progress note. */
export function isFailing(s: McpServerState): boolean {
  return s.status === 'exited' || s.status === 'crash-loop' || s.status === 'backoff' || s.status === 'degraded';
}

export function isRunning(s: McpServerState): boolean {
  return s.status === 'starting' || s.status === 'ready' || s.status === 'degraded';
}

/** "exited (code 1)", "backoff · next try in 4 s", "crash-loop · 5 failures". */
export function statusLabel(s: McpServerState, now: number): string {
  if (s.status === 'exited') {
    if (s.exitSignal) return `exited (${s.exitSignal})`;
    if (s.exitCode !== undefined && s.exitCode !== null) return `exited (code ${s.exitCode})`;
  }
  if (s.status === 'backoff' && s.nextAttemptAt) return `backoff · retry in ${formatDuration(Math.max(0, s.nextAttemptAt - now))}`;
  if (s.status === 'crash-loop') return `crash-loop · ${s.failures} ${s.failures === 1 ? 'failure' : 'failures'}`;
  return s.status;
}
