import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, mkdirSync, rmSync, symlinkSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { docker, dockerQuiet } from './dockerCli.js';
import { withBuildLock } from './buildLock.js';
import { buildPostgresImage } from './postgresImage.js';

/**
 * Images for the containers tests, built locally (no registry here): a busybox
 * base imported from the busybox-static binary, and small Dockerfiles FROM it.
 * Every image carries the label switchboard.test=1.
 */
export const testImages = {
  busybox: 'sbtest-containers/busybox:1',
  /** Like real services, they exit on SIGTERM, so stop and restart take a moment, not Docker's 10 s grace. */
  /** busybox httpd on 127.0.0.1:$PORT with a HEALTHCHECK that fetches it (unhealthy when /www/broken exists). */
  web: 'sbtest-containers/web:2',
  /** Prints a line and exits 3 after a second: crash-loops under --restart always. */
  crasher: 'sbtest-containers/crasher:1',
  /** Writes "out N" to stdout and "err N" to stderr with ANSI colour, five lines a second. */
  logger: 'sbtest-containers/logger:2',
  /** Prints "bye" and exits 42. */
  failer: 'sbtest-containers/failer:1',
  /** busybox with the applets a terminal session uses (stty, tty, tr, wc, grep); idles until stopped. */
  terminal: 'sbtest-containers/terminal:1',
  /** The host's redis-server and redis-cli (Debian's redis package) with their libraries, on busybox. */
  redis: 'sbtest-containers/redis:1',
  /**
   * The host's GNU bash, yes and head on busybox, as in Debian-based images: they write in blocks, where
   * busybox's head writes a terminal line by line (the engine then moves 2 bytes per read). bash, because
   * busybox sh runs its own applets whatever PATH says.
   */
  gnuTools: 'sbtest-containers/gnu-tools:1',
  /** The host's PostgreSQL (Debian's postgresql) on busybox: POSTGRES_USER/POSTGRES_PASSWORD, PGPORT (postgresImage.ts). */
  postgres: 'sbtest-containers/postgres:1',
} as const;

export type TestImage = keyof typeof testImages;

const applets = ['sh', 'httpd', 'wget', 'sleep', 'echo', 'cat', 'printf', 'touch', 'rm', 'ls', 'true', 'false', 'yes', 'dd', 'seq', 'env', 'kill', 'top', 'ps', 'head'];

const dockerfiles: Record<Exclude<TestImage, 'busybox' | 'redis' | 'gnuTools' | 'postgres'>, string> = {
  web: `FROM ${testImages.busybox}
ENV PORT=8080
RUN mkdir -p /www && echo ok > /www/index.html
HEALTHCHECK --interval=1s --timeout=2s --retries=2 CMD sh -c 'test ! -e /www/broken && wget -q -O - http://127.0.0.1:$PORT/ && echo " served on $PORT"'
CMD ["sh", "-c", "trap 'kill $pid; exit 0' TERM; httpd -f -p 127.0.0.1:$PORT -h /www & pid=$!; wait $pid"]`,
  crasher: `FROM ${testImages.busybox}
CMD ["sh", "-c", "echo 'crashing in a second'; sleep 1; exit 3"]`,
  logger: `FROM ${testImages.busybox}
CMD ["sh", "-c", "trap 'exit 0' TERM; i=0; while true; do printf '\\\\033[32mout %d\\\\033[0m\\\\n' $i; echo \\"err $i\\" >&2; i=$((i+1)); sleep 0.2; done"]`,
  failer: `FROM ${testImages.busybox}
CMD ["sh", "-c", "echo bye; exit 42"]`,
  terminal: `FROM ${testImages.busybox}
RUN ["/bin/busybox", "sh", "-c", "for a in stty tty tr wc grep; do /bin/busybox ln -s busybox /bin/$a; done"]
CMD ["sh", "-c", "trap 'exit 0' TERM; while true; do sleep 1; done"]`,
};

async function exists(image: string, host?: string): Promise<boolean> {
  return docker(['image', 'inspect', '--format', '{{.Id}}', image], { host }).then(
    () => true,
    () => false,
  );
}

async function importBusybox(host?: string): Promise<void> {
  await importRoot(testImages.busybox, [], [], host);
}

/** Busybox plus some of the host's binaries and every library they load, at the same paths. */
async function importHostBinaries(tag: string, binaries: string[], changes: string[], host?: string): Promise<void> {
  const libraries = new Set<string>(['/lib64/ld-linux-x86-64.so.2']);
  for (const binary of binaries) {
    for (const match of execFileSync('ldd', [binary], { encoding: 'utf8' }).matchAll(/=> (\/\S+)/g)) libraries.add(match[1]!);
  }
  await importRoot(tag, [...binaries, ...libraries], changes, host);
}

const idle = `CMD ["sh", "-c", "trap 'exit 0' TERM; while true; do sleep 1; done"]`;

/** A busybox root with `files` copied in (symlinks followed) as image `tag`. */
async function importRoot(tag: string, files: string[], changes: string[], host?: string): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'sbtest-busybox-'));
  try {
    mkdirSync(join(root, 'bin'));
    mkdirSync(join(root, 'tmp'));
    copyFileSync('/bin/busybox', join(root, 'bin/busybox'));
    for (const a of applets) symlinkSync('busybox', join(root, 'bin', a));
    for (const file of files) {
      mkdirSync(join(root, dirname(file)), { recursive: true });
      copyFileSync(file, join(root, file));
      chmodSync(join(root, file), 0o755);
    }
    const tar = execFileSync('tar', ['-C', root, '-c', '.'], { maxBuffer: 256 * 1024 * 1024 });
    await new Promise<void>((resolve, reject) => {
      const env = { ...process.env, ...(host ? { DOCKER_HOST: host } : {}) };
      const change = ['LABEL switchboard.test=1', 'ENV PATH=/bin', ...changes].flatMap((c) => ['--change', c]);
      const child = spawn('docker', ['import', ...change, '-', tag], { env, stdio: ['pipe', 'ignore', 'pipe'] });
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

/** Builds `image` (and the busybox base) unless it is already there; safe to call before every container. */
export async function ensureImage(image: TestImage, host?: string): Promise<string> {
  const tag = testImages[image];
  if (await exists(tag, host)) return tag;
  // looked at again under the lock: another test file may have built it while we waited
  return withBuildLock(host, async () => {
    if (await exists(tag, host)) return tag;
    if (!(await exists(testImages.busybox, host))) await importBusybox(host);
    if (image === 'redis') await importHostBinaries(tag, ['/usr/bin/redis-server', '/usr/bin/redis-cli'], ['ENV PATH=/bin:/usr/bin', 'CMD ["redis-server"]'], host);
    else if (image === 'postgres') await buildPostgresImage(tag, host);
    else if (image === 'gnuTools') await importHostBinaries(tag, ['/usr/bin/bash', '/usr/bin/yes', '/usr/bin/head'], ['ENV PATH=/usr/bin:/bin', idle], host);
    else if (image !== 'busybox') {
      await docker(['build', '--network', 'host', '--label', 'switchboard.test=1', '-t', tag, '-'], { host, input: dockerfiles[image] });
    }
    return tag;
  });
}

export async function ensureAllImages(host?: string): Promise<void> {
  for (const image of Object.keys(testImages) as TestImage[]) await ensureImage(image, host);
}

/** Removes the test images that no container uses any more (another test file may still be running its containers). */
export async function removeTestImages(host?: string): Promise<void> {
  for (const image of ['web', 'crasher', 'logger', 'failer', 'terminal', 'redis', 'gnuTools', 'postgres', 'busybox'] as TestImage[]) await dockerQuiet(['rmi', testImages[image]], { host });
}
