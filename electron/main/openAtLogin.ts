import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { App } from 'electron';
import { autostartFile, desktopEntry, launchCommand } from './autostartEntry.js';

/** The "Open at Login" menu item's state and switch, where the platform has one. */
export interface OpenAtLogin {
  readonly supported: boolean;
  enabled(): boolean;
  set(on: boolean): void;
}

type LoginApp = Pick<App, 'getLoginItemSettings' | 'setLoginItemSettings' | 'isPackaged' | 'getAppPath'>;

/** macOS and Windows keep login items themselves; Linux reads ~/.config/autostart; elsewhere there is no such thing. */
export function openAtLoginFor(app: LoginApp, p: { platform: NodeJS.Platform; env: NodeJS.ProcessEnv; home: string; execPath: string }): OpenAtLogin {
  if (p.platform === 'darwin' || p.platform === 'win32') {
    return {
      supported: true,
      enabled: () => app.getLoginItemSettings().openAtLogin,
      set: (on) => app.setLoginItemSettings({ openAtLogin: on }),
    };
  }
  if (p.platform !== 'linux') return { supported: false, enabled: () => false, set: () => {} };
  const file = autostartFile(p.env, p.home);
  return {
    supported: true,
    enabled: () => existsSync(file),
    set(on) {
      if (!on) return rmSync(file, { force: true });
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, desktopEntry(launchCommand({ execPath: p.execPath, appPath: app.getAppPath(), isPackaged: app.isPackaged, env: p.env })));
    },
  };
}
