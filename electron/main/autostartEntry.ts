import { posix } from 'node:path';

/** Linux's "open at login": an XDG autostart entry, which every desktop that follows freedesktop.org reads. */
export function autostartFile(env: Readonly<Record<string, string | undefined>>, home: string): string {
  return posix.join(env.XDG_CONFIG_HOME || posix.join(home, '.config'), 'autostart', 'switchboard.desktop');
}

/**
 * What starts this Switchboard again: the AppImage file itself (its binary lives in a mount that is gone after
 * exit), else the packaged binary, else (a development run) Electron with the app's folder.
 */
export function launchCommand(p: { execPath: string; appPath: string; isPackaged: boolean; env: Readonly<Record<string, string | undefined>> }): string[] {
  if (p.env.APPIMAGE) return [p.env.APPIMAGE];
  return p.isPackaged ? [p.execPath] : [p.execPath, p.appPath];
}

/** The autostart entry's text; Exec quoted by the Desktop Entry rules, so a path with spaces or quotes still runs. */
export function desktopEntry(command: readonly string[]): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Switchboard',
    'Comment=Watch and operate your stack: containers, MCP servers, probes and logs',
    `Exec=${command.map(execArgument).join(' ')}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

/** Reserved characters need double quotes, inside which " ` $ \ take a backslash; then the value's own escaping doubles every backslash, and % is doubled. */
function execArgument(arg: string): string {
  const quoted = /[\s"'\\><~|&;$*?#()`]/.test(arg) || arg === '' ? `"${arg.replace(/["`$\\]/g, '\\$&')}"` : arg;
  return quoted.replace(/\\/g, '\\\\').replace(/%/g, '%%');
}
