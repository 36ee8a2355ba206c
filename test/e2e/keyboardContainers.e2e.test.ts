import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { scratchDir, useApp } from './appFixture.js';
import { repoRoot } from './harness.js';
import { TestContainers } from '../support/docker/testContainers.js';
import { docker } from '../support/docker/dockerCli.js';

// Issue #16 against the real engine and a real MCP server: Restart and Stop with the keyboard alone, and a destructive palette entry that asks first.

/** The accessible name of what has focus (rows and buttons are named). */
const focusedName = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent?.trim() ?? '');

/** Presses `key` until the focused row is `name`; at most `limit` times. */
async function pressUntilFocused(page: Page, key: string, name: string, limit = 20): Promise<void> {
  for (let i = 0; i < limit && (await focusedName(page)) !== name; i++) await page.keyboard.press(key);
  expect(await focusedName(page)).toBe(name);
}

describe('Keyboard on containers and MCP servers', () => {
  const tc = new TestContainers();
  const project = `${tc.prefix}-kb`;
  const idle = ['sh', '-c', 'trap "exit 0" TERM; while true; do sleep 1; done'];
  const work = scratchDir('sb-e2e-keyboard-containers-');

  beforeAll(async () => {
    await tc.run({ image: 'busybox', name: 'worker', project, service: 'worker', cmd: idle });
    await tc.run({ image: 'busybox', name: 'victim', project, service: 'victim', cmd: idle });
  }, 180_000);

  afterAll(() => tc.removeAll());

  const app = useApp({
    config: {
      name: 'e2e-keyboard-containers',
      docker: { project },
      mcpServers: {
        memory: { command: 'node', args: [join(repoRoot, 'node_modules/@modelcontextprotocol/server-memory/dist/index.js')], env: { MEMORY_FILE_PATH: join(work, 'memory.jsonl') } },
      },
    },
  });
  const containerRow = (name: string) => app.page.getByRole('listitem', { name: `container ${tc.prefix}-${name}` });
  const mcpRow = () => app.page.getByRole('list', { name: 'MCP servers' }).getByRole('listitem', { name: 'MCP server memory', exact: true });
  // read without waiting: a locator's textContent() would wait for the details forever, past the poll's timeout
  const pidShown = async () => /pid (\d+)/.exec(await app.page.evaluate(() => document.querySelector('.mcp-details')?.textContent ?? ''))?.[1];

  it('operates an MCP Restart and a container Stop with the keyboard alone', async () => {
    const { page } = app;
    // no click from here on: only keys (once the app is on screen, listening)
    await expect.poll(() => page.locator('.topbar h1').textContent(), { timeout: 10_000 }).toBe('Overview');
    await page.keyboard.press('Control+3');
    await expect.poll(() => page.locator('.topbar h1').textContent()).toBe('MCP servers');
    await expect.poll(() => mcpRow().textContent(), { timeout: 30_000 }).toMatch(/ready/);
    await expect.poll(pidShown, { timeout: 10_000 }).toMatch(/\d+/);
    const pidBefore = await pidShown();
    await pressUntilFocused(page, 'j', 'MCP server memory');
    await page.keyboard.press('r');
    await expect.poll(pidShown, { timeout: 30_000 }).not.toBe(pidBefore);
    await expect.poll(() => mcpRow().textContent(), { timeout: 30_000 }).toMatch(/ready/);
    expect(await focusedName(page)).toBe('MCP server memory');

    await page.keyboard.press('Control+2');
    await expect.poll(() => page.locator('.topbar h1').textContent()).toBe('Containers');
    await expect.poll(() => containerRow('worker').textContent(), { timeout: 30_000 }).toMatch(/running/);
    await pressUntilFocused(page, 'j', `container ${tc.prefix}-worker`);
    await page.keyboard.press('s');
    await expect.poll(() => containerRow('worker').locator('.pill').textContent(), { timeout: 30_000 }).toMatch(/^exited/);
    expect(await tc.inspect<boolean>(`${tc.prefix}-worker`, '.State.Running')).toBe(false);
    await app.shot('keyboard-container-stopped');
    // s again starts it, once the stop has answered (until then the row's actions, keys and buttons alike, wait)
    await expect.poll(() => containerRow('worker').textContent(), { timeout: 30_000 }).toMatch(/stop done in/);
    await page.keyboard.press('s');
    await expect.poll(() => containerRow('worker').locator('.pill').textContent(), { timeout: 30_000 }).toBe('running');
  });

  it('a destructive palette entry asks first: Esc keeps the container, Enter removes it', async () => {
    const { page } = app;
    const victim = `${tc.prefix}-victim`;
    await expect.poll(() => containerRow('victim').textContent(), { timeout: 30_000 }).toMatch(/running/);
    await page.keyboard.press('Control+k');
    const palette = page.getByRole('dialog', { name: 'Command palette' });
    await expect.poll(() => palette.isVisible()).toBe(true);
    // one word finds the same action on every kind of item
    await page.keyboard.type('restart');
    await expect.poll(() => palette.getByRole('option').allTextContents(), { timeout: 10_000 }).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Restart memoryMCP server/), expect.stringMatching(new RegExp(`^Restart ${tc.prefix}-workercontainer`)), expect.stringMatching(new RegExp(`^Restart all of ${project}compose project`))]),
    );
    await app.shot('palette-restart', palette);
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Backspace');
    await page.keyboard.type(`remove ${tc.prefix.slice(-4)} victim`);
    const first = palette.getByRole('option').first();
    await expect.poll(() => first.textContent(), { timeout: 10_000 }).toMatch(new RegExp(`^Remove ${victim} \\(asks to confirm\\)container · running`));
    await page.keyboard.press('Enter');

    const confirm = page.getByRole('dialog', { name: `Remove ${victim}?` });
    await expect.poll(() => confirm.isVisible()).toBe(true);
    expect(await confirm.textContent()).toMatch(/is running: it is killed first/);
    await app.shot('palette-confirm', confirm);
    await page.keyboard.press('Escape');
    await expect.poll(() => confirm.isVisible()).toBe(false);
    await new Promise((r) => setTimeout(r, 500));
    expect(await tc.inspect<boolean>(victim, '.State.Running')).toBe(true);

    // picked last, so first with an empty query
    await page.keyboard.press('Control+k');
    await expect.poll(() => palette.getByRole('option').first().textContent(), { timeout: 10_000 }).toMatch(new RegExp(`^Remove ${victim}`));
    await page.keyboard.press('Enter');
    await expect.poll(() => confirm.isVisible()).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => docker(['ps', '-aq', '--filter', `name=^${victim}$`]), { timeout: 30_000 }).toBe('');
    await expect.poll(() => containerRow('victim').count(), { timeout: 10_000 }).toBe(0);
    await expect.poll(() => page.getByRole('status', { name: 'Palette action' }).textContent(), { timeout: 10_000 }).toMatch(new RegExp(`Remove ${victim} — `));
    expect(app.consoleErrors).toEqual([]);
  });
});
