/**
 * Where the gateway's time per call goes: `npx tsx test/bench/gatewayProfile.ts`
 * starts gatewayHost.ts (server-everything exposed) with the CPU profiler of
 * cpuProfile.ts, warms up, profiles PROFILE_CALLS (default 3000) sequential
 * echo calls from the SDK client (on Node's fetch, or on keepAliveFetch.ts with
 * PROFILE_FETCH=node-http), and prints self time per call grouped by file and
 * by function, heaviest first. Not a benchmark (it is not run by run.mjs): a
 * tool for finding what the gateway does per call beyond the minimum.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { cpuProfilerOptions, toggleCpuProfile } from './cpuProfile.js';
import { keepAliveFetch } from './keepAliveFetch.js';
import { selfMicrosBy, type CallFrame, type CpuProfile } from './profileOwners.js';

const calls = Number(process.env.PROFILE_CALLS ?? 3000);
const token = 'gateway-profile-token-0123456789';
const repoRoot = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const everything = { command: 'node', args: [path.join(repoRoot, 'node_modules/@modelcontextprotocol/server-everything/dist/index.js'), 'stdio'] };
const profileDir = mkdtempSync(path.join(tmpdir(), 'gateway-profile-'));

const host = spawn(process.execPath, [path.join(repoRoot, 'node_modules/tsx/dist/cli.mjs'), path.join(repoRoot, 'test/bench/gatewayHost.ts')], {
  cwd: repoRoot,
  env: { ...process.env, GATEWAY_HOST_STACK: JSON.stringify({ gateway: { port: 0, token }, mcpServers: { everything } }), NODE_OPTIONS: cpuProfilerOptions(profileDir) },
  stdio: ['pipe', 'pipe', 'pipe'],
});
let output = '';
const printed = (pattern: RegExp) =>
  new Promise<string>((resolve) => {
    const look = () => {
      const m = pattern.exec(output);
      if (m) resolve(m[1]!);
    };
    host.stdout.on('data', (d: Buffer) => ((output += d.toString()), look()));
    host.stderr.on('data', (d: Buffer) => ((output += d.toString()), look()));
    look();
  });
const url = await printed(/^GATEWAY (\S+)/m);
// tsx runs the host in a child process of its own: that one gets the signals
const children = (pid: number) => readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
const hostPid = children(host.pid!).find((pid) => readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('gatewayHost')) ?? host.pid!;

const nodeHttp = process.env.PROFILE_FETCH === 'node-http' ? keepAliveFetch() : undefined;
const client = new Client({ name: 'profile', version: '1' });
await client.connect(new StreamableHTTPClientTransport(new URL(`${url}/everything`), { requestInit: { headers: { Authorization: `Bearer ${token}` } }, ...(nodeHttp ? { fetch: nodeHttp.fetch } : {}) }));
const echo = () => client.callTool({ name: 'echo', arguments: { message: 'bench' } });
for (let i = 0; i < 300; i++) await echo();
toggleCpuProfile(hostPid);
await new Promise((r) => setTimeout(r, 300)); // the profiler starts asynchronously
const ms: number[] = [];
for (let i = 0; i < calls; i++) {
  const t = performance.now();
  await echo();
  ms.push(performance.now() - t);
}
toggleCpuProfile(hostPid);
const file = await printed(/CPU-PROFILE (\S+)/);
await client.close();
nodeHttp?.close();
host.stdin.end();

ms.sort((a, b) => a - b);
const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
const where = (frame: CallFrame) => (frame.url ? frame.url.replace(`file://${repoRoot}/`, '').replace(/^file:\/\/.*node_modules\//, '') : `(${frame.functionName})`);
const byFile = selfMicrosBy(profile, where);
const byFunction = selfMicrosBy(profile, (frame) => `${frame.functionName || '(anonymous)'}  ${where(frame)}:${frame.lineNumber + 1}`);
const perCall = (us: number) => `${(us / calls).toFixed(1).padStart(8)} µs`;
const busy = [...byFile].filter(([k]) => k !== '((idle))').reduce((sum, [, us]) => sum + us, 0);
console.log(`${calls} echo calls, client p50 ${ms[calls >> 1]!.toFixed(3)} ms, p99 ${ms[Math.floor(calls * 0.99)]!.toFixed(3)} ms; gateway busy ${perCall(busy)} a call; profile ${file}`);
for (const [title, map, top] of [['self time per call, by file', byFile, 30], ['self time per call, by function', byFunction, 40]] as const) {
  console.log(`\n${title}`);
  for (const [key, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${perCall(us)}  ${key}`);
}
process.exit(0);
