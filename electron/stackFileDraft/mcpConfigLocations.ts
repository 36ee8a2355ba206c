import { posix, win32 } from 'node:path';

/** Where one of the operator's other apps keeps its MCP servers. */
export interface McpConfigLocation {
  app: string;
  /** Absolute path on this machine. */
  file: string;
  /** user: the app's own config for every folder; project: a file in the stack file's folder. */
  scope: 'user' | 'project';
  /** mcp: a file with mcpServers/servers at the top, which `include:` reads; settings: VS Code's settings.json, whose "mcp" section it cannot. */
  kind: 'mcp' | 'settings';
}

export interface Whereabouts {
  platform: NodeJS.Platform;
  home: string;
  /** APPDATA (Windows) and XDG_CONFIG_HOME (Linux) move the apps' config folders. */
  env: Readonly<Record<string, string | undefined>>;
  /** The folder the stack file will be saved in. */
  projectDir: string;
}

/**
 * Claude Desktop, Cursor and VS Code, where each keeps its MCP servers on this
 * platform, user-wide first, then the stack folder's own .cursor/ and .vscode/
 * files (later includes override earlier ones, so the folder's own win).
 */
export function mcpConfigLocations({ platform, home, env, projectDir }: Whereabouts): McpConfigLocation[] {
  const path = platform === 'win32' ? win32 : posix;
  const appData = appDataFolder(platform, home, env);
  return [
    { app: 'Claude Desktop', file: path.join(appData, 'Claude', 'claude_desktop_config.json'), scope: 'user', kind: 'mcp' },
    { app: 'Cursor', file: path.join(home, '.cursor', 'mcp.json'), scope: 'user', kind: 'mcp' },
    { app: 'VS Code', file: path.join(appData, 'Code', 'User', 'mcp.json'), scope: 'user', kind: 'mcp' },
    { app: 'VS Code', file: path.join(appData, 'Code', 'User', 'settings.json'), scope: 'user', kind: 'settings' },
    { app: 'Cursor (this folder)', file: path.join(projectDir, '.cursor', 'mcp.json'), scope: 'project', kind: 'mcp' },
    { app: 'VS Code (this folder)', file: path.join(projectDir, '.vscode', 'mcp.json'), scope: 'project', kind: 'mcp' },
  ];
}

/** Where desktop apps keep their settings: Electron's appData folder, which Claude Desktop and VS Code both use. */
function appDataFolder(platform: NodeJS.Platform, home: string, env: Whereabouts['env']): string {
  if (platform === 'win32') return env.APPDATA || win32.join(home, 'AppData', 'Roaming');
  if (platform === 'darwin') return posix.join(home, 'Library', 'Application Support');
  return env.XDG_CONFIG_HOME || posix.join(home, '.config');
}

/**
 * The path as the stack file writes it: the folder's own files relative to it, the
 * user's under `~/` (the same file for whoever's home it is), anything else absolute.
 * Forward slashes on every platform: Windows takes them, and YAML needs no escapes.
 */
export function writtenPath(location: Pick<McpConfigLocation, 'file' | 'scope'>, { platform, home, projectDir }: Whereabouts): string {
  const path = platform === 'win32' ? win32 : posix;
  const under = (folder: string) => {
    const rest = path.relative(folder, location.file);
    return rest && !rest.startsWith('..') && !path.isAbsolute(rest) ? rest.split(path.sep).join('/') : undefined;
  };
  if (location.scope === 'project') {
    const relative = under(projectDir);
    if (relative) return relative;
  }
  const inHome = under(home);
  if (inHome) return `~/${inHome}`;
  return location.file.split(path.sep).join('/');
}
