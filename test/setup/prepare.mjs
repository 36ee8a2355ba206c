#!/usr/bin/env node
// Gets the machine ready for the tests: checks for what they need and, as root
// on Debian, installs what is missing and starts a Docker engine. Elsewhere it
// says exactly what is missing and how to get it. Plain Node, no dependencies:
// it may run before anything else.
//
//   node test/setup/prepare.mjs                 everything
//   node test/setup/prepare.mjs --need docker,redis
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { canInstallPackages, aptInstall } from './apt.mjs';
import { dockerEnginePackage, requirements } from './requirements.mjs';
import { dockerdBinary, dockerdLogPath, engineAnswers, engineIsLocalDefault, startEngine } from './dockerEngine.mjs';
import { seconds } from './exec.mjs';

/** @typedef {import('./requirements.mjs').Need} Need */
export const allNeeds = /** @type {Need[]} */ (['docker', 'chromium', 'redis', 'busybox', 'procps', 'prometheus', 'compose']);

const say = (line) => console.log(`prepare: ${line}`);

/**
 * @param {{ needs?: Need[] }} [options]
 * @returns {Promise<{ ok: boolean, missing: Set<Need> }>} missing: the needs that are still unmet
 */
export async function prepare({ needs = allNeeds } = {}) {
  if (needs.length === 0) say('nothing needed for these tests');
  const wanted = requirements.filter((r) => needs.includes(r.need));
  const installer = canInstallPackages();

  let absent = wanted.filter((r) => !r.present());
  for (const r of wanted) if (!absent.includes(r)) say(`${r.what}: present (${r.present()})`);
  if (absent.length && installer) {
    const started = Date.now();
    const packages = [...new Set(absent.map((r) => r.debianPackage))];
    const result = await aptInstall(packages);
    say(`${result.detail} (${seconds(started)})`);
    absent = absent.filter((r) => !r.present());
  }

  const missing = new Set(absent.map((r) => r.need));
  const hints = absent.map((r) => ({ what: r.what, debianPackage: r.debianPackage, elsewhere: r.elsewhere }));

  if (needs.includes('docker') && !missing.has('docker')) {
    const engine = await ensureEngine(installer);
    if (!engine.ok) {
      missing.add('docker');
      hints.push({ what: 'a running Docker engine', debianPackage: '', elsewhere: engine.hint });
    }
  }

  if (hints.length) explain(hints, installer);
  return { ok: missing.size === 0, missing };
}

/** @returns {Promise<{ ok: true } | { ok: false, hint: string }>} */
async function ensureEngine(installer) {
  let started = Date.now();
  const first = await engineAnswers();
  if (first.ok) {
    say(`Docker engine answers (${first.version}, storage driver ${first.driver}) (${seconds(started)})`);
    return { ok: true };
  }
  if (!engineIsLocalDefault()) {
    say(`Docker engine at DOCKER_HOST=${process.env.DOCKER_HOST} does not answer: ${first.error}`);
    return { ok: false, hint: `make the engine at DOCKER_HOST=${process.env.DOCKER_HOST} answer, or unset DOCKER_HOST` };
  }
  if (!installer) {
    say(`no Docker engine answers: ${first.error}`);
    if (/permission denied/i.test(first.error)) {
      return { ok: false, hint: 'the engine runs but you may not use it: `sudo usermod -aG docker $USER`, then log in again' };
    }
    return {
      ok: false,
      hint: 'start it: `sudo systemctl start docker`, or `sudo dockerd --storage-driver=overlay2 --bridge=none --iptables=false &`, or open Docker Desktop',
    };
  }
  if (!dockerdBinary()) {
    started = Date.now();
    const result = await aptInstall([dockerEnginePackage]);
    say(`dockerd missing: ${result.detail} (${seconds(started)})`);
    if (!result.ok) return { ok: false, hint: `install ${dockerEnginePackage}` };
  }
  started = Date.now();
  // apt's post-install may have started one by itself.
  const again = await engineAnswers();
  if (again.ok) {
    say(`Docker engine answers (${again.version}, storage driver ${again.driver}) (${seconds(started)})`);
    return { ok: true };
  }
  const result = await startEngine();
  say(`${result.detail} (${seconds(started)})`);
  return result.ok ? { ok: true } : { ok: false, hint: `see ${dockerdLogPath}` };
}

function explain(hints, installer) {
  say('missing:');
  for (const h of hints) say(`  - ${h.what}${h.debianPackage ? ` (Debian package ${h.debianPackage})` : ''}: ${h.elsewhere}`);
  const packages = [...new Set(hints.map((h) => h.debianPackage).filter(Boolean))];
  if (!installer && packages.length && existsSync('/etc/debian_version')) {
    say(`on this Debian machine, as root: apt-get install -y --no-install-recommends ${packages.join(' ')}`);
  }
}

function parseNeeds(argv) {
  const i = argv.indexOf('--need');
  if (i < 0) return allNeeds;
  const asked = (argv[i + 1] ?? '').split(',').filter(Boolean);
  const unknown = asked.filter((n) => !allNeeds.includes(/** @type {Need} */ (n)));
  if (unknown.length) throw new Error(`unknown need ${unknown.join(', ')}; known: ${allNeeds.join(', ')}`);
  return /** @type {Need[]} */ (asked);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const started = Date.now();
  let needs;
  try {
    needs = parseNeeds(process.argv.slice(2));
  } catch (err) {
    say(String(err instanceof Error ? err.message : err));
    process.exit(2);
  }
  const result = await prepare({ needs });
  say(`${result.ok ? 'ready' : `not ready (missing: ${[...result.missing].join(', ')})`} (${seconds(started)})`);
  process.exit(result.ok ? 0 : 1);
}
