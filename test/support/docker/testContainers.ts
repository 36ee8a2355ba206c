import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { docker, dockerQuiet } from './dockerCli.js';
import { ensureImage, type TestImage } from './testImages.js';

export interface RunOptions {
  image: TestImage;
  name: string;
  env?: Record<string, string>;
  restart?: 'no' | 'always' | 'on-failure' | 'unless-stopped';
  tty?: boolean;
  project?: string;
  service?: string;
  labels?: Record<string, string>;
  cmd?: string[];
  /** Ports the container says it serves (EXPOSE); with host networking they are on 127.0.0.1. */
  expose?: number[];
  /** Create without starting. */
  createOnly?: boolean;
}

/**
 * Test containers of one test file: every name starts with a random prefix,
 * every container is labelled switchboard.test=1 and host-networked (there is
 * no bridge here), and `removeAll()` takes them all away.
 */
export class TestContainers {
  readonly prefix = `sbt-${randomBytes(3).toString('hex')}`;
  private readonly ids = new Set<string>();

  constructor(readonly host?: string) {}

  /** Runs a container and resolves with its id. */
  async run(opts: RunOptions): Promise<{ id: string; name: string }> {
    const image = await ensureImage(opts.image, this.host);
    const name = `${this.prefix}-${opts.name}`;
    const args = [opts.createOnly ? 'create' : 'run', ...(opts.createOnly ? [] : ['-d']), '--name', name, '--network', 'host', '--label', 'switchboard.test=1'];
    if (opts.restart) args.push('--restart', opts.restart);
    if (opts.tty) args.push('-t');
    if (opts.project) args.push('--label', `com.docker.compose.project=${opts.project}`);
    if (opts.service) args.push('--label', `com.docker.compose.service=${opts.service}`);
    for (const [k, v] of Object.entries(opts.labels ?? {})) args.push('--label', `${k}=${v}`);
    for (const [k, v] of Object.entries(opts.env ?? {})) args.push('-e', `${k}=${v}`);
    for (const port of opts.expose ?? []) args.push('--expose', String(port));
    args.push(image, ...(opts.cmd ?? []));
    const id = (await docker(args, { host: this.host })).split('\n').at(-1)!;
    this.ids.add(id);
    return { id, name };
  }

  async inspect<T = unknown>(idOrName: string, format: string): Promise<T> {
    return JSON.parse(await docker(['inspect', '--format', `{{json ${format}}}`, idOrName], { host: this.host })) as T;
  }

  async removeAll(): Promise<void> {
    const labelled = await docker(['ps', '-aq', '--filter', `name=${this.prefix}-`], { host: this.host }).catch(() => '');
    const ids = new Set([...this.ids, ...labelled.split('\n').filter(Boolean)]);
    if (ids.size) await dockerQuiet(['rm', '-f', '-v', ...ids], { host: this.host });
    this.ids.clear();
  }
}

/** A free TCP port on 127.0.0.1 for a host-networked container to listen on. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
