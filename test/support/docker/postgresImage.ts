import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** Debian's PostgreSQL on this machine ("/usr/lib/postgresql/15"), or undefined when it is not installed. */
export function hostPostgres(): { lib: string; share: string } | undefined {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return undefined;
  const version = readdirSync(base)
    .filter((v) => /^\d+$/.test(v) && existsSync(join(base, v, 'bin/postgres')))
    .sort((a, b) => Number(b) - Number(a))[0];
  return version ? { lib: join(base, version), share: `/usr/share/postgresql/${version}` } : undefined;
}

/** The libraries `files` load (ldd: "name => /path (addr)" and the loader "/lib64/ld-linux… (addr)"). */
function librariesOf(files: string[]): string[] {
  const found = new Set<string>();
  for (const file of files) {
    for (const line of execFileSync('ldd', [file], { encoding: 'utf8' }).split('\n')) {
      const path = /(\/\S+) \(0x/.exec(line)?.[1];
      if (path) found.add(path);
    }
  }
  return [...found];
}

/**
 * The container's command: a fresh cluster whose superuser is $POSTGRES_USER with password
 * $POSTGRES_PASSWORD (scram, on the socket too, so psql needs it), served on 127.0.0.1:$PGPORT
 * and a socket in /tmp (PGHOST), as the official image's env names say.
 */
const startScript = [
  'set -e; printf %s "$POSTGRES_PASSWORD" > /tmp/pw',
  'initdb -D /tmp/pgdata -U "${POSTGRES_USER:-postgres}" --auth=scram-sha-256 --pwfile=/tmp/pw --no-locale -E UTF8 > /tmp/initdb.log',
  'rm /tmp/pw; exec postgres -D /tmp/pgdata -k /tmp -p "$PGPORT" -c listen_addresses=127.0.0.1',
].join('; ');

/**
 * A PostgreSQL image built here (no registry): the host's postgres, initdb and psql with their
 * libraries and share files on busybox, run as user postgres. Throws, saying why, without PostgreSQL.
 */
export async function buildPostgresImage(tag: string, host?: string): Promise<void> {
  const pg = hostPostgres();
  if (!pg) throw new Error('PostgreSQL is not installed here (apt-get install postgresql): the postgres test image copies its binaries');
  const root = mkdtempSync(join(tmpdir(), 'sbtest-postgres-image-'));
  try {
    const binaries = ['postgres', 'initdb', 'psql'].map((b) => join(pg.lib, 'bin', b));
    // initdb loads the text-search dictionaries and PL/pgSQL.
    const modules = ['plpgsql.so', 'dict_snowball.so'].map((m) => join(pg.lib, 'lib', m));
    for (const file of [...binaries, ...modules, ...librariesOf([...binaries, ...modules])]) {
      mkdirSync(join(root, dirname(file)), { recursive: true });
      copyFileSync(realpathSync(file), join(root, file));
    }
    cpSync(pg.share, join(root, pg.share), { recursive: true, dereference: true });
    for (const zone of ['UTC', 'Etc/UTC']) {
      mkdirSync(join(root, 'usr/share/zoneinfo', dirname(zone)), { recursive: true });
      copyFileSync(realpathSync(`/usr/share/zoneinfo/${zone}`), join(root, 'usr/share/zoneinfo', zone));
    }
    mkdirSync(join(root, 'bin'));
    copyFileSync('/bin/busybox', join(root, 'bin/busybox'));
    for (const applet of ['sh', 'printf', 'rm', 'cat', 'sleep', 'ls', 'ps', 'kill']) symlinkSync('busybox', join(root, 'bin', applet));
    mkdirSync(join(root, 'etc'));
    writeFileSync(join(root, 'etc/passwd'), 'root:x:0:0:root:/root:/bin/sh\npostgres:x:101:101:postgres:/tmp:/bin/sh\n');
    writeFileSync(join(root, 'etc/group'), 'root:x:0:\npostgres:x:101:\n');
    mkdirSync(join(root, 'tmp'));
    chmodSync(join(root, 'tmp'), 0o1777);
    const tar = execFileSync('tar', ['-C', root, '-c', '.'], { maxBuffer: 512 * 1024 * 1024 });
    const changes = [
      'LABEL switchboard.test=1',
      `ENV PATH=${pg.lib}/bin:/bin`,
      'ENV PGHOST=/tmp',
      'ENV PGPORT=5432',
      'ENV TZ=UTC',
      'USER postgres',
      `CMD ${JSON.stringify(['sh', '-c', startScript])}`,
    ];
    await new Promise<void>((resolve, reject) => {
      const env = { ...process.env, ...(host ? { DOCKER_HOST: host } : {}) };
      const child = spawn('docker', ['import', ...changes.flatMap((c) => ['--change', c]), '-', tag], { env, stdio: ['pipe', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('error', reject);
      child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`docker import failed: ${stderr}`))));
      child.stdin.end(tar);
    });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
