import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerDocker } from '../../../electron/docker/index.js';
import { registerCompose } from '../../../electron/compose/index.js';
import { composeEnginesOf } from '../../../electron/app/composeEngines.js';
import type { ComposeOutputLine, ComposeOutputSnapshot, ComposeProject } from '../../../shared/contract/compose.js';
import { fakeAppContext, recordingSink } from '../../support/appContext.js';
import { waitFor } from '../../support/waitFor.js';
import { freePort } from '../../support/docker/testContainers.js';
import { ensureImage, removeTestImages } from '../../support/docker/testImages.js';
import { ComposeFolder } from '../../support/compose/composeFolder.js';
import { randomBytes } from 'node:crypto';
import type { CommandName, ParamsIn, ResultOf } from '../../../shared/contract/index.js';

describe('compose projects with the real compose tool on a real engine', () => {
  const project = `sbt-${randomBytes(3).toString('hex')}-shop`;
  let folder: ComposeFolder;
  let ctx: ReturnType<typeof fakeAppContext>;
  let compose: ReturnType<typeof registerCompose>;
  const shop = (): ComposeProject | undefined => compose.state().projects.find((p) => p.name === project);
  const service = (name: string) => shop()?.services.find((s) => s.name === name);
  /** Calls as a session would; a failure rejects with the message the screen shows. */
  const call = async <K extends CommandName>(name: K, params: ParamsIn<K>): Promise<ResultOf<K>> => {
    const outcome = await ctx.commands.call(name, params);
    if (!outcome.ok) throw new Error(outcome.error.message);
    return outcome.value as ResultOf<K>;
  };

  beforeAll(async () => {
    for (const image of ['web', 'logger', 'busybox'] as const) await ensureImage(image);
    folder = new ComposeFolder(project, await freePort());
    ctx = fakeAppContext({ docker: { compose: [{ file: folder.file, envFile: folder.envFile, profiles: ['workers'], projectName: project }] } }, { baseDir: folder.root });
    const docker = registerDocker(ctx);
    compose = registerCompose(ctx, composeEnginesOf(docker), { env: process.env });
    await waitFor('the project to be read', () => (service('web') ? shop() : undefined), 60_000);
  }, 180_000);

  afterAll(async () => {
    await ctx?.disposables.disposeAsync();
    await folder?.dispose();
    await removeTestImages();
  });

  it('names the compose tool that runs and its version', () => {
    const { tool } = compose.state();
    expect(tool).toMatchObject({ found: true });
    if (!tool.found) return;
    expect(tool.command).toMatch(/^docker(-| )compose$/);
    expect(tool.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('shows the services the profiles make active, not created yet, and the resolved config with the env file applied', async () => {
    expect(shop()!.services.map((s) => [s.name, s.status])).toEqual([
      ['web', 'not-created'],
      ['worker', 'not-created'],
    ]);
    const { yaml, commandLine } = await call('compose.config', { project });
    expect(commandLine).toContain(`--profile workers`);
    expect(yaml).toMatch(/PORT: '\d+'/);
    expect(yaml).not.toContain('WEB_PORT');
  });

  it('Up creates both, streaming the tool output to the panel and the log hub', async () => {
    const { rec, sink } = recordingSink<ComposeOutputSnapshot, ComposeOutputLine>();
    const up = call('compose.up', { project });
    await waitFor('the operation to start', () => compose.output.operation(project)?.action === 'up');
    ctx.topics.open('compose.output', { project }, sink);
    const result = await up;
    expect(result.message).toMatch(/^compose up of compose:.* done in/);
    await waitFor('both services running', () => service('web')?.status === 'running' && service('worker')?.status === 'running', 30_000);
    const lines = [...(rec.snapshots[0]?.lines ?? []), ...rec.items].map((l) => l.text);
    expect(lines.join('\n')).toMatch(/Creating|Created|Started/);
    expect(ctx.lines.some((l) => l.source === `compose:${project}` && /web/.test(l.text))).toBe(true);
    expect(shop()!.operation).toMatchObject({ action: 'up', outcome: 'done' });
    expect(service('web')!.outdated).toBeUndefined();
    expect(service('tools')).toBeUndefined();
  }, 120_000);

  it('an edited service shows outdated, and Up recreates only it', async () => {
    const before = await folder.containers();
    folder.write('changed');
    await waitFor('worker to show outdated', () => service('worker')?.outdated === 'config', 30_000);
    expect(service('web')!.outdated).toBeUndefined();
    await call('compose.up', { project });
    await waitFor('worker up to date', () => service('worker')?.status === 'running' && service('worker')?.outdated === undefined, 30_000);
    const after = await folder.containers();
    expect(after.get('web')).toBe(before.get('web'));
    expect(after.get('worker')).not.toBe(before.get('worker'));
  }, 120_000);

  it('a failed operation fails in the tool\'s own words', async () => {
    const err = await call('compose.restart', { project, services: ['nosuch'] }).catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toMatch(/nosuch/);
    expect(shop()!.operation).toMatchObject({ action: 'restart', outcome: 'failed' });
  }, 60_000);

  it('Down removes them', async () => {
    await call('compose.down', { project, removeVolumes: false });
    await waitFor('no containers left', async () => (await folder.containers()).size === 0, 30_000);
    await waitFor('services not created', () => service('web')?.status === 'not-created' && service('worker')?.status === 'not-created', 30_000);
  }, 120_000);
});
