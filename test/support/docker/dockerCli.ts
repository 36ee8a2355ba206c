import { execFile } from 'node:child_process';

/** Runs the docker CLI (against `host` when given) and resolves with its trimmed stdout. */
export function docker(args: string[], opts: { host?: string; input?: string; timeoutMs?: number } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env };
    if (opts.host) env.DOCKER_HOST = opts.host;
    const child = execFile('docker', args, { env, timeout: opts.timeoutMs ?? 120_000, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`docker ${args.join(' ')} failed: ${stderr.trim() || err.message}`));
      else resolve(stdout.trim());
    });
    if (opts.input !== undefined) child.stdin?.end(opts.input);
  });
}

/** Like docker(), but never rejects: for cleanup, where "already gone" is fine. */
export async function dockerQuiet(args: string[], opts: { host?: string } = {}): Promise<void> {
  await docker(args, opts).catch(() => undefined);
}
