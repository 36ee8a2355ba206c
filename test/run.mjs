#!/usr/bin/env node
// `npm test`: prepares the machine, lints, builds, type-checks, runs unit and
// integration tests (real Docker, real MCP servers, real Redis) and e2e tests
// (Chromium through browser mode), then prints one line a person or CI can
// read: `tests: N passed, N failed, N skipped`. Exits non-zero if any step failed.
//
//   npm test                          everything
//   npm test -- --only unit           or lint, integration, e2e, typecheck; comma-separate several
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { prepare } from './setup/prepare.mjs';
import { seconds, stream } from './setup/exec.mjs';
import { runMarker, sweepLeftovers } from './setup/sweep.mjs';
import { addTally, emptyTally, readVitestReport } from './setup/vitestReport.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const reportsDir = join(repoRoot, 'test/.artifacts/reports');
const parts = ['lint', 'typecheck', 'unit', 'integration', 'e2e'];
const minutes = (n) => n * 60_000;

/** @typedef {import('./setup/prepare.mjs').Need} Need */
/** @typedef {{ name: string, status: 'ok' | 'FAILED' | 'not run', took: string, note?: string }} StepResult */

const selected = parseOnly(process.argv.slice(2));
if (!existsSync(join(repoRoot, 'node_modules/vitest/vitest.mjs'))) {
  console.error('npm test: the npm packages are not installed here: run `npm ci` first');
  process.exit(1);
}
// Every process the tests start inherits the marker, so a later run can tell its leftovers.
const childEnv = { ...process.env, [runMarker]: String(process.pid) };
/** @type {StepResult[]} */
const results = [];
const tally = emptyTally();
let interrupted = false;
process.on('SIGINT', () => (interrupted = true));
process.on('SIGTERM', () => (interrupted = true));

const wantsVitest = selected.has('unit') || selected.has('integration');
const wantsBuild = selected.has('e2e') || selected.size === parts.length;
/** @type {Need[]} */
const serviceNeeds = ['docker', 'redis', 'busybox', 'procps', 'prometheus', 'compose'];
/** Installed when possible, but a test that needs one says itself that it is skipped, and why, without it. */
/** @type {Need[]} */
const optionalNeeds = ['sshd', 'postgres'];
/** @type {Set<Need>} */
const needs = new Set([
  ...(selected.has('integration') || selected.has('e2e') ? serviceNeeds : []),
  ...(selected.has('integration') ? optionalNeeds : []),
  ...(selected.has('e2e') ? /** @type {Need[]} */ (['chromium', 'postgres']) : []),
]);

header('prepare');
const started = Date.now();
const prepared = await prepare({ needs: [...needs] });
const requiredMissing = [...prepared.missing].filter((need) => !optionalNeeds.includes(need));
const optionalMissing = [...prepared.missing].filter((need) => optionalNeeds.includes(need));
results.push({
  name: 'prepare',
  status: requiredMissing.length ? 'FAILED' : 'ok',
  took: seconds(started),
  note: prepared.missing.size ? `missing: ${[...requiredMissing, ...optionalMissing.map((n) => `${n} (optional: its test says it is skipped)`)].join(', ')}` : undefined,
});

header('sweep');
await sweepLeftovers({ phase: 'before', runPid: process.pid });

const npmScripts = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).scripts ?? {};
// The layer boundaries and code rules first: a broken rule prints its message here and fails the run.
if (selected.has('lint')) await step('lint', npmRun('lint'), minutes(5));
let buildOk = true;
if (wantsBuild) buildOk = await step('build', npmRun('build'), minutes(10));
if (selected.has('typecheck')) {
  const command = npmScripts.typecheck ? npmRun('typecheck') : ['npx', '--no-install', 'tsc', '-p', '.'];
  await step('typecheck', command, minutes(10));
}
if (wantsVitest) {
  // Unit tests need nothing from the machine: they still run when integration cannot.
  const blocked = selected.has('integration') ? unmet(serviceNeeds) : [];
  if (blocked.length) notRun('integration', `needs ${blocked.join(', ')}`);
  const unit = selected.has('unit');
  const integration = selected.has('integration') && !blocked.length;
  if (unit || integration) {
    const name = unit && integration ? 'unit + integration' : unit ? 'unit' : 'integration';
    const filters = unit && integration ? [] : [unit ? 'test/unit/' : 'test/integration/'];
    await vitestStep(name, 'test/vitest.config.ts', 'unit-integration', filters, [], minutes(40));
  }
}
if (selected.has('e2e')) {
  const blocked = [...unmet([...serviceNeeds, 'chromium']), ...(buildOk ? [] : ['a build'])];
  await vitestStep('e2e', 'test/e2e/vitest.config.ts', 'e2e', [], blocked, minutes(25));
}

header('sweep');
await sweepLeftovers({ phase: 'after', runPid: process.pid });
summarize();
const failed = results.some((r) => r.status === 'FAILED') || tally.failed > 0 || interrupted;
console.log(`tests: ${tally.passed} passed, ${tally.failed} failed, ${tally.skipped} skipped`);
process.exit(failed ? 1 : 0);

/** Runs one command as a step; its output streams live. @returns {Promise<boolean>} ok */
async function step(name, command, timeoutMs) {
  if (interrupted) return notRun(name, 'interrupted');
  if (!command) return failStep(name, `package.json has no "${name}" script`);
  header(`${name}: ${command.join(' ')}`);
  const started = Date.now();
  const [bin, ...args] = command;
  const r = await stream(bin, args, { cwd: repoRoot, env: childEnv, timeoutMs });
  const note = r.timedOut ? `timed out after ${timeoutMs / 60_000} min` : r.code !== 0 ? `exit ${r.code}` : undefined;
  results.push({ name, status: r.code === 0 ? 'ok' : 'FAILED', took: seconds(started), note });
  return r.code === 0;
}

async function vitestStep(name, config, reportName, filters, blocked, timeoutMs) {
  if (blocked.length) return notRun(name, `needs ${blocked.join(', ')}`);
  mkdirSync(reportsDir, { recursive: true });
  const reportPath = join(reportsDir, `${reportName}.json`);
  rmSync(reportPath, { force: true });
  const vitest = join(repoRoot, 'node_modules/vitest/vitest.mjs');
  const args = ['run', '--config', config, '--reporter=default', '--reporter=json', `--outputFile.json=${reportPath}`, ...filters];
  await step(name, [process.execPath, vitest, ...args], timeoutMs);
  const counted = readVitestReport(reportPath, repoRoot);
  if (counted) addTally(tally, counted);
  else if (!interrupted) addTally(tally, { ...emptyTally(), failed: 1, failedTests: [{ name, message: 'vitest wrote no report (see its output above)' }] });
}

function npmRun(script) {
  return npmScripts[script] ? ['npm', 'run', '--silent', script] : undefined;
}

function unmet(list) {
  return list.filter((n) => prepared.missing.has(n));
}

function notRun(name, why) {
  results.push({ name, status: 'not run', took: '', note: why });
  return false;
}

function failStep(name, why) {
  results.push({ name, status: 'FAILED', took: '', note: why });
  return false;
}

function summarize() {
  header('summary');
  for (const r of results) console.log(`  ${r.name.padEnd(20)} ${r.status.padEnd(8)} ${r.took.padStart(8)}  ${r.note ?? ''}`.trimEnd());
  if (tally.skippedTests.length) {
    console.log('skipped:');
    for (const s of tally.skippedTests) console.log(`  - ${s.name}\n      because: ${s.reason}`);
  }
  if (tally.failedTests.length) {
    console.log('failed:');
    for (const f of tally.failedTests) console.log(`  - ${f.name}\n      ${f.message}`);
  }
  if (interrupted) console.log('interrupted: later steps did not run');
}

function header(title) {
  console.log(`\n── ${title}`);
}

/** `--only unit,e2e` or `--only unit --only e2e`; nothing means every part. */
function parseOnly(argv) {
  const chosen = new Set();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const value = arg === '--only' ? argv[++i] : arg.startsWith('--only=') ? arg.slice(7) : undefined;
    if (value === undefined) {
      const problem = arg === '--only' ? '--only needs a value' : `unknown argument ${arg}`;
      console.error(`npm test: ${problem}; use --only ${parts.join('|')}`);
      process.exit(2);
    }
    for (const part of (value ?? '').split(',').filter(Boolean)) {
      if (!parts.includes(part)) {
        console.error(`npm test: --only ${part}? choose from ${parts.join(', ')}`);
        process.exit(2);
      }
      chosen.add(part);
    }
  }
  return chosen.size ? chosen : new Set(parts);
}
