import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect } from 'vitest';
import type { Page } from 'playwright-core';

/** A screen as the sidebar lists it (renderer/navigation/screens.ts), so a new screen is covered without touching the tests. */
export interface SidebarScreen {
  label: string;
  /** `overview` for `#/overview`. */
  path: string;
}

export type ThemeName = 'dark' | 'light';
export const themeNames: readonly ThemeName[] = ['dark', 'light'];

export async function sidebarScreens(page: Page): Promise<SidebarScreen[]> {
  const links = page.getByRole('navigation', { name: 'Screens' }).getByRole('link');
  const screens = await links.evaluateAll((all) => all.map((a) => ({ label: a.textContent ?? '', path: (a.getAttribute('href') ?? '').replace(/^#\/?/, '') })));
  expect(screens.length).toBeGreaterThan(0);
  return screens;
}

/** Picks a theme with the sidebar's switch, as an operator would, and waits for <html data-theme>. */
export async function pickTheme(page: Page, theme: ThemeName | 'system'): Promise<void> {
  await page.getByRole('group', { name: 'Theme' }).getByRole('radio', { name: new RegExp(`^${theme}$`, 'i') }).check();
  if (theme !== 'system') await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
}

/** Opens a screen from the sidebar and waits until it shows data rather than "Loading…". */
export async function openScreen(page: Page, screen: SidebarScreen): Promise<void> {
  const link = page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: screen.label, exact: true });
  await link.click();
  await expect.poll(() => link.getAttribute('aria-current')).toBe('page');
  await settle(page);
}

/** No "Loading…" left in the main area, then a moment for charts and live rows to draw. */
export async function settle(page: Page): Promise<void> {
  await expect.poll(() => page.getByRole('main').getByText(/^Loading/).count(), { timeout: 20_000 }).toBe(0);
  await page.waitForTimeout(800);
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  /** The first few offending elements with axe's reason, for the failure message. */
  nodes: string[];
  count: number;
}

/** Runs axe-core (all of its default rules: WCAG 2.x A/AA and best practices) on the page as it is now. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    interface AxeNode {
      target: string[];
      failureSummary?: string;
    }
    interface AxeResult {
      id: string;
      impact: string;
      help: string;
      nodes: AxeNode[];
    }
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: AxeResult[] }> } }).axe;
    const { violations } = await axe.run(document, { resultTypes: ['violations'] });
    return violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')}: ${(n.failureSummary ?? '').split('\n').slice(1).join(' ').trim()}`),
      count: v.nodes.length,
    }));
  });
}
