#!/usr/bin/env node
// `npm run bench`: runs every test/bench/*.bench.ts one after another (never
// two at once: they measure a 2-core machine), each printing its figures via
// report.ts, then one line: how many ran, failed, and how many ratios missed.
//
//   npm run bench                  all of them
//   npm run bench -- logs stats    those whose file name contains "logs" or "stats"
//   npm run bench -- soak          the 30-minute soak (SOAK_MINUTES=N to change), never part of "all"
//   npm run bench -- idle          the Overview left alone, visible then hidden (IDLE_BENCH_SECONDS=N a phase, default 300)
import { readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { prepare } from '../setup/prepare.mjs';
import { seconds, stream } from '../setup/exec.mjs';
import { runMarker, sweepLeftovers } from '../setup/sweep.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const benchDir = join(repoRoot, 'test/bench');
const perBenchTimeoutMs = 20 * 60_000;
// The soak runs SOAK_MINUTES (default 30) plus its build and start: give it that and ten minutes more.
const timeoutFor = (file) => (file === 'soak.bench.ts' ? (Number(process.env.SOAK_MINUTES ?? 30) + 10) * 60_000 : perBenchTimeoutMs);

const names = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const all = readdirSync(benchDir).filter((f) => f.endsWith('.bench.ts')).sort();
// The soak runs for half an hour: only when asked for by name (`npm run bench -- soak`).
const onRequest = ['soak.bench.ts'];
const chosen = names.length ? all.filter((f) => names.some((n) => f.includes(n))) : all.filter((f) => !onRequest.includes(f));
if (!names.length) console.log(`(not run unless named: ${onRequest.join(', ')} — e.g. npm run bench -- soak)`);
if (!chosen.length) {
  console.error(`no benchmark matches ${names.join(', ') || '(none exist)'}; there are: ${all.join(', ') || 'none'}`);
  process.exit(2);
}

console.log('── prepare');
const prepared = await prepare();
if (!prepared.ok) console.log(`some benchmarks may fail: missing ${[...prepared.missing].join(', ')}`);
await sweepLeftovers({ phase: 'before', runPid: process.pid });

let interrupted = false;
process.on('SIGINT', () => (interrupted = true));
process.on('SIGTERM', () => (interrupted = true));

const env = { ...process.env, [runMarker]: String(process.pid) };
const tsx = join(repoRoot, 'node_modules/tsx/dist/cli.mjs');
const outcomes = [];
for (const file of chosen) {
  if (interrupted) break;
  console.log(`\n── ${file}`);
  const started = Date.now();
  const r = await stream(process.execPath, [tsx, join('test/bench', file)], { cwd: repoRoot, env, timeoutMs: timeoutFor(file), keepStdout: true });
  // report.ts prints each ratio as "… target X  PASS|MISS".
  const ratios = r.stdout.split('\n').filter((l) => /\btarget\b.*\b(PASS|MISS)\s*$/.test(l));
  const missed = ratios.filter((l) => /\bMISS\s*$/.test(l)).length;
  const note = r.timedOut ? `timed out after ${timeoutFor(file) / 60_000} min` : r.code !== 0 ? `exit ${r.code}` : '';
  outcomes.push({ file, ok: r.code === 0, ratios: ratios.length, missed, took: seconds(started), note });
}

await sweepLeftovers({ phase: 'after', runPid: process.pid });
console.log('\n── summary');
for (const o of outcomes) {
  console.log(`  ${o.file.padEnd(36)} ${(o.ok ? 'ok' : 'FAILED').padEnd(7)} ${o.took.padStart(8)}  ${o.missed}/${o.ratios} ratios missed ${o.note}`.trimEnd());
}
const failed = outcomes.filter((o) => !o.ok).length;
const missed = outcomes.reduce((n, o) => n + o.missed, 0);
const ratios = outcomes.reduce((n, o) => n + o.ratios, 0);
if (interrupted) console.log('interrupted: later benchmarks did not run');
console.log(`benchmarks: ${outcomes.length} ran, ${failed} failed, ${missed} of ${ratios} ratios missed`);
// A missed ratio is a finding to read, not a broken benchmark: only crashes fail the command.
process.exit(failed || interrupted ? 1 : 0);
