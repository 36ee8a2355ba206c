import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';

/** user+system CPU of a process so far, in ms (from /proc, clock ticks of 10 ms). */
export function processCpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** Open file descriptors of a process (sockets, pipes, files), from /proc. */
export function openFds(pid: number): number {
  return readdirSync(`/proc/${pid}/fd`).length;
}

/** The pid listening on a loopback port (the browser-mode server, which is Switchboard's main process). */
export async function pidOnPort(port: number): Promise<number> {
  const out = await new Promise<string>((resolve) => {
    const child = spawn('ss', ['-ltnpH', `sport = :${port}`]);
    let text = '';
    child.stdout.on('data', (d: Buffer) => (text += d.toString()));
    child.on('close', () => resolve(text));
  });
  const match = /pid=(\d+)/.exec(out);
  if (!match) throw new Error(`no process found listening on port ${port}`);
  return Number(match[1]);
}
