import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { createSwitchboard } from './app/createSwitchboard.js';
import { appRoot } from './base/appRoot.js';
import { flagValue, portFlag } from './app/cliArgs.js';
import { installProcessPolicy } from './app/processPolicy.js';
import { startBrowserServer } from './transport/browserServer.js';

/**
 * Browser mode: the same services and renderer as the desktop app, served on
 * loopback behind a per-run token. Runs until Ctrl-C, then stops everything
 * it started, child processes included.
 */
export async function serve(argv: string[] = process.argv.slice(2)): Promise<void> {
  const policy = installProcessPolicy();
  const host = flagValue(argv, 'host') ?? '127.0.0.1';
  const port = portFlag(argv, 7420);
  const staticDir = join(appRoot(), 'dist/renderer');
  if (!existsSync(join(staticDir, 'index.html'))) {
    throw new Error(`the renderer is not built (no ${staticDir}/index.html): run npm run build first`);
  }
  if (!['127.0.0.1', 'localhost', '::1'].includes(host)) {
    console.warn(`warning: --host ${host} makes Switchboard reachable from other machines; the token is the only lock.`);
  }
  const app = await createSwitchboard({ argv, env: process.env, cwd: process.cwd(), mode: 'browser' });
  policy.attach(app);
  let server;
  try {
    server = await startBrowserServer({
      host,
      port,
      staticDir,
      commands: app.commands,
      topics: app.topics,
      onError: (error, where) => policy.report(`${where} failed`, error),
    });
  } catch (err) {
    await app.shutdown();
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new Error(`port ${port} on ${host} is in use: pass --port N (or --port 0 for any free port)`);
    throw err;
  }
  console.log(`Switchboard is serving ${server.url}`);

  let quitting = false;
  const quit = async (signal: string) => {
    if (quitting) return;
    quitting = true;
    console.log(`\n${signal}: stopping Switchboard…`);
    const force = setTimeout(() => process.exit(1), 20_000);
    await server.close();
    await app.shutdown();
    clearTimeout(force);
    process.exit(0);
  };
  process.on('SIGINT', () => void quit('SIGINT'));
  process.on('SIGTERM', () => void quit('SIGTERM'));
}

const invokedDirectly = process.argv[1] && /serve\.(m?js|ts)$/.test(process.argv[1]);
if (invokedDirectly) {
  serve().catch((err: unknown) => {
    console.error(`Switchboard could not start: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
}
