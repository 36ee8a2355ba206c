import { describe, expect, it } from 'vitest';
import { autostartFile, desktopEntry, launchCommand } from '../../../electron/main/autostartEntry.js';

describe('open at login on Linux', () => {
  it('is an XDG autostart entry in the user\'s config folder', () => {
    expect(autostartFile({}, '/home/ops')).toBe('/home/ops/.config/autostart/switchboard.desktop');
    expect(autostartFile({ XDG_CONFIG_HOME: '/cfg' }, '/home/ops')).toBe('/cfg/autostart/switchboard.desktop');
  });

  it('starts the AppImage itself, the packaged binary, or Electron with the app folder', () => {
    const base = { execPath: '/tmp/.mount_Switch/switchboard', appPath: '/tmp/.mount_Switch/resources/app.asar', isPackaged: true };
    expect(launchCommand({ ...base, env: { APPIMAGE: '/home/ops/Apps/Switchboard.AppImage' } })).toEqual(['/home/ops/Apps/Switchboard.AppImage']);
    expect(launchCommand({ ...base, execPath: '/opt/Switchboard/switchboard', env: {} })).toEqual(['/opt/Switchboard/switchboard']);
    expect(launchCommand({ execPath: '/repo/node_modules/electron/dist/electron', appPath: '/repo', isPackaged: false, env: {} })).toEqual(['/repo/node_modules/electron/dist/electron', '/repo']);
  });

  it('quotes Exec by the Desktop Entry rules', () => {
    expect(desktopEntry(['/opt/Switchboard/switchboard'])).toContain('\nExec=/opt/Switchboard/switchboard\n');
    expect(desktopEntry(['/home/ops/My Apps/Switchboard.AppImage'])).toContain('\nExec="/home/ops/My Apps/Switchboard.AppImage"\n');
    // " ` $ \ are backslashed inside the quotes, then every backslash is doubled by the value's own escaping; % is doubled.
    expect(desktopEntry(['/x/a"b$c\\d', '100%'])).toContain('\nExec="/x/a\\\\"b\\\\$c\\\\\\\\d" 100%%\n');
    expect(desktopEntry(['/opt/s'])).toMatch(/^\[Desktop Entry\]\nType=Application\nName=Switchboard\n/);
  });
});
