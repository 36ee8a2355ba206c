import http from 'node:http';
import net from 'node:net';
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

/**
 * The floor under any HTTP client: the same GET written as fixed bytes on a
 * kept-alive socket, done when as many bytes as the first answer had have
 * arrived. No parsing at all; what a probe costs above this is the client's.
 */
export async function rawSocketRequestCpu(target: string, perSecond: number, seconds: number): Promise<{ requests: number; cpuMsEach: number }> {
  const url = new URL(target);
  const request = Buffer.from(`GET ${url.pathname} HTTP/1.1\r\nHost: ${url.host}\r\n\r\n`);
  const idle: net.Socket[] = [];
  const all: net.Socket[] = [];
  // The answer's length, learnt from the first answer's head (the demo backend's /health answers are all one length).
  let answerBytes = 0;
  let first = Buffer.alloc(0);
  const one = (done: () => void) => {
    let socket = idle.pop();
    if (!socket) {
      socket = net.connect(Number(url.port), url.hostname);
      socket.setNoDelay(true);
      all.push(socket);
    }
    const s = socket;
    let got = 0;
    const onData = (chunk: Buffer) => {
      got += chunk.length;
      if (answerBytes === 0) {
        first = Buffer.concat([first, chunk]);
        const end = first.indexOf('\r\n\r\n');
        const length = /content-length: *(\d+)/i.exec(first.toString('latin1', 0, Math.max(0, end)));
        if (end < 0 || !length) return;
        answerBytes = end + 4 + Number(length[1]);
      }
      if (got < answerBytes) return;
      s.off('data', onData);
      idle.push(s);
      done();
    };
    s.on('data', onData);
    s.write(request);
  };
  try {
    return await cpuPerRequest(one, perSecond, seconds);
  } finally {
    all.forEach((s) => s.destroy());
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
