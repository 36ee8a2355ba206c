import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useApp } from './appFixture.js';
import { axeViolations, openScreen, pickTheme, sidebarScreens, themeNames, type AxeViolation } from './screens.js';

/**
 * The views of a screen axe looks at: the screen, each of its tabs (Dashboards has three),
 * and, where nothing is picked yet, the screen with its first row picked (Containers' stats and details).
 */
async function eachView(page: Page, visit: (view: string) => Promise<void>): Promise<void> {
  await eachTab(page, '', visit);
  const pick = page.getByRole('main').getByRole('button', { name: /^Show (stats and )?details of / });
  if ((await pick.count()) > 0 && (await page.getByRole('main').locator('[aria-current="true"]').count()) === 0) {
    await pick.first().click();
    await expect.poll(() => page.getByRole('main').locator('[aria-current="true"]').count()).toBeGreaterThan(0);
    await page.waitForTimeout(800);
    await eachTab(page, ' › first row picked', visit);
  }
}

/** Tabs that switch a view in place (they carry aria-selected; a tab-styled link to another screen does not). */
async function eachTab(page: Page, prefix: string, visit: (view: string) => Promise<void>): Promise<void> {
  const tabs = page.getByRole('main').locator('[role="tab"][aria-selected]');
  const names = await tabs.allTextContents();
  if (names.length === 0) return visit(prefix);
  for (const name of names) {
    const tab = tabs.filter({ hasText: name });
    await tab.click();
    await expect.poll(() => tab.getAttribute('aria-selected')).toBe('true');
    await page.waitForTimeout(800);
    await visit(`${prefix} › ${name}`);
  }
}

const serious = (v: AxeViolation) => v.impact === 'serious' || v.impact === 'critical';

describe('Accessibility of every screen on the built-in demo stack, in both themes', () => {
  const app = useApp();

  it('the demo stack is up (so screens show rows, charts and a failing server, not loading states)', async () => {
    const mcp = app.page.getByRole('list', { name: 'MCP servers' });
    await expect.poll(() => mcp.getByRole('listitem', { name: /MCP server memory/ }).textContent(), { timeout: 30_000 }).toMatch(/ready/);
    await expect.poll(() => app.page.getByRole('listitem', { name: 'cache backend' }).textContent(), { timeout: 20_000 }).toMatch(/\d+\.\d%/);
  });

  for (const theme of themeNames) {
    it(`${theme} theme: axe-core finds no serious or critical violation on any screen`, async () => {
      await pickTheme(app.page, theme);
      const report: string[] = [];
      const failures: string[] = [];
      for (const screen of await sidebarScreens(app.page)) {
        await openScreen(app.page, screen);
        await eachView(app.page, async (view) => {
          const violations = await axeViolations(app.page);
          const where = `${screen.label}${view} (${theme})`;
          report.push(`${where}: ${violations.length === 0 ? 'no violations' : violations.map((v) => `${v.id} [${v.impact}] ×${v.count}`).join(', ')}`);
          for (const v of violations.filter(serious)) failures.push(`${where}: ${v.id} [${v.impact}] ${v.help}\n    ${v.nodes.join('\n    ')}`);
        });
      }
      console.log(`axe-core, ${theme} theme:\n  ${report.join('\n  ')}`);
      expect(failures, failures.join('\n')).toEqual([]);
    });
  }

  it('every button, link and field has an accessible name, on every screen', async () => {
    for (const screen of await sidebarScreens(app.page)) {
      await openScreen(app.page, screen);
      const unnamed = await app.page.evaluate(() => {
        // a cheap second look beside axe: the computed name Chromium gives assistive tech is read from aria-label, labels and content
        const controls = [...document.querySelectorAll<HTMLElement>('button, a[href], input, select, textarea, summary, [role="button"], [role="tab"]')];
        return controls
          .filter((el) => el.offsetParent !== null || el.getClientRects().length > 0)
          .filter((el) => {
            const labelled = el.getAttribute('aria-label') || el.getAttribute('aria-labelledby') || el.getAttribute('title');
            const labels = (el as HTMLInputElement).labels;
            const text = el.textContent?.trim();
            return !labelled && !(labels && labels.length > 0 && [...labels].some((l) => l.textContent?.trim())) && !text;
          })
          .map((el) => el.outerHTML.slice(0, 120));
      });
      expect(unnamed, `${screen.label}: controls without a name`).toEqual([]);
    }
  });

  it('focus is visible on everything Tab reaches', async () => {
    for (const screen of await sidebarScreens(app.page)) {
      await openScreen(app.page, screen);
      await app.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      for (let i = 0; i < 25; i++) {
        await app.page.keyboard.press('Tab');
        const focused = await app.page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          if (!el || el === document.body) return null;
          // a visually hidden radio shows its focus on its label
          const shown = el.matches('input[type="radio"]') ? (el.closest('label') ?? el) : el;
          const style = getComputedStyle(shown);
          return { what: el.outerHTML.slice(0, 100), ring: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 1 };
        });
        if (!focused) break;
        expect(focused.ring, `${screen.label}: no visible focus on ${focused.what}`).toBe(true);
      }
    }
  });

  it('a row whose status changes is announced politely by the one live region: "memory: stopped", then "memory: ready"', async () => {
    const live = app.page.getByRole('status', { name: 'Status changes' });
    expect(await live.getAttribute('aria-live')).toBe('polite');
    expect(await app.page.locator('[aria-live="polite"][aria-label="Status changes"]').count()).toBe(1);
    await openScreen(app.page, { label: 'MCP servers', path: 'mcp' });
    const row = app.page.getByRole('list', { name: 'MCP servers' }).getByRole('listitem', { name: 'MCP server memory', exact: true });
    await row.getByRole('button', { name: 'Stop', exact: true }).click();
    await expect.poll(() => live.textContent(), { timeout: 20_000 }).toContain('memory: stopped');
    await row.getByRole('button', { name: 'Start', exact: true }).click();
    await expect.poll(() => live.textContent(), { timeout: 30_000 }).toContain('memory: ready');
  });
});
