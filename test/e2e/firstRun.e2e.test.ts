import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { scratchDir, useApp } from './appFixture.js';
import { claudeToken, writeFakeHome } from '../support/fakeHome.js';

// The first run: the demo says it is one, and "Create stack.yaml from what is running" writes the operator's own file.
describe('first run on the built-in demo stack', () => {
  const home = scratchDir('switchboard-e2e-home-');
  beforeAll(() => writeFakeHome(home, home));
  // HOME is where the draft finds Claude Desktop, Cursor and VS Code; XDG_CONFIG_HOME must not send it elsewhere.
  const app = useApp(() => ({ env: { HOME: home, XDG_CONFIG_HOME: '' } }));

  it('says on the Overview that this is the demo, and offers to create stack.yaml', async () => {
    const banner = app.page.getByRole('region', { name: 'Demo stack' });
    await expect.poll(() => banner.textContent(), { timeout: 20_000 }).toMatch(/This is the built-in demo stack, not yours/);
    await expect.poll(() => banner.getByRole('button', { name: 'Create stack.yaml from what is running' }).isEnabled()).toBe(true);
    await app.shot('first-run-banner', banner);
  });

  it('opens the draft for review: what it was made from, the YAML with its comments, and the loader\'s verdict', async () => {
    await app.page.getByRole('button', { name: 'Create stack.yaml from what is running' }).click();
    const dialog = app.page.getByRole('dialog', { name: 'Review the new stack file' });
    await expect.poll(() => dialog.isVisible(), { timeout: 20_000 }).toBe(true);
    const found = dialog.getByRole('list', { name: 'What the draft was made from' });
    expect(await found.textContent()).toMatch(/Claude Desktop ~\/\.config\/Claude\/claude_desktop_config\.json: memory/);
    expect(await found.textContent()).toMatch(/Cursor ~\/\.cursor\/mcp\.json: everything/);
    const text = dialog.getByRole('textbox', { name: /stack\.yaml/ });
    const yaml = await text.inputValue();
    expect(yaml).toMatch(/^# Docker: which containers of the engine belong to this stack/m);
    expect(yaml).toMatch(/^include:\n {2}# Claude Desktop: memory\n {2}- ~\/\.config\/Claude\/claude_desktop_config\.json/m);
    expect(yaml).not.toContain(claudeToken);
    expect(await dialog.getByRole('status').textContent()).toMatch(/Loads as stack "[^"]+" with MCP servers memory, everything, files/);
    await app.shot('first-run-review', dialog);
  });

  it('shows a problem with its line and column and saves nothing until it is fixed', async () => {
    const dialog = app.page.getByRole('dialog', { name: 'Review the new stack file' });
    const text = dialog.getByRole('textbox', { name: /stack\.yaml/ });
    const yaml = await text.inputValue();
    await text.fill(yaml.replace(/^name: .*$/m, 'name: first-run-e2e\nprobes:\n  api: { url: "http://127.0.0.1:9/", every: 5 sec }'));
    await dialog.getByRole('button', { name: 'Save stack.yaml' }).click();
    const alert = dialog.getByRole('alert');
    await expect.poll(() => alert.textContent(), { timeout: 10_000 }).toMatch(/stack\.yaml:\d+:\d+ probes\.api\.every: .*not a duration/);
    const line = Number(/stack\.yaml:(\d+):/.exec((await alert.textContent()) ?? '')![1]);
    expect((await text.inputValue()).split('\n')[line - 1]).toMatch(/every: 5 sec/);
    await text.fill(yaml.replace(/^name: .*$/m, 'name: first-run-e2e'));
    await dialog.getByRole('button', { name: 'Check' }).click();
    await expect.poll(() => dialog.getByRole('status').textContent(), { timeout: 10_000 }).toMatch(/Loads as stack "first-run-e2e"/);
  });

  it('saves ./stack.yaml and the app runs on it: its name at the top, its MCP servers, no demo banner', async () => {
    const dialog = app.page.getByRole('dialog', { name: 'Review the new stack file' });
    const saved = (await dialog.getByRole('textbox', { name: /stack\.yaml/ }).inputValue());
    await dialog.getByRole('button', { name: 'Save stack.yaml' }).click();
    await expect.poll(() => dialog.isVisible(), { timeout: 20_000 }).toBe(false);
    await expect.poll(() => app.page.locator('.topbar .stack-name').textContent(), { timeout: 20_000 }).toBe('first-run-e2e');
    const workDir = dirname(app.server.demoDir);
    const file = join(workDir, 'stack.yaml');
    expect(await app.page.getByRole('status').filter({ hasText: 'Saved' }).textContent()).toContain(file);
    expect(readFileSync(file, 'utf8')).toBe(saved);
    expect(await app.page.getByRole('region', { name: 'Demo stack' }).count()).toBe(0);
    // The servers of the included files replace the demo's, and start.
    const mcp = app.page.getByRole('list', { name: 'MCP servers' });
    await expect.poll(() => mcp.getByRole('listitem', { name: /MCP server memory/ }).textContent(), { timeout: 30_000 }).toMatch(/ready/);
    await expect.poll(() => mcp.getByRole('listitem', { name: /MCP server files/ }).textContent(), { timeout: 30_000 }).toMatch(/ready/);
    expect(await mcp.getByRole('listitem', { name: /MCP server search-index/ }).count()).toBe(0);
    await app.shot('first-run-saved');
    expect(app.consoleErrors).toEqual([]);
  });
});
