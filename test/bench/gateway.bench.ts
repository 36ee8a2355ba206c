/**
 * MCP gateway benchmarks (`npm run bench -- gateway`):
 * 1. added latency: sequential tools/call of server-everything's echo through the gateway vs the same
 *    call over stdio with the bare SDK (p50, p99; target: p50 added ≤ 1 ms), both SDK clients, the same
 *    payload and warm-up, in interleaved blocks of one run; beside them, for reading the figure, the HTTP
 *    floor: the same HTTP client against a server that answers at once (instantMcpHttp.mjs); all of it
 *    twice, with the SDK client on Node's fetch (undici) and on a keep-alive node:http fetch
 *    (keepAliveFetch.ts), so what the client's HTTP stack costs is told apart from what the gateway does;
 * 2. against supergateway (stateful Streamable HTTP) in front of the same server, the same SDK client,
 *    the same concurrency, in one run (targets: req/s ratio ≥ 1.0, p99 ratio ≤ 1.0);
 * 3. replicas: a CPU-bound tool (SPIN_MS of busy loop) from 4 sessions, 2 replicas vs 1 (target ≥ 1.6×).
 * Each gateway runs in a process of its own (gatewayHost.ts), as supergateway does.
 * Size: GATEWAY_BENCH_CALLS (default 2000), GATEWAY_BENCH_CONCURRENCY (8), GATEWAY_BENCH_SPIN_CALLS (200).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { FetchLike } from '@modelcontextprotocol/sdk/shared/transport.js';
import { keepAliveFetch } from './keepAliveFetch.js';
import { report, type Figure } from './report.js';

const calls = Number(process.env.GATEWAY_BENCH_CALLS ?? 2000);
const concurrency = Number(process.env.GATEWAY_BENCH_CONCURRENCY ?? 8);
const spinCalls = Number(process.env.GATEWAY_BENCH_SPIN_CALLS ?? 200);
const spinMs = 20;
const token = 'gateway-bench-token-0123456789';
const repoRoot = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const everything = { command: 'node', args: [path.join(repoRoot, 'node_modules/@modelcontextprotocol/server-everything/dist/index.js'), 'stdio'] };
const spinner = { command: 'node', args: [path.join(repoRoot, 'test/support/mcp/gatewayServer.mjs')] };
const tsx = path.join(repoRoot, 'node_modules/tsx/dist/cli.mjs');
const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))]!;

interface Run {
  ms: number[];
  seconds: number;
}

/** `n` calls of `tool`, `parallel` at a time on one client; each call's latency and the whole run's time. */
async function drive(client: Client, n: number, parallel: number, tool: string, args: Record<string, unknown>): Promise<Run> {
  const ms: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < n) {
        next++;
        const t = performance.now();
        await client.callTool({ name: tool, arguments: args });
        ms.push(performance.now() - t);
      }
    }),
  );
  return { ms, seconds: (performance.now() - started) / 1000 };
}

/** The SDK's HTTP client on Node's fetch (undici), or on `fetch` when given (keepAliveFetch.ts). */
async function httpClient(url: string, headers: Record<string, string> = {}, fetch?: FetchLike): Promise<Client> {
  const client = new Client({ name: 'bench', version: '1' });
  await client.connect(new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers }, ...(fetch ? { fetch } : {}) }));
  return client;
}

async function stdioClient(): Promise<Client> {
  const client = new Client({ name: 'bench', version: '1' });
  await client.connect(new StdioClientTransport({ ...everything, stderr: 'ignore' }));
  return client;
}

/** Starts gatewayHost.ts with the given servers; resolves with its base URL and a stop function. */
async function startGateway(mcpServers: Record<string, unknown>): Promise<{ url: string; stop: () => Promise<void> }> {
  const stack = { gateway: { port: 0, token }, mcpServers, logs: { linesPerSource: 10_000 } };
  const child = spawn(process.execPath, [tsx, path.join(repoRoot, 'test/bench/gatewayHost.ts')], {
    cwd: repoRoot,
    env: { ...process.env, GATEWAY_HOST_STACK: JSON.stringify(stack) },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const url = await lineMatching(child, /^GATEWAY (\S+)/m, 90_000);
  return { url, stop: () => ended(child, () => child.stdin!.end()) };
}

async function startSupergateway(): Promise<{ url: string; stop: () => Promise<void> }> {
  const port = await freePort();
  const command = [everything.command, ...everything.args].join(' ');
  const child = spawn(process.execPath, [path.join(repoRoot, 'node_modules/supergateway/dist/index.js'), '--stdio', command, '--outputTransport', 'streamableHttp', '--stateful', '--port', String(port), '--logLevel', 'info'], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  await lineMatching(child, /Listening on port|listening/i, 60_000);
  return { url: `http://127.0.0.1:${port}/mcp`, stop: () => ended(child, () => process.kill(-child.pid!, 'SIGTERM')) };
}

function lineMatching(child: ChildProcess, pattern: RegExp, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`no ${pattern} within ${timeoutMs} ms:\n${out}`)), timeoutMs);
    const read = (d: Buffer) => {
      out += d.toString();
      const m = pattern.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1] ?? m[0]);
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => reject(new Error(`exited (${code}) before ${pattern}:\n${out}`)));
  });
}

function ended(child: ChildProcess, stop: () => void): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    stop();
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}

/** instantMcpHttp.mjs in a process of its own; resolves with its URL and a stop function. */
async function startInstantServer(): Promise<{ url: string; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, [path.join(repoRoot, 'test/bench/instantMcpHttp.mjs')], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await lineMatching(child, /^INSTANT (\S+)/m, 30_000);
  return { url, stop: () => ended(child, () => child.kill('SIGTERM')) };
}

async function addedLatency(gatewayUrl: string): Promise<void> {
  const auth = { Authorization: `Bearer ${token}` };
  const nodeHttp = keepAliveFetch();
  const viaGateway = await httpClient(`${gatewayUrl}/everything`, auth);
  const bare = await stdioClient();
  const instant = await startInstantServer();
  const viaInstant = await httpClient(instant.url);
  // the same SDK client on a keep-alive node:http fetch: what undici costs the client, against both servers
  const viaGatewayNode = await httpClient(`${gatewayUrl}/everything`, auth, nodeHttp.fetch);
  const viaInstantNode = await httpClient(instant.url, {}, nodeHttp.fetch);
  const clients = { gw: viaGateway, stdio: bare, floor: viaInstant, gwNode: viaGatewayNode, floorNode: viaInstantNode };
  const ms = { gw: [] as number[], stdio: [] as number[], floor: [] as number[], gwNode: [] as number[], floorNode: [] as number[] };
  const args = { message: 'bench' };
  for (const client of Object.values(clients)) await drive(client, 100, 1, 'echo', args); // warm them all
  // interleaved blocks, so all see the same machine load
  for (let done = 0; done < calls; done += 100) {
    for (const [name, client] of Object.entries(clients)) ms[name as keyof typeof ms].push(...(await drive(client, 100, 1, 'echo', args)).ms);
  }
  await Promise.all(Object.values(clients).map((c) => c.close()));
  nodeHttp.close();
  await instant.stop();
  const p50 = (xs: number[]) => quantile(xs, 0.5);
  const p99 = (xs: number[]) => quantile(xs, 0.99);
  const stdio: Figure[] = [
    { label: 'bare SDK over stdio, p50', value: p50(ms.stdio), unit: 'ms' },
    { label: 'bare SDK over stdio, p99', value: p99(ms.stdio), unit: 'ms' },
  ];
  // one section per HTTP client, the same labels in each: the heading says which client it was
  const section = (client: string, gw: number[], floor: number[], extra: Figure[] = []) => {
    const added = p50(gw) - p50(ms.stdio);
    report(
      `gateway: added latency, ${gw.length} sequential tools/call echo (server-everything), ${client}`,
      [
        { label: 'through the gateway, p50', value: p50(gw), unit: 'ms' },
        { label: 'through the gateway, p99', value: p99(gw), unit: 'ms' },
        ...stdio,
        { label: 'added by the gateway, p50', value: added, unit: 'ms' },
        { label: 'added by the gateway, p99', value: p99(gw) - p99(ms.stdio), unit: 'ms' },
        { label: 'HTTP floor (same client, instant JSON server), p50', value: p50(floor), unit: 'ms' },
        { label: 'HTTP floor (same client, instant JSON server), p99', value: p99(floor), unit: 'ms' },
        { label: "gateway's own share (gateway − HTTP floor − stdio), p50", value: p50(gw) - p50(floor) - p50(ms.stdio), unit: 'ms' },
        ...extra,
      ],
      [{ label: `p50 added by the gateway (ms), ${client}`, value: added, target: '≤ 1', pass: added <= 1 }],
    );
  };
  section('SDK client on Node fetch', ms.gw, ms.floor, [
    { label: 'gateway p50 / stdio p50', value: p50(ms.gw) / p50(ms.stdio), unit: '×' },
    { label: 'gateway p99 / stdio p99', value: p99(ms.gw) / p99(ms.stdio), unit: '×' },
  ]);
  section('SDK client on keep-alive node:http', ms.gwNode, ms.floorNode);
}

async function againstSupergateway(gatewayUrl: string): Promise<void> {
  const args = { message: 'bench' };
  const ours = await httpClient(`${gatewayUrl}/everything`, { Authorization: `Bearer ${token}` });
  const reference = await startSupergateway();
  const theirs = await httpClient(reference.url);
  await drive(ours, 200, concurrency, 'echo', args);
  await drive(theirs, 200, concurrency, 'echo', args);
  const half = Math.max(100, Math.floor(calls / 2));
  const runs = { ours: [] as Run[], theirs: [] as Run[] };
  // two rounds each, alternated
  for (let round = 0; round < 2; round++) {
    runs.ours.push(await drive(ours, half, concurrency, 'echo', args));
    runs.theirs.push(await drive(theirs, half, concurrency, 'echo', args));
  }
  await Promise.all([ours.close(), theirs.close()]);
  await reference.stop();
  const rate = (rs: Run[]) => rs.reduce((n, r) => n + r.ms.length, 0) / rs.reduce((s, r) => s + r.seconds, 0);
  const p99 = (rs: Run[]) => quantile(rs.flatMap((r) => r.ms), 0.99);
  const rateRatio = rate(runs.ours) / rate(runs.theirs);
  const p99Ratio = p99(runs.ours) / p99(runs.theirs);
  report(
    `gateway vs supergateway: ${half * 2} tools/call echo each, concurrency ${concurrency}, one client session`,
    [
      { label: 'Switchboard gateway, requests/s', value: rate(runs.ours), unit: 'req/s' },
      { label: 'Switchboard gateway, p99', value: p99(runs.ours), unit: 'ms' },
      { label: 'supergateway (stateful streamableHttp), requests/s', value: rate(runs.theirs), unit: 'req/s' },
      { label: 'supergateway, p99', value: p99(runs.theirs), unit: 'ms' },
    ],
    [
      { label: 'requests/s gateway / supergateway', value: rateRatio, target: '≥ 1.0', pass: rateRatio >= 1 },
      { label: 'p99 gateway / supergateway', value: p99Ratio, target: '≤ 1.0', pass: p99Ratio <= 1 },
    ],
  );
}

async function replicas(): Promise<void> {
  const throughput = async (n: number) => {
    const host = await startGateway({ spin: { ...spinner, gateway: { replicas: n } } });
    try {
      const sessions = await Promise.all(Array.from({ length: 4 }, () => httpClient(`${host.url}/spin`, { Authorization: `Bearer ${token}` })));
      await Promise.all(sessions.map((c) => drive(c, 5, 1, 'spin', { ms: spinMs })));
      const started = performance.now();
      await Promise.all(sessions.map((c) => drive(c, Math.ceil(spinCalls / 4), 1, 'spin', { ms: spinMs })));
      const rate = (Math.ceil(spinCalls / 4) * 4) / ((performance.now() - started) / 1000);
      await Promise.all(sessions.map((c) => c.close()));
      return rate;
    } finally {
      await host.stop();
    }
  };
  const one = await throughput(1);
  const two = await throughput(2);
  report(
    `gateway replicas: ${spinCalls} calls of a ${spinMs} ms CPU-bound tool from 4 sessions`,
    [
      { label: '1 replica, calls/s', value: one, unit: 'calls/s' },
      { label: '2 replicas, calls/s', value: two, unit: 'calls/s' },
    ],
    [{ label: 'throughput 2 replicas / 1 replica', value: two / one, target: '≥ 1.6', pass: two / one >= 1.6 }],
  );
}

const host = await startGateway({ everything });
try {
  await addedLatency(host.url);
  await againstSupergateway(host.url);
} finally {
  await host.stop();
}
await replicas();
process.exit(0);
