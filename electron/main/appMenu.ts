import type { MenuItemConstructorOptions } from 'electron';
import { shellScreens } from './shellScreens.js';

/** The keys, as Electron accelerators: the same ones the renderer answers (Ctrl on Windows and Linux, Cmd on macOS). */
export const shellShortcuts = {
  palette: 'CmdOrCtrl+K',
  reloadStackFile: 'CmdOrCtrl+Shift+R',
  quit: 'CmdOrCtrl+Q',
  /** The n-th screen of the sidebar, 1…9. */
  screen: (n: number) => `CmdOrCtrl+${n}`,
} as const;

/** What the menu's items do; main.ts connects them to the window, the app and the stack file. */
export interface MenuActions {
  showScreen(path: string): void;
  openPalette(): void;
  reloadStackFile(): void;
  setOpenAtLogin(on: boolean): void;
  setQuitOnClose(on: boolean): void;
}

export interface MenuState {
  platform: NodeJS.Platform;
  openAtLogin: { supported: boolean; enabled: boolean };
  quitOnClose: boolean;
  /** Developer tools in the View menu, for unpackaged runs only. */
  devTools: boolean;
}

const separator: MenuItemConstructorOptions = { type: 'separator' };

/**
 * The application menu: every screen (Ctrl/Cmd+1…9), the command palette
 * (Ctrl/Cmd+K), reloading the stack file, quitting, and the shell's two
 * settings, "Open at Login" and "Quit When Window Closes". Screens and the
 * palette belong to the renderer, which answers those keys itself in the
 * page: their items show the key but leave it to the page (registerAccelerator
 * false), so a key press is handled once; a click does the same thing the key does.
 */
export function appMenuTemplate(state: MenuState, actions: MenuActions): MenuItemConstructorOptions[] {
  const mac = state.platform === 'darwin';
  const settings: MenuItemConstructorOptions[] = [
    ...(state.openAtLogin.supported
      ? [{ label: 'Open at Login', type: 'checkbox' as const, checked: state.openAtLogin.enabled, click: (item: { checked: boolean }) => actions.setOpenAtLogin(item.checked) }]
      : []),
    { label: 'Quit When Window Closes', type: 'checkbox', checked: state.quitOnClose, click: (item) => actions.setQuitOnClose(item.checked) },
  ];
  const reload: MenuItemConstructorOptions = { label: 'Reload Stack File', accelerator: shellShortcuts.reloadStackFile, click: () => actions.reloadStackFile() };
  const quit: MenuItemConstructorOptions = { label: 'Quit Switchboard', role: 'quit', accelerator: shellShortcuts.quit };
  const go: MenuItemConstructorOptions[] = [
    { label: 'Command Palette…', accelerator: shellShortcuts.palette, registerAccelerator: false, click: () => actions.openPalette() },
    separator,
    ...shellScreens.slice(0, 9).map(
      (screen, i): MenuItemConstructorOptions => ({
        label: screen.label,
        accelerator: shellShortcuts.screen(i + 1),
        registerAccelerator: false,
        click: () => actions.showScreen(screen.path),
      }),
    ),
  ];
  const view: MenuItemConstructorOptions[] = [
    ...(state.devTools ? [{ role: 'toggleDevTools' as const }, separator] : []),
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    separator,
    { role: 'togglefullscreen' },
  ];
  if (mac) {
    return [
      { label: 'Switchboard', submenu: [{ role: 'about' }, separator, ...settings, separator, { role: 'services' }, separator, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, separator, quit] },
      { label: 'File', submenu: [reload, separator, { role: 'close' }] },
      { role: 'editMenu' },
      { label: 'Go', submenu: go },
      { label: 'View', submenu: view },
      { role: 'windowMenu' },
    ];
  }
  return [
    { label: '&File', submenu: [reload, separator, ...settings, separator, quit] },
    { role: 'editMenu' },
    { label: '&Go', submenu: go },
    { label: '&View', submenu: view },
  ];
}

/** The tray icon's menu: bring the window back, reload, quit (closing the window only hides it while the tray is there). */
export function trayMenuTemplate(actions: Pick<MenuActions, 'reloadStackFile'> & { openWindow(): void; quit(): void }): MenuItemConstructorOptions[] {
  return [
    { label: 'Open Switchboard', click: () => actions.openWindow() },
    { label: 'Reload Stack File', click: () => actions.reloadStackFile() },
    separator,
    { label: 'Quit Switchboard', click: () => actions.quit() },
  ];
}
