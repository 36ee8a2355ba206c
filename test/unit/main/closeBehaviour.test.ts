import { describe, expect, it } from 'vitest';
import { hasTray, whenAllWindowsClosed, whenWindowCloses } from '../../../electron/main/closeBehaviour.js';
import { parseShellSettings } from '../../../electron/main/shellSettings.js';

describe('closing the window', () => {
  it('hides it into the tray, so supervising goes on', () => {
    expect(whenWindowCloses({ quitting: false, quitOnClose: false, trayShown: true, platform: 'linux' })).toBe('hide');
    expect(whenAllWindowsClosed({ quitOnClose: false, trayShown: true, platform: 'win32' })).toBe('stay');
  });

  it('quits with "quit on close", or without a tray to come back from (macOS keeps its Dock icon)', () => {
    expect(whenWindowCloses({ quitting: false, quitOnClose: true, trayShown: true, platform: 'win32' })).toBe('close');
    expect(whenAllWindowsClosed({ quitOnClose: true, trayShown: true, platform: 'darwin' })).toBe('quit');
    expect(whenWindowCloses({ quitting: false, quitOnClose: false, trayShown: false, platform: 'linux' })).toBe('close');
    expect(whenAllWindowsClosed({ quitOnClose: false, trayShown: false, platform: 'linux' })).toBe('quit');
    expect(whenAllWindowsClosed({ quitOnClose: false, trayShown: false, platform: 'darwin' })).toBe('stay');
  });

  it('really closes while the app quits', () => {
    expect(whenWindowCloses({ quitting: true, quitOnClose: false, trayShown: true, platform: 'darwin' })).toBe('close');
  });

  it('knows which platforms show a tray icon', () => {
    expect(hasTray('win32', {})).toBe(true);
    expect(hasTray('darwin', {})).toBe(true);
    expect(hasTray('linux', { XDG_CURRENT_DESKTOP: 'KDE' })).toBe(true);
    expect(hasTray('linux', { XDG_CURRENT_DESKTOP: 'ubuntu:GNOME' })).toBe(true);
    expect(hasTray('linux', { XDG_CURRENT_DESKTOP: 'X-Cinnamon' })).toBe(true);
    // Plain GNOME hides tray icons: a window hidden there could not be found again.
    expect(hasTray('linux', { XDG_CURRENT_DESKTOP: 'GNOME' })).toBe(false);
    expect(hasTray('linux', {})).toBe(false);
    expect(hasTray('freebsd', { XDG_CURRENT_DESKTOP: 'KDE' })).toBe(false);
  });

  it('reads "quit on close" back, defaulting to staying in the tray', () => {
    expect(parseShellSettings({ quitOnClose: true })).toEqual({ quitOnClose: true });
    expect(parseShellSettings(undefined)).toEqual({ quitOnClose: false });
    expect(parseShellSettings({ quitOnClose: 'yes' })).toEqual({ quitOnClose: false });
  });
});
