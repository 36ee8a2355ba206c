import { describe, expect, it } from 'vitest';
import type { McpLeftover } from '../../../shared/contract/mcp.js';
import { endOutcome, leftoverKey, leftoversHeadline, nameAll, pidList, processCountText } from '../../../renderer/mcp/leftoverText.js';

const leftover = (server: string, pids: number[], more: Partial<McpLeftover> = {}): McpLeftover => ({
  server,
  pids,
  pgid: pids[0]!,
  command: `./wrappers/${server}.sh`,
  startedAt: 1_700_000_000_000,
  runPid: 4711,
  ...more,
});

describe('how the MCP screen words what an earlier Switchboard run left running', () => {
  it('counts processes, not groups, in the headline, and says "runs" when more than one run left something', () => {
    expect(leftoversHeadline([leftover('postgres', [123, 124])])).toBe('2 processes left running by an earlier Switchboard run');
    expect(leftoversHeadline([leftover('git', [9])])).toBe('1 process left running by an earlier Switchboard run');
    expect(leftoversHeadline([leftover('git', [9]), leftover('search', [10], { runPid: 99 })])).toBe('2 processes left running by earlier Switchboard runs');
    expect(processCountText([leftover('git', [9]), leftover('search', [10, 11])])).toBe('3 processes');
  });

  it('names leftovers with their pids, joined as a sentence', () => {
    expect(pidList([7])).toBe('pid 7');
    expect(nameAll([leftover('postgres', [123, 124])])).toBe('postgres (pids 123, 124)');
    expect(nameAll([leftover('a', [1]), leftover('b', [2, 3]), leftover('c', [4])])).toBe('a (pid 1), b (pids 2, 3) and c (pid 4)');
  });

  it('says what an end request ended, what still runs, and when there was nothing left to end', () => {
    const postgres = leftover('postgres', [123, 124]);
    const stuck = leftover('search', [7]);
    expect(endOutcome({ ended: [postgres], stillRunning: [] })).toEqual({ ended: 'Ended postgres (pids 123, 124)', stillRunning: null, alreadyGone: false });
    expect(endOutcome({ ended: [postgres], stillRunning: [stuck] })).toEqual({
      ended: 'Ended postgres (pids 123, 124)',
      stillRunning: 'Still running: search (pid 7)',
      alreadyGone: false,
    });
    expect(endOutcome({ ended: [], stillRunning: [] })).toEqual({ ended: null, stillRunning: null, alreadyGone: true });
  });

  it('tells a reused group id from the dismissed leftover by its run and start time', () => {
    expect(leftoverKey(leftover('a', [5]))).not.toBe(leftoverKey(leftover('a', [5], { startedAt: 1_700_000_100_000 })));
    expect(leftoverKey(leftover('a', [5]))).not.toBe(leftoverKey(leftover('a', [5], { runPid: 1 })));
  });
});
