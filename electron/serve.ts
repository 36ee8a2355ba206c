import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { createSwitchboard } from './app/createSwitchboard.js';
import { appRoot } from './base/appRoot.js';
import { flagValue, flagValues, portFlag } from './app/cliArgs.js';
import { installProcessPolicy } from './app/processPolicy.js';
import { planBind } from './transport/bindPlan.js';
import { startBrowserServer } from './transport/browserServer.js';

/**
 * Browser mode: the same services and renderer as the desktop app, served on
 * loopback behind a per-run token (off loopback only over HTTPS, to the names
 * given with --allow-host). Runs until Ctrl-C, then stops everything
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
  const bind = planBind({ host, tlsCert: flagValue(argv, 'tls-cert'), tlsKey: flagValue(argv, 'tls-key'), allowHosts: flagValues(argv, 'allow-host') });
  const app = await createSwitchboard({ argv, env: process.env, cwd: process.cwd(), mode: 'browser' });
  policy.attach(app);
  let server;
  try {
    server = await startBrowserServer({
      ...bind,
      port,
      staticDir,
      commands: app.commands,
      topics: app.topics,
      routes: app.routes,
      onError: (error, where) => policy.report(`${where} failed`, error),
    });
  } catch (err) {
    await app.shutdown();
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new Error(`port ${port} on ${host} is in use: pass --port N (or --port 0 for any free port)`, { cause: err });
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
