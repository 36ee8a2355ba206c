/**
 * MCP benchmarks (`npx tsx test/bench/mcp.bench.ts`, or `npm run bench -- mcp`):
 * 1. restart: a ready server restarted through the supervisor (the Restart button's
 *    command: the old run's stop beside spawn + initialize, then lists) against a bare SDK client doing
 *    spawn + initialize of the same server, interleaved in the same run;
 * 2. idle: 20 supervised servers pinged every second for MCP_BENCH_IDLE_MINUTES
 *    (default 10): main-process CPU and heap, first vs last minute;
 * 3. flood: a server writing 100 MB to stderr into a real LogHub: main-process heap
 *    stays within the hub's cap.
 * MCP_BENCH_ONLY=restart,flood,idle runs some of them; MCP_FLOOD_MB (default 100) sizes the flood,
 * MCP_RESTART_ROUNDS (default 15) the restarts.
 */
import { spawn } from 'node:child_process';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { mcpServerSchema } from '../../electron/base/stackFile/mcp.js';
import { discardLogs } from '../../electron/core/logWriter.js';
import { LogHub } from '../../electron/logs/logHub.js';
import { McpSupervisor } from '../../electron/mcp/supervisor.js';
import { cpuMs, report } from './report.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const mib = (bytes: number) => bytes / 1024 / 1024;
const repoRoot = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const memoryServer = path.join(repoRoot, 'node_modules/@modelcontextprotocol/server-memory/dist/index.js');
const rawServer = path.join(repoRoot, 'test/support/mcp/rawServer.mjs');
const work = mkdtempSync(path.join(tmpdir(), 'switchboard-mcp-bench-'));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function settledHeap(): number {
  for (let i = 0; i < 3; i++) gc();
  return process.memoryUsage().heapUsed;
}

async function bareSpawnInitialize(memoryFile: string): Promise<number> {
  const started = performance.now();
  const transport = new StdioClientTransport({ command: 'node', args: [memoryServer], env: { ...process.env, MEMORY_FILE_PATH: memoryFile } as Record<string, string>, stderr: 'pipe' });
  const client = new Client({ name: 'bench', version: '1' });
  await client.connect(transport);
  const ms = performance.now() - started;
  await client.close();
  return ms;
}

/** The SDK's own restart: close the running client (stdin closed, waits for the exit, as the spec asks), then spawn + initialize. */
async function bareSdkRestart(memoryFile: string, running: { client: Client }): Promise<number> {
  const started = performance.now();
  await running.client.close();
  const transport = new StdioClientTransport({ command: 'node', args: [memoryServer], env: { ...process.env, MEMORY_FILE_PATH: memoryFile } as Record<string, string>, stderr: 'pipe' });
  running.client = new Client({ name: 'bench', version: '1' });
  await running.client.connect(transport);
  return performance.now() - started;
}

async function restartBench() {
  const rounds = Number(process.env.MCP_RESTART_ROUNDS ?? 15);
  const memoryFile = path.join(work, 'restart.jsonl');
  const supervisor = new McpSupervisor({ logs: discardLogs, baseDir: repoRoot });
  await supervisor.setServers({ memory: mcpServerSchema.parse({ command: 'node', args: [memoryServer], env: { MEMORY_FILE_PATH: memoryFile } }) });
  while (supervisor.get('memory').status !== 'ready') await sleep(20);
  const ours: number[] = [];
  const listed: number[] = [];
  const bare: number[] = [];
  const bareRestart: number[] = [];
  await bareSpawnInitialize(memoryFile); // warm the file cache for both
  const running = { client: new Client({ name: 'bench', version: '1' }) };
  await running.client.connect(new StdioClientTransport({ command: 'node', args: [memoryServer], env: { ...process.env, MEMORY_FILE_PATH: memoryFile } as Record<string, string>, stderr: 'pipe' }));
  for (let i = 0; i < rounds; i++) {
    const started = performance.now();
    const state = await supervisor.restart('memory');
    if (state.status !== 'ready') throw new Error(`restart ended ${state.status}: ${state.reason}`);
    ours.push(performance.now() - started);
    // tools, resources and prompts are fetched right after ready
    while (supervisor.get('memory').tools.length === 0) await sleep(1);
    listed.push(performance.now() - started);
    bare.push(await bareSpawnInitialize(memoryFile));
    bareRestart.push(await bareSdkRestart(memoryFile, running));
  }
  await running.client.close();
  await supervisor.disposeAsync();
  const ratio = median(ours) / median(bare);
  report(
    'mcp: restart of a ready server (server-memory)',
    [
      { label: `supervisor restart → ready, median of ${rounds}`, value: median(ours), unit: 'ms' },
      { label: 'supervisor restart → ready, max', value: Math.max(...ours), unit: 'ms' },
      { label: 'supervisor restart → ready with tools listed, median', value: median(listed), unit: 'ms' },
      { label: `bare SDK spawn + initialize, median of ${rounds}`, value: median(bare), unit: 'ms' },
      { label: `bare SDK restart (close, waiting for the exit, + spawn + initialize), median`, value: median(bareRestart), unit: 'ms' },
    ],
    [
      { label: 'restart through Switchboard / bare SDK spawn+initialize', value: ratio, target: '≤ 1.05', pass: ratio <= 1.05 },
      { label: 'restart through Switchboard / bare SDK close+spawn+initialize', value: median(ours) / median(bareRestart), target: '≤ 1.05', pass: median(ours) / median(bareRestart) <= 1.05 },
    ],
  );
}

async function idleBench() {
  const minutes = Number(process.env.MCP_BENCH_IDLE_MINUTES ?? 10);
  const count = 20;
  const supervisor = new McpSupervisor({ logs: new LogHub(), baseDir: repoRoot });
  const configs = Object.fromEntries(
    Array.from({ length: count }, (_, i) => [
      `memory-${i}`,
      mcpServerSchema.parse({ command: 'node', args: [memoryServer], env: { MEMORY_FILE_PATH: path.join(work, `idle-${i}.jsonl`) }, pingEvery: '1s' }),
    ]),
  );
  await supervisor.setServers(configs);
  while (supervisor.list().some((s) => s.status !== 'ready')) await sleep(100);
  await sleep(5000);
  const heapStart = settledHeap();
  const rssStart = process.memoryUsage().rss;
  const cpuStart = cpuMs();
  const wallStart = performance.now();
  const heapSamples: number[] = [];
  for (let m = 0; m < minutes; m++) {
    await sleep(60_000);
    heapSamples.push(settledHeap());
  }
  const cpu = cpuMs() - cpuStart;
  const wall = performance.now() - wallStart;
  const pings = supervisor.pings();
  const pinged = supervisor.list().filter((s) => pings[s.name] !== undefined && s.status === 'ready').length;
  await supervisor.disposeAsync();
  const heapEnd = heapSamples.at(-1) ?? heapStart;
  const growth = heapEnd - heapStart;
  report(
    `mcp: ${count} supervised servers, idle, pinged every 1 s for ${minutes} min`,
    [
      { label: 'main-process CPU (share of one core)', value: (cpu / wall) * 100, unit: '%' },
      { label: 'main-process heap after start (after gc)', value: mib(heapStart), unit: 'MiB' },
      { label: 'main-process heap at the end (after gc)', value: mib(heapEnd), unit: 'MiB' },
      { label: 'main-process heap, max of per-minute samples', value: mib(Math.max(heapStart, ...heapSamples)), unit: 'MiB' },
      { label: 'main-process RSS after start', value: mib(rssStart), unit: 'MiB' },
      { label: 'servers ready and answering pings at the end', value: pinged, unit: `of ${count}` },
    ],
    [{ label: 'heap growth over the run (flat: ≤ 2 MiB)', value: mib(growth), target: '≤ 2 MiB', pass: growth <= 2 * 1024 * 1024 }],
  );
}

/** The reference: the same flooding server read by a bare pipe reader that only counts bytes (MB/s). */
async function bareFloodRead(floodMb: number): Promise<{ mbPerS: number; cpuMsPerMb: number }> {
  const started = performance.now();
  const cpu0 = cpuMs();
  const child = spawn('node', [rawServer], { env: { ...process.env, RAW_MODE: 'flood', FLOOD_MB: String(floodMb) }, stdio: ['pipe', 'pipe', 'pipe'] });
  await new Promise<void>((resolve) => {
    let tail = '';
    child.stderr.setEncoding('latin1').on('data', (chunk: string) => {
      if ((tail + chunk).includes('flood done')) resolve();
      tail = chunk.slice(-16);
    });
  });
  const ms = performance.now() - started;
  const cpu = cpuMs() - cpu0;
  child.kill();
  return { mbPerS: floodMb / (ms / 1000), cpuMsPerMb: cpu / floodMb };
}

async function floodBench() {
  const floodMb = Number(process.env.MCP_FLOOD_MB ?? 100);
  const bare = await bareFloodRead(floodMb);
  const bareMbPerS = bare.mbPerS;
  const hub = new LogHub();
  const supervisor = new McpSupervisor({ logs: hub, baseDir: repoRoot });
  const before = settledHeap();
  const rssBefore = process.memoryUsage().rss;
  let peak = 0;
  let peakLive = 0;
  let peakRss = 0;
  let ticks = 0;
  // every 50 ms the heap as it is (garbage included); every 1 s what is held after one full gc (an
  // upper bound of what is held). Three forced gcs every 500 ms cost the ingest a quarter of its time.
  const sampler = setInterval(() => {
    const usage = process.memoryUsage();
    peak = Math.max(peak, usage.heapUsed);
    peakRss = Math.max(peakRss, usage.rss);
    if (++ticks % 20 === 0) {
      gc();
      peakLive = Math.max(peakLive, process.memoryUsage().heapUsed);
    }
  }, 50);
  const started = performance.now();
  const cpu0 = cpuMs();
  await supervisor.setServers({ flood: mcpServerSchema.parse({ command: 'node', args: [rawServer], env: { RAW_MODE: 'flood', FLOOD_MB: String(floodMb) } }) });
  // Looked for every 10 ms: the bare reader sees the end at once, so a coarser look would count its wait against us.
  while (!supervisor.get('flood').stderrTail.some((l) => l.includes('flood done'))) await sleep(10);
  const floodMs = performance.now() - started;
  const floodCpu = cpuMs() - cpu0;
  clearInterval(sampler);
  const state = supervisor.get('flood');
  const after = settledHeap();
  const stats = hub.stats();
  await supervisor.disposeAsync();
  hub.dispose();
  const liveGrowth = Math.max(peakLive, after) - before;
  report(
    `mcp: a server writing ${floodMb} MB to stderr`,
    [
      { label: 'stderr ingest rate', value: floodMb / (floodMs / 1000), unit: 'MB/s' },
      { label: 'reference: same server, bare pipe reader counting bytes', value: bareMbPerS, unit: 'MB/s' },
      { label: 'main-process CPU per MB (incl. the memory sampler\'s gc)', value: floodCpu / floodMb, unit: 'ms' },
      { label: 'reference: bare pipe reader CPU per MB', value: bare.cpuMsPerMb, unit: 'ms' },
      { label: 'server state at the end', value: state.status === 'ready' ? 1 : 0, unit: `(1 = ready; was ${state.status})` },
      { label: 'lines held by the hub / dropped', value: stats.lines, unit: `held, ${stats.dropped} dropped` },
      { label: 'main-process heap growth, peak incl. garbage not yet collected', value: mib(peak - before), unit: 'MiB' },
      { label: 'main-process heap growth, peak held (sampled after gc)', value: mib(liveGrowth), unit: 'MiB' },
      { label: 'main-process heap growth at the end (after gc)', value: mib(after - before), unit: 'MiB' },
      { label: 'main-process RSS growth, peak', value: mib(peakRss - rssBefore), unit: 'MiB' },
      { label: "log hub cap (logs.maxBytes)", value: mib(hub.maxBytes), unit: 'MiB' },
    ],
    [
      { label: 'stderr ingest, MB/s', value: floodMb / (floodMs / 1000), target: '≥ 100', pass: floodMb / (floodMs / 1000) >= 100 },
      { label: 'stderr ingest / bare pipe reader', value: floodMb / (floodMs / 1000) / bareMbPerS, target: '≥ 0.9', pass: floodMb / (floodMs / 1000) / bareMbPerS >= 0.9 },
      { label: 'peak held heap growth / hub cap', value: liveGrowth / hub.maxBytes, target: '≤ 1.00', pass: liveGrowth <= hub.maxBytes },
    ],
  );
}

// MCP_BENCH_ONLY=restart,flood,idle picks some (default: all three)
const only = (process.env.MCP_BENCH_ONLY ?? 'restart,flood,idle').split(',');
try {
  if (only.includes('restart')) await restartBench();
  if (only.includes('flood')) await floodBench();
  if (only.includes('idle')) await idleBench();
} finally {
  rmSync(work, { recursive: true, force: true });
}
