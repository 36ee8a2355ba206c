import http from 'node:http';
import { cpuMs } from './report.js';

/**
 * The reference for "CPU per probe sample": the same number of plain GETs on a
 * keep-alive agent against the same URL, at the same rate and phases, with
 * nothing done with the answer. What a probe costs above this is ours.
 */
export async function bareRequestCpu(target: string, perSecond: number, seconds: number): Promise<{ requests: number; cpuMsEach: number }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const url = new URL(target);
  let requests = 0;
  const one = () => {
    const req = http.request(url, { agent }, (res) => {
      res.resume();
      res.on('end', () => requests++);
    });
    req.on('error', () => {});
    req.end();
  };
  const timers: NodeJS.Timeout[] = [];
  for (let i = 0; i < perSecond; i++) timers.push(setTimeout(() => timers.push(setInterval(one, 1000)), (i * 1000) / perSecond));
  await new Promise((r) => setTimeout(r, 2_000)); // sockets open, JIT warm
  requests = 0;
  const cpu0 = cpuMs();
  await new Promise((r) => setTimeout(r, seconds * 1_000));
  const cpu = cpuMs() - cpu0;
  const counted = requests;
  timers.forEach((t) => clearTimeout(t));
  agent.destroy();
  return { requests: counted, cpuMsEach: cpu / Math.max(1, counted) };
}
