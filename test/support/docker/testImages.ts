import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { docker, dockerQuiet } from './dockerCli.js';

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
} as const;

export type TestImage = keyof typeof testImages;

const applets = ['sh', 'httpd', 'wget', 'sleep', 'echo', 'cat', 'printf', 'touch', 'rm', 'ls', 'true', 'false', 'yes', 'dd', 'seq', 'env', 'kill', 'top', 'ps', 'head'];

const dockerfiles: Record<Exclude<TestImage, 'busybox'>, string> = {
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
};

async function exists(image: string, host?: string): Promise<boolean> {
  return docker(['image', 'inspect', '--format', '{{.Id}}', image], { host }).then(
    () => true,
    () => false,
  );
}

async function importBusybox(host?: string): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'sbtest-busybox-'));
  try {
    mkdirSync(join(root, 'bin'));
    mkdirSync(join(root, 'tmp'));
    copyFileSync('/bin/busybox', join(root, 'bin/busybox'));
    for (const a of applets) symlinkSync('busybox', join(root, 'bin', a));
    const tar = execFileSync('tar', ['-C', root, '-c', '.'], { maxBuffer: 64 * 1024 * 1024 });
    await new Promise<void>((resolve, reject) => {
      const env = { ...process.env, ...(host ? { DOCKER_HOST: host } : {}) };
      const child = spawn('docker', ['import', '--change', 'LABEL switchboard.test=1', '--change', 'ENV PATH=/bin', '-', testImages.busybox], { env, stdio: ['pipe', 'ignore', 'pipe'] });
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
  if (!(await exists(testImages.busybox, host))) await importBusybox(host);
  if (image !== 'busybox') {
    await docker(['build', '--network', 'host', '--label', 'switchboard.test=1', '-t', tag, '-'], { host, input: dockerfiles[image] });
  }
  return tag;
}

export async function ensureAllImages(host?: string): Promise<void> {
  for (const image of Object.keys(testImages) as TestImage[]) await ensureImage(image, host);
}

/** Removes the test images that no container uses any more (another test file may still be running its containers). */
export async function removeTestImages(host?: string): Promise<void> {
  for (const image of ['web', 'crasher', 'logger', 'failer', 'busybox'] as TestImage[]) await dockerQuiet(['rmi', testImages[image]], { host });
}
