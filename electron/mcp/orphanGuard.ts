import type { Disposable } from '../base/disposable.js';
import { GroupLedger } from './groupLedger.js';
import { OrphanWatchdog, type WatchdogEvents } from './orphanWatchdog.js';
import { processRow } from './processTable.js';

/** An MCP server's process group, as the supervisor reports it when it starts. */
export interface StartedGroup {
  server: string;
  /** The leader's pid, which is the group's id. */
  pgid: number;
  /** The command line, arguments masked. */
  command: string;
  /** ms since epoch */
  startedAt: number;
}

/** Told of each MCP process group when it starts and once it is gone. */
export interface GroupTracker {
  started(group: StartedGroup): void;
  ended(pgid: number): void;
}

export const untrackedGroups: GroupTracker = { started() {}, ended() {} };

/**
 * Makes sure no MCP server outlives Switchboard unnoticed: the watchdog ends
 * the groups when Switchboard dies, and the ledger records them so the next
 * start can report any that survived even the watchdog. Without a usable
 * runtime folder (`folder` undefined) only the watchdog runs.
 */
export class OrphanGuard implements GroupTracker, Disposable {
  private readonly ledger: GroupLedger | undefined;
  private readonly watchdog: OrphanWatchdog;

  constructor(folder: string | undefined, trouble: (text: string) => void) {
    const self = processRow(process.pid);
    this.ledger = folder && self ? new GroupLedger(folder, { pid: self.pid, startKey: self.startKey }, (m) => trouble(`could not record MCP process groups: ${m}`)) : undefined;
    const events: WatchdogEvents = {
      started: (pid) => {
        const row = processRow(pid);
        this.ledger?.setWatchdog(row ? { pid, startKey: row.startKey } : undefined);
      },
      trouble: (text) => trouble(`the MCP orphan watchdog ${text}`),
    };
    this.watchdog = new OrphanWatchdog(events);
  }

  started(group: StartedGroup): void {
    this.watchdog.watch(group.pgid);
    const leader = processRow(group.pgid);
    // called in the tick that spawned it: the leader is listed (at worst as a zombie Node has not reaped yet)
    if (leader) this.ledger?.add({ ...group, leaderStartKey: leader.startKey });
  }

  ended(pgid: number): void {
    this.watchdog.unwatch(pgid);
    this.ledger?.remove(pgid);
  }

  dispose(): void {
    this.watchdog.dispose();
  }
}
