import { severityRank, type StackEvent } from '../../shared/stackEvents.js';

/** Log lines kept with a failure event: the crash's stderr tail, the container's last words. */
export const evidenceLineCount = 50;

/**
 * Whether an event is a failure worth its source's last log lines: anything
 * at error or worse, plus the failures a publisher may rank lower (a non-zero
 * exit that was asked for, an OOM kill, a crashed server, a probe gone down).
 */
export function isFailure(event: StackEvent): boolean {
  if (severityRank[event.severity] >= severityRank.error) return true;
  const d = event.details ?? {};
  switch (event.kind) {
    case 'container.oom':
      return true;
    case 'container.die':
      return typeof d.exitCode === 'number' && d.exitCode !== 0;
    case 'mcp.state':
      return d.state === 'crashed' || d.state === 'crash-loop';
    case 'probe.status':
      return d.status === 'down';
    default:
      return false;
  }
}
