import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { appRoot } from './base/appRoot.js';
import { serve } from './serve.js';

/**
 * `npm start`: the desktop app when the Electron runtime is there (Electron's
 * npm package fetches it on first use), else browser mode, said in one line.
 */
async function launch(argv: string[]): Promise<void> {
  const runtime = findElectronRuntime();
  if ('path' in runtime) {
    const child = spawn(runtime.path, [appRoot(), ...argv], { stdio: 'inherit' });
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
    child.on('exit', (code) => process.exit(code ?? 0));
    return;
  }
  console.log(`Electron runtime not available (${runtime.reason}) — starting browser mode instead.`);
  await serve(argv);
}

function findElectronRuntime(): { path: string } | { reason: string } {
  if (process.env.SWITCHBOARD_BROWSER_MODE === '1') return { reason: 'SWITCHBOARD_BROWSER_MODE=1' };
  // In a child process: when the runtime is missing, require('electron') tries to download it and prints a stack trace we keep out of the user's terminal.
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
    cwd: appRoot(),
    encoding: 'utf8',
    timeout: 300_000,
  });
  const path = probe.stdout?.trim();
  if (probe.status === 0 && path && existsSync(path)) return { path };
  const stderr = `${probe.stderr ?? ''}`;
  const network = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|fetch failed/i.exec(stderr)?.[0];
  const cause = network
    ? `the runtime is not installed and could not be downloaded: ${network}`
    : /failed to install/i.test(stderr)
      ? 'the runtime is not installed correctly'
      : (stderr.split('\n').map((l) => l.trim()).filter(Boolean).at(-1) ?? 'no runtime found');
  return { reason: cause.replace(/^Error:\s*/, '').slice(0, 160) };
}

launch(process.argv.slice(2)).catch((err: unknown) => {
  console.error(`Switchboard could not start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
