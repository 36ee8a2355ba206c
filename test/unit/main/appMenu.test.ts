import { describe, expect, it, vi } from 'vitest';
import { appMenuTemplate, shellShortcuts, trayMenuTemplate, type MenuActions, type MenuState } from '../../../electron/main/appMenu.js';
import { keyPressesOf } from '../../../electron/main/pageKeys.js';
import { shellScreens } from '../../../electron/main/shellScreens.js';
import { screens } from '../../../renderer/navigation/screens.js';

type MenuItemConstructorOptions = ReturnType<typeof appMenuTemplate>[number];

const actions = () =>
  ({
    showScreen: vi.fn<(path: string) => void>(),
    openPalette: vi.fn<() => void>(),
    reloadStackFile: vi.fn<() => void>(),
    setOpenAtLogin: vi.fn<(on: boolean) => void>(),
    setQuitOnClose: vi.fn<(on: boolean) => void>(),
  }) satisfies MenuActions;
const state = (over: Partial<MenuState> = {}): MenuState => ({ platform: 'linux', openAtLogin: { supported: true, enabled: false }, quitOnClose: false, devTools: false, ...over });

/** Every item of the menu, submenus included, in order. */
function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);
}
const byLabel = (template: MenuItemConstructorOptions[], label: string) => items(template).find((i) => i.label === label)!;
const click = (item: MenuItemConstructorOptions, checked = false) => (item.click as unknown as (i: { checked: boolean }) => void)({ checked });

describe('the application menu', () => {
  it('has the renderer\'s screens, in the sidebar\'s order', () => {
    expect(shellScreens.map((s) => s.path)).toEqual(screens.map((s) => s.path));
    expect(shellScreens.map((s) => s.label)).toEqual(screens.map((s) => s.navLabel));
  });

  it.each(['linux', 'win32', 'darwin'] as const)('gives the screens Ctrl/Cmd+1…9 and the palette Ctrl/Cmd+K on %s, left to the page', (platform) => {
    const a = actions();
    const template = appMenuTemplate(state({ platform }), a);
    screens.slice(0, 9).forEach((screen, i) => {
      const item = byLabel(template, screen.navLabel);
      expect(item).toMatchObject({ accelerator: `CmdOrCtrl+${i + 1}`, registerAccelerator: false });
      click(item);
      expect(a.showScreen).toHaveBeenLastCalledWith(screen.path);
    });
    const palette = byLabel(template, 'Command Palette…');
    expect(palette).toMatchObject({ accelerator: 'CmdOrCtrl+K', registerAccelerator: false });
    click(palette);
    expect(a.openPalette).toHaveBeenCalledOnce();
  });

  it('reloads the stack file with Ctrl/Cmd+Shift+R and quits with Ctrl/Cmd+Q', () => {
    const a = actions();
    for (const platform of ['linux', 'darwin'] as const) {
      const template = appMenuTemplate(state({ platform }), a);
      expect(byLabel(template, 'Reload Stack File')).toMatchObject({ accelerator: shellShortcuts.reloadStackFile });
      click(byLabel(template, 'Reload Stack File'));
      expect(byLabel(template, 'Quit Switchboard')).toMatchObject({ role: 'quit', accelerator: 'CmdOrCtrl+Q' });
    }
    expect(a.reloadStackFile).toHaveBeenCalledTimes(2);
  });

  it('has no key twice', () => {
    for (const platform of ['linux', 'darwin'] as const) {
      const keys = items(appMenuTemplate(state({ platform }), actions())).flatMap((i) => (i.accelerator ? [String(i.accelerator)] : []));
      expect(new Set(keys).size).toBe(keys.length);
    }
  });

  it('puts the app\'s own menu first on macOS, with the settings in it; File holds them elsewhere', () => {
    const mac = appMenuTemplate(state({ platform: 'darwin' }), actions());
    expect(mac.map((m) => m.label ?? m.role)).toEqual(['Switchboard', 'File', 'editMenu', 'Go', 'View', 'windowMenu']);
    expect((mac[0]!.submenu as MenuItemConstructorOptions[]).map((i) => i.label ?? i.role ?? i.type)).toEqual(
      expect.arrayContaining(['about', 'Open at Login', 'Quit When Window Closes', 'hide', 'Quit Switchboard']),
    );
    const linux = appMenuTemplate(state({ platform: 'linux' }), actions());
    expect(linux.map((m) => m.label ?? m.role)).toEqual(['&File', 'editMenu', '&Go', '&View']);
    expect((linux[0]!.submenu as MenuItemConstructorOptions[]).map((i) => i.label ?? i.type)).toEqual([
      'Reload Stack File',
      'separator',
      'Open at Login',
      'Quit When Window Closes',
      'separator',
      'Quit Switchboard',
    ]);
  });

  it('shows the two settings as checkboxes in their state, and a click passes the new state on', () => {
    const a = actions();
    const template = appMenuTemplate(state({ openAtLogin: { supported: true, enabled: true }, quitOnClose: false }), a);
    expect(byLabel(template, 'Open at Login')).toMatchObject({ type: 'checkbox', checked: true });
    expect(byLabel(template, 'Quit When Window Closes')).toMatchObject({ type: 'checkbox', checked: false });
    click(byLabel(template, 'Open at Login'), false);
    click(byLabel(template, 'Quit When Window Closes'), true);
    expect(a.setOpenAtLogin).toHaveBeenCalledWith(false);
    expect(a.setQuitOnClose).toHaveBeenCalledWith(true);
  });

  it('leaves "Open at Login" out where the platform has none, and developer tools out of packaged builds', () => {
    expect(byLabel(appMenuTemplate(state({ openAtLogin: { supported: false, enabled: false } }), actions()), 'Open at Login')).toBeUndefined();
    const roles = (devTools: boolean) => items(appMenuTemplate(state({ devTools }), actions())).map((i) => i.role);
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(true)).toContain('toggleDevTools');
  });

  it('replays the palette\'s key into the page with the platform\'s modifier', () => {
    expect(keyPressesOf(shellShortcuts.palette, 'linux')).toEqual([
      { type: 'keyDown', keyCode: 'K', modifiers: ['control'] },
      { type: 'keyUp', keyCode: 'K', modifiers: ['control'] },
    ]);
    expect(keyPressesOf(shellShortcuts.palette, 'darwin')[0]).toEqual({ type: 'keyDown', keyCode: 'K', modifiers: ['meta'] });
    expect(keyPressesOf('Shift+Alt+L', 'win32')[0]).toEqual({ type: 'keyDown', keyCode: 'L', modifiers: ['shift', 'alt'] });
    expect(() => keyPressesOf('Hyper+K', 'linux')).toThrow(/not a modifier/);
  });
});

describe('the tray menu', () => {
  it('opens the window, reloads the stack file and quits', () => {
    const a = { openWindow: vi.fn(), reloadStackFile: vi.fn(), quit: vi.fn() };
    const template = trayMenuTemplate(a);
    expect(template.map((i) => i.label ?? i.type)).toEqual(['Open Switchboard', 'Reload Stack File', 'separator', 'Quit Switchboard']);
    for (const item of template) if (item.click) click(item);
    expect([a.openWindow, a.reloadStackFile, a.quit].map((f) => f.mock.calls.length)).toEqual([1, 1, 1]);
  });
});
