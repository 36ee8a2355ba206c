import { readdirSync, readFileSync } from 'node:fs';
import { waitFor } from './waitFor.js';

/** Live (not zombie) processes whose environment carries `marker` ("KEY=value"); children inherit it, so this finds orphans too. */
export function processesWith(marker: string): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (stateIn(stat) === 'Z') continue;
      if (readFileSync(`/proc/${entry}/environ`, 'utf8').split('\0').includes(marker)) found.push(Number(entry));
    } catch {
      // gone while we looked, or not ours to read
    }
  }
  return found;
}

/** A process's command line, arguments joined by spaces; empty once it is gone. */
export function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
  } catch {
    return '';
  }
}

/**
 * SIGSTOPs a process and returns once every one of its threads is stopped. kill() returns with the
 * stop only begun: the kernel wakes one thread to carry it out, and on a loaded machine that thread
 * can wait for a CPU while the others go on working (CI once had a "frozen" dockerd answer an
 * inspect 18 ms after the kill).
 */
export async function freezeProcess(pid: number): Promise<void> {
  process.kill(pid, 'SIGSTOP');
  await waitFor(`every thread of pid ${pid} to be stopped`, () => threadStates(pid).every((state) => state === 'T' || state === 't'), 10_000, 5);
}

/** The state letter of each of a process's threads (R, S, D, T…); a thread that ended while we looked counts as stopped. */
function threadStates(pid: number): string[] {
  return readdirSync(`/proc/${pid}/task`).map((tid) => {
    try {
      return stateIn(readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8'));
    } catch {
      return 'T';
    }
  });
}

/** The state letter of a /proc stat line: the field after the command name, which may itself hold ')'. */
function stateIn(stat: string): string {
  return stat.charAt(stat.lastIndexOf(')') + 2);
}
