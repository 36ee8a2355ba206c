import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const repoRoot = resolve(new URL('../..', import.meta.url).pathname);
const serverDist = (pkg: string) => join(repoRoot, 'node_modules/@modelcontextprotocol', pkg, 'dist/index.js');

/** A token the Claude Desktop config holds: a draft that includes the file must not copy it. */
export const claudeToken = 'tok-claude-3f9a7c1e';

/** What the fake home's configs give when included: server name → the app whose file has it. */
export const fakeHomeServers = { memory: 'Claude Desktop', everything: 'Cursor', files: 'VS Code' } as const;

/**
 * A home folder (point HOME at it) with the MCP configs of Claude Desktop (Linux
 * place), Cursor and VS Code as those apps write them: real stdio servers from
 * npm, a url server the loader skips, JSON with comments in VS Code's files,
 * and servers in VS Code's settings.json "mcp" section, which include: cannot read.
 */
export function writeFakeHome(home: string, dataDir: string): void {
  write(join(home, '.config/Claude/claude_desktop_config.json'), {
    mcpServers: {
      memory: { command: 'node', args: [serverDist('server-memory')], env: { MEMORY_FILE_PATH: join(dataDir, 'memory.jsonl'), API_TOKEN: claudeToken } },
      remote: { url: 'https://mcp.example.invalid/sse' },
    },
  });
  write(join(home, '.cursor/mcp.json'), { mcpServers: { everything: { command: 'node', args: [serverDist('server-everything'), 'stdio'] } } });
  writeText(
    join(home, '.config/Code/User/mcp.json'),
    `{
  // VS Code's own file: JSON with comments, servers under "servers"
  "servers": {
    "files": { "type": "stdio", "command": "node", "args": [${JSON.stringify(serverDist('server-filesystem'))}, ${JSON.stringify(dataDir)}] }
  }
}
`,
  );
  writeText(
    join(home, '.config/Code/User/settings.json'),
    `{
  "editor.fontSize": 13,
  // older VS Code kept servers here
  "mcp": { "servers": { "old": { "command": "node", "args": ["old.js"] } } }
}
`,
  );
}

function write(file: string, value: unknown): void {
  writeText(file, `${JSON.stringify(value, null, 2)}\n`);
}

function writeText(file: string, text: string): void {
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, text);
}
