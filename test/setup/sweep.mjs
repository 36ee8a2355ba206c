// Removes what earlier test runs left behind: Docker objects labelled
// switchboard.test=1 and processes that carry a finished run's marker.
// Other engineers run tests on the same machine at the same time, so a
// container of a run still in progress is not a leftover: Docker objects are
// swept only when no other test run is active, and processes only when the
// run that started them is gone.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { capture, seconds, sleep } from './exec.mjs';

/** Every process a test run starts inherits this, set to the run's pid. */
export const runMarker = 'SWITCHBOARD_TEST_RUN';
const testLabel = 'switchboard.test=1';

/** @typedef {{ pid: number, ppid: number, argv: string[] }} ProcessInfo */

/**
 * @param {{ phase: 'before' | 'after', runPid: number }} options
 * @returns {Promise<string[]>} what was removed, one entry per thing
 */
export async function sweepLeftovers({ phase, runPid }) {
  const started = Date.now();
  const processes = listProcesses();
  const mine = lineage(processes, runPid);
  const removed = [];
  const notes = [];

  const busy = processes.filter((p) => !mine.has(p.pid) && isTestRunner(p.argv));
  if (!processes.length && process.platform !== 'linux') notes.push('processes not checked (no /proc)');
  if (busy.length) {
    const who = busy.slice(0, 3).map((p) => `pid ${p.pid}`).join(', ');
    notes.push(`Docker objects left alone: another test run is active (${who})`);
  } else {
    removed.push(...(await sweepDocker()));
  }

  const strays = processes.filter((p) => !mine.has(p.pid) && isStray(p.pid, phase, runPid, processes));
  removed.push(...(await stopProcesses(strays)));

  const what = removed.length ? `removed ${removed.join(', ')}` : 'nothing left over';
  const leak = phase === 'after' && removed.length ? ' — a test did not clean up after itself' : '';
  console.log(`sweep ${phase}: ${what}${leak}${notes.length ? `; ${notes.join('; ')}` : ''} (${seconds(started)})`);
  return removed;
}

async function sweepDocker() {
  const engine = await capture('docker', ['version', '--format', '{{.Server.Version}}'], { timeoutMs: 15_000 });
  if (engine.code !== 0) return [];
  const removed = [];
  const kinds = [
    { kind: 'container', list: ['ps', '-a', '--filter', `label=${testLabel}`, '--format', '{{.ID}} {{.Names}}'], remove: ['rm', '-f', '-v'] },
    { kind: 'image', list: ['image', 'ls', '-a', '--filter', `label=${testLabel}`, '--format', '{{.ID}} {{.Repository}}:{{.Tag}}'], remove: ['rmi', '-f'] },
    { kind: 'volume', list: ['volume', 'ls', '--filter', `label=${testLabel}`, '--format', '{{.Name}} {{.Name}}'], remove: ['volume', 'rm', '-f'] },
    { kind: 'network', list: ['network', 'ls', '--filter', `label=${testLabel}`, '--format', '{{.ID}} {{.Name}}'], remove: ['network', 'rm'] },
  ];
  for (const { kind, list, remove } of kinds) {
    const listed = await capture('docker', list, { timeoutMs: 30_000 });
    const rows = [...new Map(listed.stdout.trim().split('\n').filter(Boolean).map((l) => [l.split(' ')[0], l])).values()];
    if (!rows.length) continue;
    await capture('docker', [...remove, ...rows.map((r) => r.split(' ')[0])], { timeoutMs: 120_000 });
    for (const row of rows) removed.push(`${kind} ${row.split(' ').slice(1).join(' ') || row}`);
  }
  return removed;
}

/** A process is stray when its run marker names this run (after it ended) or a run that no longer exists. */
function isStray(pid, phase, runPid, processes) {
  const marker = readMarker(pid);
  if (marker === undefined) return false;
  if (marker === runPid) return phase === 'after';
  const owner = processes.find((p) => p.pid === marker);
  return !owner || !isTestRunner(owner.argv);
}

async function stopProcesses(strays) {
  if (!strays.length) return [];
  for (const p of strays) signal(p.pid, 'SIGTERM');
  await sleep(3000);
  for (const p of strays) if (existsSync(`/proc/${p.pid}`)) signal(p.pid, 'SIGKILL');
  return strays.map((p) => `process ${p.pid} (${p.argv.join(' ').slice(0, 80)})`);
}

function signal(pid, name) {
  try {
    process.kill(pid, name);
  } catch {
    // gone already
  }
}

/** vitest (main or worker), the test orchestrator, or a benchmark. */
export function isTestRunner(argv) {
  return argv.some(
    (a) => /(^|\/)vitest(\.mjs)?$/.test(a) || a.includes('/vitest/dist/') || /(^|\/)test\/(bench\/)?run\.mjs$/.test(a) || a.endsWith('.bench.ts'),
  );
}

/** @returns {ProcessInfo[]} every process we can read (Linux /proc; empty elsewhere) */
export function listProcesses() {
  if (!existsSync('/proc/self/stat')) return [];
  const out = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const argv = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').filter(Boolean);
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name in stat may contain spaces and parentheses; ppid follows the last ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (argv.length) out.push({ pid: Number(entry), ppid, argv });
    } catch {
      // exited while we looked
    }
  }
  return out;
}

/** This run, its ancestors (npm, the shell) and its descendants: never swept. */
function lineage(processes, runPid) {
  const byPid = new Map(processes.map((p) => [p.pid, p]));
  const descendants = new Set([runPid, process.pid]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const p of processes) {
      if (!descendants.has(p.pid) && descendants.has(p.ppid)) {
        descendants.add(p.pid);
        grew = true;
      }
    }
  }
  const keep = new Set(descendants);
  for (let p = byPid.get(runPid); p && p.ppid > 1; p = byPid.get(p.ppid)) keep.add(p.ppid);
  return keep;
}

function readMarker(pid) {
  try {
    const env = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
    const entry = env.find((e) => e.startsWith(`${runMarker}=`));
    return entry ? Number(entry.slice(runMarker.length + 1)) : undefined;
  } catch {
    return undefined;
  }
}
