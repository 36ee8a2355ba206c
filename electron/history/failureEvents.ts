import { severityRank, type StackEvent } from '../../shared/stackEvents.js';

/** Log lines kept with a failure event: the crash's stderr tail, the container's last words. */
export const evidenceLineCount = 50;

/**
 * A process's last stderr lines can reach the log hub just after its exit is
 * seen: lines up to this long after the event still count as its evidence.
 */
export const evidenceGraceMs = 750;

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
      return d.state === 'exited' || d.state === 'backoff' || d.state === 'crash-loop';
    case 'probe.status':
      return d.status === 'down';
    default:
      return false;
  }
}
