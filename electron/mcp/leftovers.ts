import type { EndLeftoversResult, McpLeftover } from '../../shared/contract/mcp.js';
import { formatElapsed } from '../../shared/elapsed.js';
import { sourceId } from '../../shared/sourceId.js';
import type { AuditLog } from '../core/auditLog.js';
import { readLedgers, rewriteLedger, type ProcessId, type RecordedGroup } from './groupLedger.js';
import { signalGroup } from './processGroup.js';
import { processTable, type ProcessRow } from './processTable.js';

export interface LeftoverScan {
  leftovers: McpLeftover[];
  /** Earlier runs that ended without stopping their servers, none of which outlived them. */
  goneRuns: number[];
}

/** A member that started before the group's recorded start cannot belong to it: allows for ps's whole seconds. */
const startSlackMs = 2000;

/**
 * MCP process groups that earlier Switchboard runs recorded (groupLedger.ts)
 * and that still run although their run is gone: it was killed or crashed,
 * and its watchdog could not end them (it was killed too). A record counts
 * only while its processes are the ones recorded — same leader start time,
 * no member older than the group — so a reused pid is never taken for one.
 */
export class Leftovers {
  constructor(private readonly folder: string | undefined) {}

  /** Looks now; records whose groups are all gone are removed on the way. */
  scan(): LeftoverScan {
    const scan: LeftoverScan = { leftovers: [], goneRuns: [] };
    if (!this.folder) return scan;
    const table = processTable();
    const byPid = new Map(table.map((row) => [row.pid, row]));
    for (const ledger of readLedgers(this.folder)) {
      const { run, watchdog, groups } = ledger.content;
      // a running Switchboard, or a watchdog still ending its groups, is looking after them
      if (isRunning(run, byPid) || (watchdog && isRunning(watchdog, byPid))) continue;
      const kept: RecordedGroup[] = [];
      for (const group of groups) {
        const pids = membersOf(group, table);
        if (!pids.length) continue;
        kept.push(group);
        scan.leftovers.push({ server: group.server, command: group.command, pgid: group.pgid, pids, startedAt: group.startedAt, runPid: run.pid });
      }
      if (!kept.length) scan.goneRuns.push(run.pid);
      if (kept.length !== groups.length) rewriteLedger(ledger, kept);
    }
    return scan;
  }

  list(): McpLeftover[] {
    return this.scan().leftovers;
  }

  /** Ends the chosen leftovers (all without `pgids`) like a stop does: SIGTERM to each whole group, then SIGKILL. */
  async end(pgids?: number[]): Promise<EndLeftoversResult> {
    const chosen = this.list().filter((l) => !pgids || pgids.includes(l.pgid));
    const left = () => {
      const still = new Set(this.list().map((l) => l.pgid));
      return chosen.filter((l) => still.has(l.pgid));
    };
    for (const signal of ['SIGTERM', 'SIGKILL'] as const) {
      // checked again right before each signal: only groups that still are the recorded ones
      const targets = left();
      if (!targets.length) break;
      for (const leftover of targets) signalGroup(leftover.pgid, signal);
      await until(() => left().length === 0, 2000);
    }
    const stillRunning = left();
    const still = new Set(stillRunning.map((l) => l.pgid));
    return { ended: chosen.filter((l) => !still.has(l.pgid)), stillRunning };
  }
}

/** The log lines for what a start found: one warning per leftover, one note per run that died but left nothing. */
export function reportLeftovers(audit: AuditLog, scan: LeftoverScan, now = Date.now()): void {
  for (const runPid of scan.goneRuns) {
    audit.note(`an earlier Switchboard run (pid ${runPid}) ended without stopping its MCP servers; none of them outlived it`);
  }
  for (const l of scan.leftovers) {
    audit.note(
      `${sourceId.mcp(l.server)} left running by an earlier Switchboard run (pid ${l.runPid}) that was killed or crashed: ` +
        `pids ${l.pids.join(', ')} (process group ${l.pgid}), started ${formatElapsed(now - l.startedAt)} ago as ${l.command}; ` +
        `it may hold ports or files this run's servers need — end it with mcp.endLeftovers`,
      'warn',
    );
  }
}

function isRunning(id: ProcessId, byPid: Map<number, ProcessRow>): boolean {
  const row = byPid.get(id.pid);
  return row !== undefined && !row.zombie && row.startKey === id.startKey;
}

/** The live processes of the recorded group, or none when the group id now belongs to someone else. */
function membersOf(group: RecordedGroup, table: ProcessRow[]): number[] {
  const members = table.filter((row) => row.pgid === group.pgid);
  const leader = members.find((row) => row.pid === group.pgid);
  if (leader && leader.startKey !== group.leaderStartKey) return [];
  if (members.some((row) => row.startedAtMs < group.startedAt - startSlackMs)) return [];
  return members.filter((row) => !row.zombie).map((row) => row.pid);
}

async function until(done: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (done()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return done();
}
