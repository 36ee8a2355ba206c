import http from 'node:http';
import { cpuMs } from './report.js';

/** What a reference does for one GET: call `done` once the whole answer is read. */
type OneRequest = (done: () => void) => void;

/** `perSecond` requests a second at evenly spread phases for `seconds`, after 2 s of warm-up: CPU per answered request. */
async function cpuPerRequest(one: OneRequest, perSecond: number, seconds: number): Promise<{ requests: number; cpuMsEach: number }> {
  let requests = 0;
  const count = () => requests++;
  const timers: NodeJS.Timeout[] = [];
  for (let i = 0; i < perSecond; i++) timers.push(setTimeout(() => timers.push(setInterval(() => one(count), 1000)), (i * 1000) / perSecond));
  await new Promise((r) => setTimeout(r, 2_000)); // sockets open, JIT warm
  requests = 0;
  const cpu0 = cpuMs();
  await new Promise((r) => setTimeout(r, seconds * 1_000));
  const cpu = cpuMs() - cpu0;
  const counted = requests;
  timers.forEach((t) => clearTimeout(t));
  return { requests: counted, cpuMsEach: cpu / Math.max(1, counted) };
}

/**
 * The reference for "CPU per probe sample": the same number of plain GETs on a
 * keep-alive agent against the same URL, at the same rate and phases, with
 * nothing done with the answer. What a probe costs above this is ours.
 */
export async function bareRequestCpu(target: string, perSecond: number, seconds: number): Promise<{ requests: number; cpuMsEach: number }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const url = new URL(target);
  try {
    return await cpuPerRequest((done) => {
      const req = http.request(url, { agent }, (res) => {
        res.resume();
        res.on('end', done);
      });
      req.on('error', () => {});
      req.end();
    }, perSecond, seconds);
  } finally {
    agent.destroy();
  }
}

interface UndiciPool {
  request(options: { path: string; method: 'GET' }): Promise<{ body: { dump(): Promise<void> } }>;
  close(): Promise<void>;
}

/**
 * The candidate client: the npm `undici` package's Pool.request, same URL, rate and phases.
 * Undefined when the package is not installed (it is not a dependency yet: the figure is what it would take).
 */
export async function undiciRequestCpu(target: string, perSecond: number, seconds: number): Promise<{ requests: number; cpuMsEach: number } | undefined> {
  // BENCH_UNDICI: a path to try a copy installed elsewhere (npm install --prefix), before it is a dependency.
  const name = process.env.BENCH_UNDICI ?? 'undici';
  let Pool: new (origin: string, options: { connections: number }) => UndiciPool;
  try {
    ({ Pool } = (await import(name)) as { Pool: typeof Pool });
  } catch {
    return undefined;
  }
  const url = new URL(target);
  const pool = new Pool(url.origin, { connections: 64 });
  try {
    return await cpuPerRequest((done) => {
      pool.request({ path: url.pathname, method: 'GET' }).then((res) => res.body.dump().then(done), () => {});
    }, perSecond, seconds);
  } finally {
    await pool.close();
  }
}
