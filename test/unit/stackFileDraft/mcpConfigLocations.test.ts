import { describe, expect, it } from 'vitest';
import { mcpConfigLocations, writtenPath, type Whereabouts } from '../../../electron/stackFileDraft/mcpConfigLocations.js';

const files = (where: Whereabouts) => mcpConfigLocations(where).map((l) => [l.app, l.file]);

describe('where the other apps keep their MCP servers', () => {
  it('on Linux: ~/.config (or $XDG_CONFIG_HOME) for Claude Desktop and VS Code, ~/.cursor for Cursor, then the folder\'s own', () => {
    expect(files({ platform: 'linux', home: '/home/ops', env: {}, projectDir: '/srv/stack' })).toEqual([
      ['Claude Desktop', '/home/ops/.config/Claude/claude_desktop_config.json'],
      ['Cursor', '/home/ops/.cursor/mcp.json'],
      ['VS Code', '/home/ops/.config/Code/User/mcp.json'],
      ['VS Code', '/home/ops/.config/Code/User/settings.json'],
      ['Cursor (this folder)', '/srv/stack/.cursor/mcp.json'],
      ['VS Code (this folder)', '/srv/stack/.vscode/mcp.json'],
    ]);
    expect(files({ platform: 'linux', home: '/home/ops', env: { XDG_CONFIG_HOME: '/cfg' }, projectDir: '/srv' })[0]).toEqual(['Claude Desktop', '/cfg/Claude/claude_desktop_config.json']);
  });

  it('on macOS: ~/Library/Application Support', () => {
    const found = files({ platform: 'darwin', home: '/Users/ops', env: { XDG_CONFIG_HOME: '/ignored' }, projectDir: '/Users/ops/stack' });
    expect(found[0]).toEqual(['Claude Desktop', '/Users/ops/Library/Application Support/Claude/claude_desktop_config.json']);
    expect(found[2]).toEqual(['VS Code', '/Users/ops/Library/Application Support/Code/User/mcp.json']);
  });

  it('on Windows: %APPDATA%', () => {
    const found = files({ platform: 'win32', home: 'C:\\Users\\ops', env: { APPDATA: 'D:\\Roaming' }, projectDir: 'C:\\stack' });
    expect(found[0]).toEqual(['Claude Desktop', 'D:\\Roaming\\Claude\\claude_desktop_config.json']);
    expect(found[1]).toEqual(['Cursor', 'C:\\Users\\ops\\.cursor\\mcp.json']);
    expect(files({ platform: 'win32', home: 'C:\\Users\\ops', env: {}, projectDir: 'C:\\stack' })[0]).toEqual(['Claude Desktop', 'C:\\Users\\ops\\AppData\\Roaming\\Claude\\claude_desktop_config.json']);
  });

  it('writes the user\'s files under ~/ and the folder\'s own relative to the stack file, with forward slashes', () => {
    const linux: Whereabouts = { platform: 'linux', home: '/home/ops', env: {}, projectDir: '/home/ops/stack' };
    expect(writtenPath({ file: '/home/ops/.cursor/mcp.json', scope: 'user' }, linux)).toBe('~/.cursor/mcp.json');
    expect(writtenPath({ file: '/home/ops/stack/.vscode/mcp.json', scope: 'project' }, linux)).toBe('.vscode/mcp.json');
    expect(writtenPath({ file: '/cfg/Claude/claude_desktop_config.json', scope: 'user' }, linux)).toBe('/cfg/Claude/claude_desktop_config.json');
    const windows: Whereabouts = { platform: 'win32', home: 'C:\\Users\\ops', env: {}, projectDir: 'C:\\stack' };
    expect(writtenPath({ file: 'C:\\Users\\ops\\AppData\\Roaming\\Claude\\claude_desktop_config.json', scope: 'user' }, windows)).toBe('~/AppData/Roaming/Claude/claude_desktop_config.json');
    expect(writtenPath({ file: 'D:\\Roaming\\Code\\User\\mcp.json', scope: 'user' }, windows)).toBe('D:/Roaming/Code/User/mcp.json');
  });
});
