import type { EndLeftoversResult, McpLeftover } from '../../shared/contract/mcp.js';

/** "pid 123" or "pids 123, 124". */
export function pidList(pids: number[]): string {
  return `${pids.length === 1 ? 'pid' : 'pids'} ${pids.join(', ')}`;
}

/** "postgres (pids 123, 124)": how a leftover is named wherever it is mentioned. */
export function leftoverName(l: Pick<McpLeftover, 'server' | 'pids'>): string {
  return `${l.server} (${pidList(l.pids)})`;
}

export function processCount(leftovers: Pick<McpLeftover, 'pids'>[]): number {
  return leftovers.reduce((sum, l) => sum + l.pids.length, 0);
}

/** "1 process", "3 processes". */
export function processCountText(leftovers: Pick<McpLeftover, 'pids'>[]): string {
  const n = processCount(leftovers);
  return `${n} ${n === 1 ? 'process' : 'processes'}`;
}

/** The panel's title: "3 processes left running by an earlier Switchboard run" (runs, when several died). */
export function leftoversHeadline(leftovers: Pick<McpLeftover, 'pids' | 'runPid'>[]): string {
  const runs = new Set(leftovers.map((l) => l.runPid)).size;
  return `${processCountText(leftovers)} left running by ${runs > 1 ? 'earlier Switchboard runs' : 'an earlier Switchboard run'}`;
}

/** "postgres (pid 1), search (pids 2, 3) and git (pid 4)". */
export function nameAll(leftovers: Pick<McpLeftover, 'server' | 'pids'>[]): string {
  const names = leftovers.map(leftoverName);
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

export interface EndOutcome {
  /** "Ended postgres (pids 123, 124)", or null when nothing ended. */
  ended: string | null;
  /** "Still running: search (pid 7)", or null when everything chosen ended. */
  stillRunning: string | null;
  /** Everything chosen had exited on its own before the signals: nothing to end. */
  alreadyGone: boolean;
}

/** What an end request did, in the operator's words. */
export function endOutcome(result: EndLeftoversResult): EndOutcome {
  return {
    ended: result.ended.length ? `Ended ${nameAll(result.ended)}` : null,
    stillRunning: result.stillRunning.length ? `Still running: ${nameAll(result.stillRunning)}` : null,
    alreadyGone: result.ended.length === 0 && result.stillRunning.length === 0,
  };
}

/** One leftover's identity across checks: a group id alone could be reused by a later group. */
export function leftoverKey(l: Pick<McpLeftover, 'runPid' | 'pgid' | 'startedAt'>): string {
  return `${l.runPid}/${l.pgid}/${l.startedAt}`;
}
