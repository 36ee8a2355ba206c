import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import type { Page } from 'playwright-core';

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

/**
 * A page's renderer CPU, read from the page itself (CDP Performance.getMetrics "ProcessTime":
 * the CPU time of the process that renders it; each page is opened in its own browser
 * context, so in its own process). Not by picking the process from Chromium's list as the
 * one that grows while the page spins: Chromium also keeps spare renderer processes, and in
 * a trial with six replay pages that way read ~0 % for some pages that were drawing a frame
 * a second, where their own ProcessTime read ~1 %, as did every process counted by elimination.
 */
export async function rendererCpu(page: Page): Promise<() => Promise<number>> {
  const session = await page.context().newCDPSession(page);
  await session.send('Performance.enable');
  return async () => {
    const { metrics } = await session.send('Performance.getMetrics');
    const time = metrics.find((m) => m.name === 'ProcessTime')?.value;
    if (time === undefined) throw new Error('Chromium did not report ProcessTime for a page: no renderer CPU figure');
    return time;
  };
}
