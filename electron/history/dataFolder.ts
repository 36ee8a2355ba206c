import { homedir } from 'node:os';
import { join } from 'node:path';
import { resolveUserPath } from '../base/homePath.js';
import type { HistorySettings } from '../base/stackFile/history.js';

/** Where Switchboard keeps data when nobody says: $XDG_DATA_HOME/switchboard, else ~/.local/share/switchboard. */
export function defaultDataFolder(env: NodeJS.ProcessEnv): string {
  const base = env.XDG_DATA_HOME && env.XDG_DATA_HOME.startsWith('/') ? env.XDG_DATA_HOME : join(homedir(), '.local', 'share');
  return join(base, 'switchboard');
}

/** The history file of a stack: `history.path` (relative to the stack file) or "<data folder>/<stack name>.db". */
export function historyFilePath(settings: HistorySettings, stackName: string, dataFolder: string, baseDir: string): string {
  if (settings.path) return resolveUserPath(settings.path, baseDir);
  // One database per stack: a name is a file name here, so anything a path could trip on becomes "_".
  return join(dataFolder, `${stackName.replace(/[^\w.-]/g, '_').replace(/^\.+/, '_') || 'stack'}.db`);
}
