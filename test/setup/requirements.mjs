// What the tests need from the machine, each with the Debian package that
// provides it and how to get it elsewhere. The Docker engine is not here: it
// is a running thing, not a file (see dockerEngine.mjs).
import { existsSync, openSync, readSync, closeSync } from 'node:fs';
import { readdirSync } from 'node:fs';
import { which } from './exec.mjs';

/** Debian's PostgreSQL server binary (/usr/lib/postgresql/N/bin/postgres), or undefined. */
function hostPostgresBin() {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return undefined;
  return readdirSync(base).map((v) => `${base}/${v}/bin/postgres`).find((path) => existsSync(path));
}

/** Where the e2e harness finds Chromium; CHROMIUM_PATH lets a developer point elsewhere. */
export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/**
 * @typedef {'docker' | 'chromium' | 'redis' | 'busybox' | 'procps' | 'sshd' | 'prometheus' | 'compose' | 'postgres'} Need
 * @typedef {{ need: Need, what: string, debianPackage: string, elsewhere: string, present(): string | undefined }} Requirement
 * present() answers where it was found, or undefined when it is missing.
 */

/** @type {Requirement[]} */
export const requirements = [
  {
    need: 'docker',
    what: 'docker CLI',
    debianPackage: 'docker.io',
    elsewhere: 'install Docker Engine (https://docs.docker.com/engine/install/) or Docker Desktop',
    present: () => which('docker'),
  },
  {
    need: 'chromium',
    what: `Chromium at ${chromiumPath}`,
    debianPackage: 'chromium',
    elsewhere: 'install Chromium, or set CHROMIUM_PATH to a Chromium/Chrome executable',
    present: () => (existsSync(chromiumPath) ? chromiumPath : undefined),
  },
  {
    // Without any font, screenshots show empty boxes instead of text.
    need: 'chromium',
    what: 'Liberation fonts (stable text in screenshots)',
    debianPackage: 'fonts-liberation',
    elsewhere: 'any system fonts will do; screenshots may differ slightly',
    present: () => firstExisting(['/usr/share/fonts/truetype/liberation', '/usr/share/fonts/liberation', '/System/Library/Fonts']),
  },
  {
    need: 'redis',
    what: 'redis-server',
    debianPackage: 'redis-server',
    elsewhere: 'install Redis (e.g. `brew install redis`) so `redis-server` is on PATH',
    present: () => which('redis-server'),
  },
  {
    // Copied into a locally built image (test/support/docker/postgresImage.ts) for the psql terminal test.
    need: 'postgres',
    what: 'PostgreSQL server and psql (/usr/lib/postgresql/N/bin)',
    debianPackage: 'postgresql',
    elsewhere: 'Debian/Ubuntu only: the test image copies /usr/lib/postgresql/N from the host',
    present: () => hostPostgresBin(),
  },
  {
    // Copied into locally built images (no registry is reachable), so it must not need a libc.
    need: 'busybox',
    what: 'static /bin/busybox',
    debianPackage: 'busybox-static',
    elsewhere: 'a statically linked busybox at /bin/busybox (Debian/Ubuntu: busybox-static)',
    present: () => (existsSync('/bin/busybox') && isStaticElf('/bin/busybox') ? '/bin/busybox' : undefined),
  },
  {
    // A real Prometheus scrapes /metrics and answers history's range queries; promtool checks the exposition.
    need: 'prometheus',
    what: 'prometheus and promtool',
    debianPackage: 'prometheus',
    elsewhere: 'install Prometheus 2.x (https://prometheus.io/download/) so `prometheus` and `promtool` are on PATH',
    present: () => (which('prometheus') && which('promtool') ? which('prometheus') : undefined),
  },
  {
    need: 'procps',
    what: 'ps and pgrep',
    debianPackage: 'procps',
    elsewhere: 'install procps (ps, pgrep)',
    present: () => (which('ps') && which('pgrep') ? which('pgrep') : undefined),
  },
  {
    // The compose capability runs the real tool: `docker compose` (v2) where present, else v1, which Debian packages.
    need: 'compose',
    what: 'a compose tool (docker compose v2 or docker-compose v1)',
    debianPackage: 'docker-compose',
    elsewhere: 'install the Docker Compose v2 plugin (docker-compose-plugin) or Docker Desktop',
    present: () => which('docker-compose') ?? (which('docker') && existsSync('/usr/libexec/docker/cli-plugins/docker-compose') ? '/usr/libexec/docker/cli-plugins/docker-compose' : undefined),
  },
  {
    // A real SSH peer for the engine-over-ssh host-key test; without it that test says it is skipped and why.
    need: 'sshd',
    what: 'OpenSSH server (/usr/sbin/sshd)',
    debianPackage: 'openssh-server',
    elsewhere: 'install an OpenSSH server so /usr/sbin/sshd exists (it is only started by the test, on a free loopback port)',
    present: () => (existsSync('/usr/sbin/sshd') ? '/usr/sbin/sshd' : undefined),
  },
];

/** The Debian package that brings dockerd, when the CLI exists but the daemon does not. */
export const dockerEnginePackage = 'docker.io';

function firstExisting(paths) {
  return paths.find((p) => existsSync(p));
}

/** True when an ELF binary has no PT_INTERP header, i.e. needs no dynamic loader. */
export function isStaticElf(path) {
  let fd;
  try {
    fd = openSync(path, 'r');
    const header = Buffer.alloc(64);
    readSync(fd, header, 0, 64, 0);
    if (header.readUInt32BE(0) !== 0x7f454c46) return false;
    const is64 = header[4] === 2;
    const little = header[5] === 1;
    const u16 = (b, o) => (little ? b.readUInt16LE(o) : b.readUInt16BE(o));
    const u32 = (b, o) => (little ? b.readUInt32LE(o) : b.readUInt32BE(o));
    const phoff = is64 ? Number(little ? header.readBigUInt64LE(32) : header.readBigUInt64BE(32)) : u32(header, 28);
    const phentsize = u16(header, is64 ? 54 : 42);
    const phnum = u16(header, is64 ? 56 : 44);
    const table = Buffer.alloc(phentsize * phnum);
    readSync(fd, table, 0, table.length, phoff);
    const PT_INTERP = 3;
    for (let i = 0; i < phnum; i++) if (u32(table, i * phentsize) === PT_INTERP) return false;
    return true;
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
