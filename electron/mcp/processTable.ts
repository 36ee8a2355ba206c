import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** One process as the OS lists it: enough to tell a leftover group from a pid that was reused. */
export interface ProcessRow {
  pid: number;
  ppid: number;
  pgid: number;
  zombie: boolean;
  /** Equal for the same process and different after a pid is reused (start time, plus the boot on Linux). */
  startKey: string;
  /** When it started, ms since epoch (to the clock tick on Linux, to the second elsewhere). */
  startedAtMs: number;
}

/** Every process on the machine; empty where we cannot list them (Windows, which has no process groups either). */
export function processTable(): ProcessRow[] {
  if (process.platform === 'linux') return procRows();
  if (process.platform === 'win32') return [];
  return psRows();
}

/** One process, or undefined when no such process runs. */
export function processRow(pid: number): ProcessRow | undefined {
  if (process.platform === 'linux') return procRow(pid, linuxBoot());
  return processTable().find((row) => row.pid === pid);
}

/** True when `pid` still is the process recorded with `startKey` (not gone, not reused). */
export function stillRunning(pid: number, startKey: string | undefined): boolean {
  const row = processRow(pid);
  return row !== undefined && !row.zombie && row.startKey === startKey;
}

interface LinuxBoot {
  id: string;
  /** Boot time, seconds since epoch. */
  btime: number;
}

let boot: LinuxBoot | undefined;
function linuxBoot(): LinuxBoot {
  boot ??= {
    id: readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim(),
    btime: Number(/^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'))?.[1] ?? 0),
  };
  return boot;
}

// /proc/<pid>/stat counts start time in USER_HZ ticks since boot, 100 a second on every Linux
const ticksPerSecond = 100;

function procRows(): ProcessRow[] {
  const machine = linuxBoot();
  const rows: ProcessRow[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const row = procRow(Number(entry), machine);
    if (row) rows.push(row);
  }
  return rows;
}

function procRow(pid: number, machine: LinuxBoot): ProcessRow | undefined {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined; // gone, or never was
  }
  // fields after the parenthesised command: state ppid pgrp session … starttime is the 20th
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[19]);
  return {
    pid,
    ppid: Number(fields[1]),
    pgid: Number(fields[2]),
    zombie: fields[0] === 'Z',
    startKey: `${machine.id}/${ticks}`,
    startedAtMs: (machine.btime + ticks / ticksPerSecond) * 1000,
  };
}

function psRows(): ProcessRow[] {
  // LC_ALL=C keeps lstart in one format: "Tue Nov 26 10:00:00 2026"
  const listed = spawnSync('ps', ['-A', '-o', 'pid=,ppid=,pgid=,stat=,lstart='], { encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' }, timeout: 10_000 });
  return listed.status === 0 ? parsePsRows(listed.stdout) : [];
}

/** Parses `ps -A -o pid=,ppid=,pgid=,stat=,lstart=` output (macOS and the BSDs). */
export function parsePsRows(text: string): ProcessRow[] {
  const rows: ProcessRow[] = [];
  for (const line of text.split('\n')) {
    const [pid, ppid, pgid, state, ...started] = line.trim().split(/\s+/);
    if (!pid || !/^\d+$/.test(pid) || started.length < 5) continue;
    const lstart = started.join(' ');
    rows.push({
      pid: Number(pid),
      ppid: Number(ppid),
      pgid: Number(pgid),
      zombie: state?.startsWith('Z') ?? false,
      startKey: lstart,
      startedAtMs: Date.parse(lstart),
    });
  }
  return rows;
}
