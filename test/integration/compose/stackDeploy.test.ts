import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerDocker } from '../../../electron/docker/index.js';
import { registerCompose } from '../../../electron/compose/index.js';
import { registerSwarm } from '../../../electron/swarm/index.js';
import { composeEnginesOf } from '../../../electron/app/composeEngines.js';
import { swarmEnginesOf } from '../../../electron/app/swarmEngines.js';
import { fakeAppContext } from '../../support/appContext.js';
import { waitFor } from '../../support/waitFor.js';
import { PrivateSwarm } from '../../support/swarm/privateSwarm.js';

// `docker stack deploy` of a compose-file stack, as an explicit action, onto a private single-node swarm.
describe('deploying a compose file to Swarm', () => {
  const swarm = new PrivateSwarm();
  const dir = mkdtempSync(join(tmpdir(), 'sbtest-stack-'));
  let ctx: ReturnType<typeof fakeAppContext>;
  let services: ReturnType<typeof registerSwarm>;

  beforeAll(async () => {
    await swarm.start();
    // stack deploy reads the Compose file format 3 (it needs the version key), and the env file's variables from the environment.
    writeFileSync(
      join(dir, 'stack.yml'),
      `version: "3.8"
services:
  web:
    image: sbtest-containers/busybox:1
    command: ["sh", "-c", "trap 'exit 0' TERM; while true; do echo \${GREETING}; sleep 1; done"]
    deploy: { replicas: 2 }
    labels: { switchboard.test: "1" }
`,
    );
    writeFileSync(join(dir, 'stack.env'), 'GREETING=from-the-env-file\n');
    ctx = fakeAppContext({ docker: { host: swarm.host, compose: [{ file: join(dir, 'stack.yml'), envFile: join(dir, 'stack.env'), projectName: 'sbtshop' }] } });
    const docker = registerDocker(ctx);
    registerCompose(ctx, composeEnginesOf(docker), { env: process.env });
    services = registerSwarm(ctx, swarmEnginesOf(docker));
    await waitFor('the engine to be a manager', () => services.state().engines[0]?.manager, 30_000);
  }, 180_000);

  afterAll(async () => {
    await ctx?.disposables.disposeAsync();
    await swarm.dispose();
    rmSync(dir, { recursive: true, force: true });
  }, 120_000);

  it('deploys the stack: its services show in the stack, with the env file applied', async () => {
    const outcome = await ctx.commands.call('compose.deploy', { project: 'sbtshop' });
    expect(outcome).toMatchObject({ ok: true });
    const web = () => services.state().engines[0]?.services.find((s) => s.name === 'sbtshop_web');
    await waitFor('sbtshop_web at 2/2 in stack sbtshop', () => web()?.running === 2 && web()?.stack === 'sbtshop', 60_000);
    await ctx.commands.call('swarm.logs', { service: 'sbtshop_web', follow: true });
    await waitFor('a line with the env file value', () => ctx.lines.some((l) => l.source === 'service:sbtshop_web' && l.text.includes('from-the-env-file')), 30_000);
  }, 120_000);
});
