import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { scratchDir, useApp } from './appFixture.js';
import { repoRoot } from './harness.js';

// The keyboard of issue #16 on a small MCP stack: the command palette, screen shortcuts, list rows, `?`, and fields that keep their keys.

/** What has focus, as an operator's screen reader would name it: role and accessible name (or text). */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'body';
    const implicit: Record<string, string> = { LI: 'listitem', BUTTON: 'button', A: 'link', INPUT: (el as HTMLInputElement).type === 'search' ? 'searchbox' : 'textbox' };
    return `${el.getAttribute('role') ?? implicit[el.tagName] ?? el.tagName.toLowerCase()}: ${el.getAttribute('aria-label') ?? el.textContent?.trim() ?? ''}`;
  });
}

const heading = (page: Page) => page.locator('.topbar h1').textContent();

describe('Keyboard and command palette on a small MCP stack', () => {
  const work = scratchDir('sb-e2e-keyboard-');
  const app = useApp({
    config: {
      name: 'e2e-keyboard',
      // a project no container has: the palette lists this stack's items only, whatever else the engine runs
      docker: { project: 'switchboard-e2e-keyboard-none' },
      mcpServers: {
        memory: { command: 'node', args: [join(repoRoot, 'node_modules/@modelcontextprotocol/server-memory/dist/index.js')], env: { MEMORY_FILE_PATH: join(work, 'memory.jsonl') } },
        ghost: { command: 'switchboard-missing-wrapper', restart: 'no' },
      },
    },
    at: '#/mcp',
  });
  const row = (name: string) => app.page.getByRole('list', { name: 'MCP servers' }).getByRole('listitem', { name: `MCP server ${name}`, exact: true });
  const palette = () => app.page.getByRole('dialog', { name: 'Command palette' });
  const options = () => palette().getByRole('option');
  // read without waiting: a locator's textContent() would wait for the details forever, past the poll's timeout
  const pidShown = async () => /pid (\d+)/.exec(await app.page.evaluate(() => document.querySelector('.mcp-details')?.textContent ?? ''))?.[1];

  it('Ctrl+K opens the palette over every action; typing narrows it; Enter runs "Restart memory" and memory comes back ready', async () => {
    const { page } = app;
    await expect.poll(() => row('memory').textContent(), { timeout: 30_000 }).toMatch(/ready/);
    await row('memory').getByRole('button', { name: 'Show details of memory' }).click();
    await expect.poll(pidShown, { timeout: 10_000 }).toMatch(/\d+/);
    const pidBefore = await pidShown();

    await page.keyboard.press('Control+k');
    await expect.poll(() => palette().isVisible()).toBe(true);
    expect(await focused(page)).toBe('combobox: Command');
    // built from the screens and the live items: every screen with its shortcut, both servers with what their state offers
    await expect.poll(() => options().allTextContents(), { timeout: 10_000 }).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Go to Overviewscreen.*Ctrl\+1$/), expect.stringMatching(/^Restart memoryMCP server · ready.*r$/), expect.stringMatching(/^Start ghostMCP server · exited/)]),
    );
    expect(await options().allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/^Reload stack file/), expect.stringMatching(/^Open logs of memory/)]));
    await app.shot('palette-open', palette());

    await page.keyboard.type('rst mem');
    await expect.poll(() => options().first().textContent()).toMatch(/^Restart memory/);
    const combobox = palette().getByRole('combobox');
    expect(await combobox.getAttribute('aria-activedescendant')).toBe(await options().first().getAttribute('id'));
    expect(await options().first().getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('ArrowDown');
    expect(await combobox.getAttribute('aria-activedescendant')).toBe(await options().nth(1).getAttribute('id'));
    await page.keyboard.press('ArrowUp');
    await app.shot('palette-filtered', palette());

    await page.keyboard.press('Enter');
    await expect.poll(() => palette().isVisible()).toBe(false);
    // focus went back to the button the palette was opened from
    expect(await focused(page)).toMatch(/^button: Show details of memory, /);
    const outcome = page.getByRole('status', { name: 'Palette action' });
    await expect.poll(() => outcome.textContent(), { timeout: 30_000 }).toMatch(/Restart memory — now (ready|starting)/);
    await expect.poll(() => row('memory').textContent(), { timeout: 30_000 }).toMatch(/ready/);
    await expect.poll(pidShown, { timeout: 10_000 }).not.toBe(pidBefore);
  });

  it('lists the entry picked last first; Esc closes the palette and focus returns', async () => {
    const { page } = app;
    await page.keyboard.press('Control+k');
    await expect.poll(() => options().first().textContent(), { timeout: 10_000 }).toMatch(/^Restart memory/);
    // typing ? in the palette's field types it: it does not open the shortcuts
    await page.keyboard.type('?');
    expect(await palette().getByRole('combobox').inputValue()).toBe('?');
    expect(await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).isVisible()).toBe(false);
    await page.keyboard.press('Escape');
    await expect.poll(() => palette().isVisible()).toBe(false);
    expect(await focused(page)).toMatch(/^button: Show details of memory, /);
  });

  it('j/k and the arrows move through the rows; Enter opens one, l its logs', async () => {
    const { page } = app;
    await page.locator('.topbar h1').click();
    await page.keyboard.press('j');
    expect(await focused(page)).toBe('listitem: MCP server memory');
    await page.keyboard.press('j');
    expect(await focused(page)).toBe('listitem: MCP server ghost');
    await page.keyboard.press('k');
    expect(await focused(page)).toBe('listitem: MCP server memory');
    await page.keyboard.press('ArrowDown');
    expect(await focused(page)).toBe('listitem: MCP server ghost');
    // the last row stays the last
    await page.keyboard.press('j');
    expect(await focused(page)).toBe('listitem: MCP server ghost');
    await app.shot('keyboard-row-focus');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#/mcp?server=ghost');
    await expect.poll(() => row('ghost').getAttribute('aria-current')).toBe('true');
    expect(await focused(page)).toBe('listitem: MCP server ghost');
    await page.keyboard.press('l');
    await expect.poll(() => heading(page)).toBe('Logs');
    expect(await page.evaluate(() => location.hash)).toBe('#/logs?source=mcp%3Aghost');
  });

  it('Ctrl+1…5 go to the screens in sidebar order; Alt+← / Alt+→ and the mouse back and forward buttons go back and forward', async () => {
    const { page } = app;
    await page.locator('.topbar h1').click();
    for (const [digit, title] of [['1', 'Overview'], ['2', 'Containers'], ['3', 'MCP servers'], ['4', 'Dashboards'], ['5', 'Logs']]) {
      await page.keyboard.press(`Control+${digit}`);
      await expect.poll(() => heading(page)).toBe(title);
    }
    await page.keyboard.press('Alt+ArrowLeft');
    await expect.poll(() => heading(page)).toBe('Dashboards');
    await page.keyboard.press('Alt+ArrowLeft');
    await expect.poll(() => heading(page)).toBe('MCP servers');
    await page.keyboard.press('Alt+ArrowRight');
    await expect.poll(() => heading(page)).toBe('Dashboards');

    // the real mouse buttons, as Chromium gets them: one step each, not two (the browser's own navigation is cancelled)
    const cdp = await page.context().newCDPSession(page);
    const button = async (name: 'back' | 'forward') => {
      for (const type of ['mousePressed', 'mouseReleased'] as const) await cdp.send('Input.dispatchMouseEvent', { type, x: 700, y: 400, button: name, clickCount: 1 });
    };
    await button('back');
    await expect.poll(() => heading(page)).toBe('MCP servers');
    await new Promise((r) => setTimeout(r, 300));
    expect(await heading(page)).toBe('MCP servers');
    await button('forward');
    await expect.poll(() => heading(page)).toBe('Dashboards');
    await cdp.detach();
  });

  it('? shows every shortcut from the keymap; Esc closes it and focus returns', async () => {
    const { page } = app;
    await page.keyboard.press('Control+3');
    await expect.poll(() => heading(page)).toBe('MCP servers');
    await page.keyboard.press('j');
    expect(await focused(page)).toBe('listitem: MCP server memory');
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect.poll(() => help.isVisible()).toBe(true);
    const text = (await help.textContent()) ?? '';
    for (const line of ['Ctrl+KOpen the command palette', 'Ctrl+3Go to MCP servers', 'jor↓Next row', 'rRestart the row’s container or MCP server', 'Alt+←or mouse back buttonBack', 'EscClose the dialog']) {
      expect(text.replace(/\s+/g, '')).toContain(line.replace(/\s+/g, ''));
    }
    expect(await focused(page)).toBe('button: Close');
    await app.shot('shortcuts-dialog', help);
    // no shortcut fires behind an open dialog
    await page.keyboard.press('Control+1');
    expect(await heading(page)).toBe('MCP servers');
    await page.keyboard.press('Escape');
    await expect.poll(() => help.isVisible()).toBe(false);
    expect(await focused(page)).toBe('listitem: MCP server memory');
    // Enter on its Close button closes it too
    await page.keyboard.press('?');
    await expect.poll(() => help.isVisible()).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => help.isVisible()).toBe(false);
  });

  it('/ goes to the screen’s search field, and no shortcut fires while typing there', async () => {
    const { page } = app;
    await page.keyboard.press('Control+5');
    await expect.poll(() => heading(page)).toBe('Logs');
    await page.keyboard.press('/');
    const search = page.getByRole('searchbox', { name: 'Search logs' });
    expect(await focused(page)).toBe('searchbox: Search logs');
    await page.keyboard.type('j?k/rsl');
    for (const key of ['Control+1', 'Control+k', 'Alt+ArrowLeft', 'ArrowDown', 'Enter']) await page.keyboard.press(key);
    expect(await search.inputValue()).toBe('j?k/rsl');
    expect(await heading(page)).toBe('Logs');
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(await page.locator('dialog[open]').count()).toBe(0);
    // out of the field, the same keys are shortcuts again
    await page.locator('.topbar h1').click();
    await page.keyboard.press('Control+2');
    await expect.poll(() => heading(page)).toBe('Containers');
    // on a screen without a search field, / opens the palette
    await page.keyboard.press('/');
    await expect.poll(() => palette().isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    expect(app.consoleErrors).toEqual([]);
  });
});
