/** Desktops whose panel shows tray (StatusNotifier / AppIndicator) icons without an extension. */
const linuxDesktopsWithTray = new Set(['kde', 'xfce', 'x-cinnamon', 'cinnamon', 'mate', 'lxqt', 'lxde', 'unity', 'budgie', 'budgie-desktop', 'deepin', 'pantheon', 'ubuntu']);

/**
 * Whether closing the window can leave Switchboard in the tray: Windows and
 * macOS always have one; on Linux it depends on the desktop (plain GNOME hides
 * tray icons, and a window hidden into an invisible tray would be lost).
 */
export function hasTray(platform: NodeJS.Platform, env: Readonly<Record<string, string | undefined>>): boolean {
  if (platform === 'win32' || platform === 'darwin') return true;
  if (platform !== 'linux') return false;
  const desktops = (env.XDG_CURRENT_DESKTOP ?? '').toLowerCase().split(':').filter(Boolean);
  return desktops.some((d) => linuxDesktopsWithTray.has(d));
}

export interface CloseSituation {
  /** The app is quitting (menu Quit, Cmd+Q, tray Quit, the OS logging out): windows close for real. */
  quitting: boolean;
  quitOnClose: boolean;
  /** A tray icon is shown, so a hidden window can be brought back from it. */
  trayShown: boolean;
  platform: NodeJS.Platform;
}

/**
 * What closing the window does. Supervising MCP servers and following logs
 * must not stop because a window was closed, so where there is a tray the
 * window hides into it; "quit on close" makes closing mean quitting. macOS
 * without a tray keeps the app in the Dock, as Mac apps do.
 */
export function whenWindowCloses(s: CloseSituation): 'hide' | 'close' {
  if (s.quitting || s.quitOnClose) return 'close';
  return s.trayShown ? 'hide' : 'close';
}

/** Once no window is left: quit, or keep running (macOS Dock, or the tray). */
export function whenAllWindowsClosed(s: Omit<CloseSituation, 'quitting'>): 'quit' | 'stay' {
  if (s.quitOnClose) return 'quit';
  return s.platform === 'darwin' || s.trayShown ? 'stay' : 'quit';
}
