import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { GroupLedger, type ProcessId, type RecordedGroup } from '../../../electron/mcp/groupLedger.js';
import { Leftovers } from '../../../electron/mcp/leftovers.js';
import { parsePsRows, processRow } from '../../../electron/mcp/processTable.js';
import { waitFor } from '../../support/waitFor.js';

describe('leftovers of earlier runs are found only where the recorded processes still run', { timeout: 60_000 }, () => {
  let folder: string;
  let sleeper: ChildProcess;
  /** A pid whose process has ended: a run that died. */
  let deadRun: ProcessId;

  beforeEach(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'switchboard-leftovers-'));
    // its own process group, as an MCP server is
    sleeper = spawn('sleep', ['60'], { detached: true, stdio: 'ignore' });
    deadRun = { pid: spawnSync('true').pid, startKey: 'a run that died' };
  });
  afterEach(() => {
    sleeper.kill('SIGKILL');
    rmSync(folder, { recursive: true, force: true });
  });

  function record(run: ProcessId, group: Partial<RecordedGroup> = {}): void {
    const leader = processRow(sleeper.pid!)!;
    new GroupLedger(folder, run, (m) => expect.fail(m)).add({
      server: 'sleeper',
      command: 'sleep 60',
      pgid: sleeper.pid!,
      leaderStartKey: leader.startKey,
      startedAt: leader.startedAtMs,
      ...group,
    });
  }

  it('lists a group whose dead run recorded it, with its live pids, and ends it on request', async () => {
    record(deadRun);
    const leftovers = new Leftovers(folder);
    expect(leftovers.list()).toEqual([
      { server: 'sleeper', command: 'sleep 60', pgid: sleeper.pid, pids: [sleeper.pid], startedAt: expect.any(Number), runPid: deadRun.pid },
    ]);
    const result = await leftovers.end();
    expect(result.ended.map((l) => l.pgid)).toEqual([sleeper.pid]);
    await waitFor('the sleeper to be reaped', () => sleeper.exitCode !== null || sleeper.signalCode !== null);
    expect(leftovers.list()).toEqual([]);
    // the record of a run with nothing left is removed
    expect(readdirSync(folder)).toEqual([]);
  });

  it('does not take a reused pid for a leftover: another leader start time, or a member older than the group', () => {
    record(deadRun, { leaderStartKey: 'some earlier process with this pid' });
    expect(new Leftovers(folder).list()).toEqual([]);
    record(deadRun, { leaderStartKey: processRow(sleeper.pid!)!.startKey, startedAt: Date.now() + 60_000 });
    expect(new Leftovers(folder).list()).toEqual([]);
    expect(sleeper.exitCode).toBeNull();
  });

  it('leaves alone the groups of a Switchboard that is still running', () => {
    const self = processRow(process.pid)!;
    record({ pid: self.pid, startKey: self.startKey });
    expect(new Leftovers(folder).list()).toEqual([]);
    expect(readdirSync(folder)).toHaveLength(1);
  });

  it('reads the process table from ps the same way as from /proc (macOS has no /proc)', () => {
    const listed = spawnSync('ps', ['-A', '-o', 'pid=,ppid=,pgid=,stat=,lstart='], { encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' } });
    const row = parsePsRows(listed.stdout).find((r) => r.pid === sleeper.pid);
    const proc = processRow(sleeper.pid!)!;
    expect(row).toMatchObject({ pid: proc.pid, ppid: proc.ppid, pgid: proc.pgid, zombie: false });
    expect(Math.abs(row!.startedAtMs - proc.startedAtMs)).toBeLessThan(2000);
  });
});
