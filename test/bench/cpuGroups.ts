import { readFileSync, readdirSync } from 'node:fs';

/** CPU time (user + system, ms) of the processes a benchmark cares about, each with its descendants. */
export interface CpuGroups {
  /** Switchboard's main process (the browser-mode server). */
  server: number;
  /** Every other process the benchmark started (Chromium's browser, renderer and GPU processes). */
  browser: number;
  /** dockerd, containerd and the container shims with everything under them (the container's processes). */
  engine: number;
  /** All CPUs, busy time, from /proc/stat. */
  machine: number;
}

const tickMs = 10;

function processes(): { pid: number; ppid: number; comm: string; cpuMs: number }[] {
  const all = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // utime, stime and the reaped children's cutime, cstime (a container's `yes` and `head` end before the reading).
      const cpuMs = (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) * tickMs;
      all.push({ pid: Number(entry), ppid: Number(fields[1]), comm, cpuMs });
    } catch {
      // it ended while we looked
    }
  }
  return all;
}

function machineBusyMs(): number {
  const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/);
  const [user, nice, system, , , irq, softirq, steal] = fields.map(Number);
  return (user! + nice! + system! + irq! + softirq! + steal!) * tickMs;
}

/** A snapshot of the groups' CPU so far; subtract two to get what a phase cost. */
export function cpuGroups(serverPid: number, benchPid = process.pid): CpuGroups {
  const list = processes();
  const children = new Map<number, number[]>();
  for (const p of list) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p.pid]);
  const byPid = new Map(list.map((p) => [p.pid, p]));
  const tree = (roots: number[], skip = new Set<number>()): number => {
    let sum = 0;
    const stack = [...roots];
    while (stack.length) {
      const pid = stack.pop()!;
      if (skip.has(pid)) continue;
      sum += byPid.get(pid)?.cpuMs ?? 0;
      stack.push(...(children.get(pid) ?? []));
    }
    return sum;
  };
  const server = tree([serverPid]);
  const benchChildren = (children.get(benchPid) ?? []).filter((pid) => pid !== serverPid && byPid.get(pid)?.comm !== 'docker');
  const engineRoots = list.filter((p) => p.comm === 'dockerd' || p.comm === 'containerd' || p.comm.startsWith('containerd-shim')).map((p) => p.pid);
  // containerd's shims are children of containerd or of init: count each process once.
  const engine = tree(engineRoots.filter((pid) => !engineRoots.includes(byPid.get(pid)!.ppid)));
  return { server, browser: tree(benchChildren, new Set([serverPid])), engine, machine: machineBusyMs() };
}

export function cpuSpent(before: CpuGroups, after: CpuGroups): CpuGroups {
  return { server: after.server - before.server, browser: after.browser - before.browser, engine: after.engine - before.engine, machine: after.machine - before.machine };
}
