import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useApp } from './appFixture.js';
import { axeViolations } from './screens.js';
import { freePort } from '../support/docker/testContainers.js';
import { ensureImage, removeTestImages } from '../support/docker/testImages.js';
import { ComposeFolder } from '../support/compose/composeFolder.js';

// A compose project on the Containers screen against the real engine and the real compose tool.
describe('Compose projects on the Containers screen', () => {
  const project = `sbt-${randomBytes(3).toString('hex')}-shop`;
  let folder: ComposeFolder;
  let page: Page;

  // web is up from an older version of the file (so it is outdated), worker was never created.
  beforeAll(async () => {
    for (const image of ['web', 'logger'] as const) await ensureImage(image);
    folder = new ComposeFolder(project, await freePort());
    folder.write('hello', 'old');
    await folder.composeCli(['up', '-d', 'web']);
    folder.write('hello', 'new');
  }, 180_000);

  afterAll(async () => {
    await folder?.dispose();
    await removeTestImages();
  });

  const app = useApp(() => ({
    config: { name: 'e2e-compose', docker: { project, compose: [{ file: folder.file, envFile: folder.envFile, profiles: ['workers'], projectName: project }] } },
    at: '#/containers',
    viewport: { width: 1400, height: 1000 },
  }));
  beforeAll(() => {
    page = app.page;
  });

  const card = () => page.getByRole('region', { name: `compose file project ${project}` });
  const serviceRow = (name: string) => card().getByRole('row', { name: `service ${name}` });

  it('shows the services compose defines: one outdated, one not created, and the tool that runs them', async () => {
    await expect.poll(() => serviceRow('web').textContent(), { timeout: 30_000 }).toMatch(/running.*outdated: config changed/);
    await expect.poll(() => serviceRow('worker').textContent()).toMatch(/not created/);
    await expect.poll(() => page.getByRole('region', { name: 'compose projects' }).getByRole('status').textContent()).toMatch(/Compose: docker(-| )compose \d+\.\d+\.\d+/);
    await app.shot('compose-not-created-outdated', card());
    expect(await axeViolations(page)).toEqual([]);
  });

  it('Up shows the resolved config first, then streams the tool output while the services come up', async () => {
    await card().getByRole('button', { name: 'Up', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: `Up project ${project}` });
    await expect.poll(() => dialog.getByLabel('resolved config').textContent(), { timeout: 30_000 }).toMatch(/GREETING: new/);
    await app.shot('compose-resolved-config', dialog);
    await dialog.getByRole('button', { name: 'Up', exact: true }).click();
    const output = card().getByRole('log', { name: 'output of up' });
    await expect.poll(() => output.textContent(), { timeout: 60_000 }).toMatch(/done in/);
    await expect.poll(() => output.textContent()).toMatch(/Recreating .*web|Creating .*worker|Container .*(Created|Started)/);
    await expect.poll(() => serviceRow('web').textContent(), { timeout: 30_000 }).not.toMatch(/outdated/);
    await expect.poll(() => serviceRow('worker').textContent(), { timeout: 30_000 }).toMatch(/running/);
    await expect.poll(() => card().textContent()).toMatch(/2\/2 services running/);
    await app.shot('compose-up-done', card());
  }, 120_000);

  it('Down asks about volumes separately, then removes the containers', async () => {
    await card().getByRole('button', { name: 'Down', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: `Down ${project}` });
    expect(await dialog.getByRole('checkbox', { name: /remove its volumes/ }).isChecked()).toBe(false);
    await dialog.getByRole('button', { name: 'Down', exact: true }).click();
    await expect.poll(() => serviceRow('web').textContent(), { timeout: 60_000 }).toMatch(/not created/);
    await expect.poll(() => serviceRow('worker').textContent(), { timeout: 30_000 }).toMatch(/not created/);
    expect((await folder.containers()).size).toBe(0);
  }, 120_000);
});
