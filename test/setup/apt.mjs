// Installing what is missing, only where that is ours to do: as root on Debian
// (CI, the team's machines). Everywhere else prepare only says what to install.
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { capture, sleep } from './exec.mjs';

export function canInstallPackages() {
  return existsSync('/etc/debian_version') && typeof process.getuid === 'function' && process.getuid() === 0;
}

const aptEnv = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
// Another apt (unattended-upgrades on a fresh CI machine) may hold the lock for a while.
const lockWait = ['-o', 'DPkg::Lock::Timeout=300'];

let updated = false;

/**
 * apt-get update (once per process), then install the packages without
 * recommends. One retry covers a flaky mirror.
 * @param {string[]} packages
 * @returns {Promise<{ ok: boolean, detail: string }>}
 */
export async function aptInstall(packages) {
  if (packages.length === 0) return { ok: true, detail: 'nothing to install' };
  const release = holdServices();
  try {
    return await installWithRetry(packages);
  } finally {
    release();
  }
}

/**
 * Keeps package scripts from starting services (redis on 6379, dockerd with a
 * bridge we cannot have): the tests start what they need, their own way.
 * Debian's policy-rc.d hook; left alone when the machine already has one.
 */
function holdServices() {
  const hook = '/usr/sbin/policy-rc.d';
  if (existsSync(hook)) return () => {};
  writeFileSync(hook, '#!/bin/sh\n# written by switchboard test/setup/apt.mjs while installing test packages\nexit 101\n', { mode: 0o755 });
  return () => rmSync(hook, { force: true });
}

async function installWithRetry(packages) {
  let last = { code: 0, stdout: '', stderr: '' };
  for (let attempt = 1; attempt <= 2; attempt++) {
    if (!updated || attempt > 1) {
      last = await capture('apt-get', [...lockWait, 'update'], { env: aptEnv, timeoutMs: 10 * 60_000 });
      if (last.code !== 0) {
        await sleep(5000);
        continue;
      }
      updated = true;
    }
    last = await capture('apt-get', [...lockWait, 'install', '-y', '--no-install-recommends', ...packages], {
      env: aptEnv,
      timeoutMs: 20 * 60_000,
    });
    if (last.code === 0) return { ok: true, detail: `installed ${packages.join(' ')}` };
    await sleep(5000);
  }
  const tail = (last.stderr || last.stdout).trim().split('\n').slice(-5).join('\n    ');
  return { ok: false, detail: `apt-get install ${packages.join(' ')} failed (exit ${last.code}):\n    ${tail}` };
}
