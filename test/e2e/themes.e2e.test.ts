import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useApp } from './appFixture.js';
import { repoRoot } from './harness.js';
import { axeViolations, openScreen, pickTheme, settle, sidebarScreens, themeNames, type ThemeName } from './screens.js';

const theme = (page: Page) => page.evaluate(() => document.documentElement.dataset.theme);
const checked = (page: Page) => page.getByRole('group', { name: 'Theme' }).getByRole('radio', { checked: true }).getAttribute('value');

type Rgb = [number, number, number];

/** A colour as theme.css writes it: #rgb, #rrggbb or rgba(); alpha is dropped only where the caller says so. */
function parse(css: string): { rgb: Rgb; alpha: number } {
  const value = css.trim();
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(value)?.[1];
  if (hex) {
    const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex;
    return { rgb: [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as Rgb, alpha: 1 };
  }
  const rgba = /^rgba?\(([^)]+)\)$/.exec(value)?.[1]?.split(',').map(Number);
  if (rgba) return { rgb: rgba.slice(0, 3) as Rgb, alpha: rgba[3] ?? 1 };
  throw new Error(`cannot read the colour "${css}"`);
}

/** color-mix(in srgb, tone a%, transparent) laid over a background, as the pills and banners draw it. */
const tint = (tone: Rgb, share: number, under: Rgb): Rgb => tone.map((c, i) => Math.round(c * share + under[i]! * (1 - share))) as Rgb;

/** WCAG 2 contrast ratio. */
function contrast(a: Rgb, b: Rgb): number {
  const lum = (rgb: Rgb) =>
    rgb.map((c) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4)).reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i]!, 0);
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

function hsl(h: number, s: number, l: number): Rgb {
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => {
    const k = (n + h / 30) % 12;
    return Math.round((l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1))) * 255);
  };
  return [f(0), f(8), f(4)];
}

/** Every text colour pair the screens draw, read from the theme now on <html>; those below 4.5:1. */
async function lowContrastPairs(page: Page): Promise<string[]> {
  const vars = await page.evaluate(() => {
    const style = getComputedStyle(document.documentElement);
    const names = [...document.styleSheets].flatMap((sheet) => [...sheet.cssRules].flatMap((rule) => (rule instanceof CSSStyleRule ? [...rule.style] : []))).filter((n) => n.startsWith('--'));
    return Object.fromEntries([...new Set(names)].map((n) => [n, style.getPropertyValue(n).trim()]));
  });
  const color = (name: string) => parse(vars[`--${name}`] ?? '').rgb;
  const low: string[] = [];
  const check = (what: string, fg: Rgb, bg: Rgb) => {
    const ratio = contrast(fg, bg);
    if (ratio < 4.5) low.push(`${what}: ${ratio.toFixed(2)}:1`);
  };
  const surfaces = ['bg', 'panel', 'panel-2'];
  for (const surface of surfaces) {
    for (const text of ['text', 'muted', 'accent-text']) check(`${text} on ${surface}`, color(text), color(surface));
    // a pill: its tone's text on a 12 % tint of the tone (16 % for a pressed log chip), on any surface a row may sit on
    for (const tone of ['ok', 'warn', 'bad', 'busy', 'idle', 'accent']) {
      check(`${tone}-text on ${surface}`, color(`${tone}-text`), color(surface));
      check(`${tone}-text on its pill over ${surface}`, color(`${tone}-text`), tint(color(tone), 0.16, color(surface)));
    }
    // banners: strong text on an 8 % tint
    for (const tone of ['ok', 'warn', 'bad', 'accent']) check(`${tone}-strong on its banner over ${surface}`, color(`${tone}-strong`), tint(color(tone), 0.08, color(surface)));
    check(`bad-soft on ${surface}`, color('bad-soft'), color(surface));
  }
  // the log viewer: ANSI colours, levels, source names (any hue), search hits
  const sunken = color('sunken');
  for (let n = 0; n < 16; n++) check(`ANSI colour ${n} on the log viewer`, color(`logs-ansi-${n}`), sunken);
  for (const text of ['text', 'muted', 'warn-text', 'bad-text', 'logs-error-text', 'logs-debug-text']) check(`${text} on the log viewer`, color(text), sunken);
  check('a search hit', color('logs-hit-text'), color('logs-hit'));
  check('the current search hit', color('logs-hit-text'), color('logs-hit-current'));
  check('the jump-to-latest button', color('on-accent'), color('accent'));
  const saturation = parseFloat(vars['--logs-source-saturation'] ?? '') / 100;
  const lightness = parseFloat(vars['--logs-source-lightness'] ?? '') / 100;
  for (let hue = 0; hue < 360; hue += 5) check(`a source name of hue ${hue} on the log viewer`, hsl(hue, saturation, lightness), sunken);
  return low;
}

// The committed pictures change only when asked for (SWITCHBOARD_UPDATE_SCREENSHOTS=1), so a test run leaves the tree clean.
const screenshotDir = process.env.SWITCHBOARD_UPDATE_SCREENSHOTS === '1' ? join(repoRoot, 'renderer/screenshots') : join(repoRoot, 'test/.artifacts/screenshots/themes');

/** Saves <name>-<theme>.png (in renderer/screenshots/ when updating them), of a size fit to commit. */
async function saveShot(page: Page, name: string, themeName: ThemeName): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true });
  const path = join(screenshotDir, `${name}-${themeName}.png`);
  await page.screenshot({ path });
  expect(statSync(path).size, `${path} is larger than a screenshot should be`).toBeLessThan(600_000);
  return path;
}

describe('Themes: light, dark and the system’s, on the built-in demo stack', () => {
  const app = useApp();

  it('follows the system by default, live', async () => {
    expect(await checked(app.page)).toBe('system');
    await app.page.emulateMedia({ colorScheme: 'light' });
    await expect.poll(() => theme(app.page)).toBe('light');
    await app.page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(() => theme(app.page)).toBe('dark');
  });

  it('switches from the sidebar and remembers the choice across a reload, whatever the system says', async () => {
    await pickTheme(app.page, 'light');
    await app.page.reload();
    await expect.poll(() => theme(app.page)).toBe('light');
    expect(await checked(app.page)).toBe('light');
    await pickTheme(app.page, 'dark');
    await app.page.emulateMedia({ colorScheme: 'light' });
    await app.page.reload();
    await expect.poll(() => theme(app.page)).toBe('dark');
    // back to the system's: light now
    await pickTheme(app.page, 'system');
    await expect.poll(() => theme(app.page)).toBe('light');
  });

  for (const name of themeNames) {
    it(`${name} theme: every text colour, status tone, log colour and source name is at least 4.5:1`, async () => {
      await pickTheme(app.page, name);
      expect(await lowContrastPairs(app.page)).toEqual([]);
    });
  }

  it('charts draw with the theme’s colours', async () => {
    const chart = app.page.getByRole('img', { name: /latency of backend-health/ });
    await openScreen(app.page, { label: 'Overview', path: 'overview' });
    await expect.poll(async () => Number(await chart.getAttribute('data-points')), { timeout: 20_000 }).toBeGreaterThan(2);
    const stroke = () => chart.locator('.chart-line').first().evaluate((path) => getComputedStyle(path).stroke);
    await pickTheme(app.page, 'dark');
    expect(await stroke()).toBe('rgb(78, 161, 255)');
    await pickTheme(app.page, 'light');
    expect(await stroke()).toBe('rgb(9, 105, 218)');
  });

  it('with reduced motion asked for, nothing animates or transitions', async () => {
    const motion = () =>
      app.page.evaluate(() => {
        const probe = document.createElement('span');
        probe.className = 'spinner';
        const meter = document.createElement('div');
        meter.className = 'meter-fill';
        document.body.append(probe, meter);
        const result = { animation: getComputedStyle(probe).animationName, transition: getComputedStyle(meter).transitionProperty };
        probe.remove();
        meter.remove();
        return result;
      });
    await app.page.emulateMedia({ reducedMotion: 'no-preference' });
    expect(await motion()).toEqual({ animation: 'spin', transition: 'width' });
    await app.page.emulateMedia({ reducedMotion: 'reduce' });
    expect(await motion()).toEqual({ animation: 'none', transition: 'none' });
    await app.page.emulateMedia({ reducedMotion: 'no-preference' });
  });

  it('takes screenshots of every screen in both themes (renderer/screenshots/ with SWITCHBOARD_UPDATE_SCREENSHOTS=1)', async () => {
    const mcp = app.page.getByRole('list', { name: 'MCP servers' });
    await openScreen(app.page, { label: 'Overview', path: 'overview' });
    await expect.poll(() => mcp.getByRole('listitem', { name: /MCP server search-index/ }).textContent(), { timeout: 30_000 }).toMatch(/index not found/);
    await expect.poll(() => app.page.getByRole('listitem', { name: 'cache backend' }).textContent(), { timeout: 20_000 }).toMatch(/\d+\.\d%/);
    const saved: string[] = [];
    const save = async (name: string, themeName: ThemeName) => saved.push(await saveShot(app.page, name, themeName));
    for (const name of themeNames) {
      await pickTheme(app.page, name);
      for (const screen of await sidebarScreens(app.page)) {
        await openScreen(app.page, screen);
        await save(screen.path, name);
      }
      // an empty state and a chart besides the screens' first look
      await openScreen(app.page, { label: 'Dashboards', path: 'dashboards' });
      await app.page.getByRole('tab', { name: 'Cache hit rate' }).click();
      await settle(app.page);
      await save('dashboards-cache', name);
      await openScreen(app.page, { label: 'Logs', path: 'logs' });
      await app.page.getByRole('group', { name: 'Levels' }).getByRole('button', { name: 'fatal' }).click();
      await settle(app.page);
      await save('logs-no-match', name);
      await app.page.getByRole('group', { name: 'Levels' }).getByRole('button', { name: 'fatal' }).click();
    }
    console.log(`screenshots:\n  ${saved.join('\n  ')}`);
  });
});

describe('Themes: the error states, with the Docker engine down', () => {
  const app = useApp({ config: { name: 'e2e-themes-engine-down', docker: { host: 'unix:///tmp/sbtest-themes-no-docker.sock' } }, at: '#/containers' });

  it('read well in both themes: banners pass axe and are saved as screenshots', async () => {
    const alert = app.page.getByRole('alert', { name: /engine .* unreachable/ });
    await expect.poll(() => alert.textContent(), { timeout: 20_000 }).toMatch(/Docker engine not reachable/);
    for (const name of themeNames) {
      await pickTheme(app.page, name);
      for (const screen of [{ label: 'Overview', path: 'overview' }, { label: 'Containers', path: 'containers' }]) {
        await openScreen(app.page, screen);
        const serious = (await axeViolations(app.page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
        expect(serious, `${screen.label} with the engine down (${name})`).toEqual([]);
      }
      await saveShot(app.page, 'containers-engine-down', name);
    }
  });
});
