import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { docker, dockerQuiet } from './dockerCli.js';

/** A Redis image built here (no registry): Debian's redis-server and the libraries it links, nothing else. */
export const redisImage = 'sbtest-containers/redis:7';

/** Builds the image unless it is there; throws, saying why, when redis-server is not installed. */
export async function ensureRedisImage(host?: string): Promise<string> {
  const there = await docker(['image', 'inspect', '--format', '{{.Id}}', redisImage], { host }).then(
    () => true,
    () => false,
  );
  if (there) return redisImage;
  const binary = '/usr/bin/redis-server';
  const root = mkdtempSync(join(tmpdir(), 'sbtest-redis-image-'));
  try {
    // ldd lists each library as "name => /path (addr)" and the loader as "/lib64/ld-linux… (addr)".
    const libraries = execFileSync('ldd', [binary], { encoding: 'utf8' })
      .split('\n')
      .map((line) => /(\/\S+) \(0x/.exec(line)?.[1])
      .filter((path): path is string => Boolean(path));
    for (const file of [binary, ...libraries]) {
      mkdirSync(join(root, dirname(file)), { recursive: true });
      copyFileSync(realpathSync(file), join(root, file));
    }
    mkdirSync(join(root, 'tmp'));
    mkdirSync(join(root, 'data'));
    const tar = execFileSync('tar', ['-C', root, '-c', '.'], { maxBuffer: 256 * 1024 * 1024 });
    await new Promise<void>((resolve, reject) => {
      const env = { ...process.env, ...(host ? { DOCKER_HOST: host } : {}) };
      const changes = ['LABEL switchboard.test=1', 'WORKDIR /data', `ENTRYPOINT ["${binary}"]`];
      const child = spawn('docker', ['import', ...changes.flatMap((c) => ['--change', c]), '-', redisImage], { env, stdio: ['pipe', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('error', reject);
      child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`docker import of ${redisImage} failed: ${stderr}`))));
      child.stdin.end(tar);
    });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  return redisImage;
}

export async function removeRedisImage(host?: string): Promise<void> {
  await dockerQuiet(['rmi', redisImage], { host });
}
