import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const processId = z.strictObject({ pid: z.number().int().positive(), startKey: z.string() });

const recordedGroup = z.strictObject({
  server: z.string(),
  /** The command line, arguments masked. */
  command: z.string(),
  /** The group's leader, whose pid is also the group's id. */
  pgid: z.number().int().positive(),
  leaderStartKey: z.string(),
  /** ms since epoch, when this run started it. */
  startedAt: z.number(),
});

const ledgerSchema = z.strictObject({
  version: z.literal(1),
  run: processId,
  /** This run's orphan watchdog: while it lives, the run's groups are still being looked after. */
  watchdog: processId.optional(),
  groups: z.array(recordedGroup),
});

export type ProcessId = z.infer<typeof processId>;
export type RecordedGroup = z.infer<typeof recordedGroup>;
export type LedgerContent = z.infer<typeof ledgerSchema>;

const prefix = 'mcp-groups-';

/**
 * This run's record of its live MCP process groups: one small JSON file in the
 * private runtime folder, rewritten when a group starts or ends and removed
 * when none is left, so a file that stays behind means the run died with
 * groups running.
 */
export class GroupLedger {
  readonly file: string;
  private readonly groups = new Map<number, RecordedGroup>();
  private watchdog: ProcessId | undefined;
  private failed = false;

  constructor(
    folder: string,
    private readonly run: ProcessId,
    private readonly onWriteError: (message: string) => void,
  ) {
    // the random part keeps a later run that got the same pid from overwriting this record
    this.file = path.join(folder, `${prefix}${run.pid}-${randomBytes(4).toString('hex')}.json`);
  }

  add(group: RecordedGroup): void {
    this.groups.set(group.pgid, group);
    this.save();
  }

  remove(pgid: number): void {
    if (this.groups.delete(pgid)) this.save();
  }

  setWatchdog(watchdog: ProcessId | undefined): void {
    this.watchdog = watchdog;
    if (this.groups.size) this.save();
  }

  private save(): void {
    try {
      if (this.groups.size === 0) {
        unlinkSync(this.file);
        return;
      }
      const content: LedgerContent = { version: 1, run: this.run, watchdog: this.watchdog, groups: [...this.groups.values()] };
      const partial = `${this.file}.${process.pid}.tmp`;
      writeFileSync(partial, JSON.stringify(content), { mode: 0o600 });
      renameSync(partial, this.file); // a reader never sees half a file
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT' && this.groups.size === 0) return;
      if (!this.failed) this.onWriteError(`${this.file}: ${err instanceof Error ? err.message : String(err)}`);
      this.failed = true;
    }
  }
}

export interface LedgerFile {
  file: string;
  content: LedgerContent;
}

/** Every run's record in `folder`; unreadable or foreign files are skipped. */
export function readLedgers(folder: string): LedgerFile[] {
  const found: LedgerFile[] = [];
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return found;
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith('.json')) continue;
    const file = path.join(folder, name);
    try {
      const parsed = ledgerSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
      if (parsed.success) found.push({ file, content: parsed.data });
    } catch {
      // removed while we looked, or cut short by a crash mid-write
    }
  }
  return found;
}

/** Rewrites another (dead) run's record with only `groups`, or removes it when none is left. */
export function rewriteLedger(ledger: LedgerFile, groups: RecordedGroup[]): void {
  try {
    if (groups.length === 0) unlinkSync(ledger.file);
    else writeFileSync(ledger.file, JSON.stringify({ ...ledger.content, groups }), { mode: 0o600 });
  } catch {
    // another Switchboard starting at the same moment tidied it first
  }
}
