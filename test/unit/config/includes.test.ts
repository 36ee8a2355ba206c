import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeProblem } from '../../../electron/config/describeProblem.js';
import { loadStackFile, type StackLoad } from '../../../electron/config/loadStackFile.js';
import { stackFolder, yaml } from './stackFolder.js';

function configOf(load: StackLoad) {
  if (!load.ok) throw new Error(load.problems.map(describeProblem).join('\n'));
  return load;
}

const claudeDesktop = JSON.stringify(
  {
    globalShortcut: 'Ctrl+Space',
    mcpServers: {
      memory: { command: 'npx', args: ['-y', '@modelcontextprotocol/server-memory'] },
      postgres: { command: 'npx', args: ['-y', 'server-postgres', 'postgresql://claude@127.0.0.1/db'], env: { PGPASSWORD: 'x' } },
    },
  },
  null,
  2,
);

const vscodeMcpJson = `{
  // VS Code allows comments here
  "inputs": [{ "type": "promptString", "id": "token", "description": "API token" }],
  "servers": {
    "filesystem": { "type": "stdio", "command": "npx", "args": ["-y", "server-filesystem", "/tmp"], "envFile": ".env" },
    "remote": { "type": "http", "url": "http://127.0.0.1:9000/mcp" },
    /* a server someone turned off */
    "old": { "command": "node", "disabled": true },
  }
}
`;

describe('include: of Claude Desktop, Cursor and VS Code files', () => {
  let dir: ReturnType<typeof stackFolder>;
  beforeEach(() => {
    dir = stackFolder();
  });
  afterEach(() => dir.remove());

  it("takes a Claude Desktop file's mcpServers, and the stack file's own entries win", async () => {
    const claude = dir.write('claude/claude_desktop_config.json', claudeDesktop);
    const stack = dir.write(
      'ops/stack.yaml',
      yaml`
        include: [../claude/claude_desktop_config.json]
        mcpServers:
          postgres: { command: ./wrappers/postgres.sh, selfcheck: [--selfcheck] }
      `,
    );
    const load = configOf(await loadStackFile(stack, { env: {} }));
    expect(load.files).toEqual([stack, claude]);
    expect(load.config.mcpServers.memory).toMatchObject({ command: 'npx', args: ['-y', '@modelcontextprotocol/server-memory'] });
    expect(load.config.mcpServers.postgres).toMatchObject({ command: './wrappers/postgres.sh', selfcheck: ['--selfcheck'], env: {} });
    expect(load.warnings).toEqual([]);
  });

  it("takes a VS Code mcp.json's stdio servers and warns about what it skips", async () => {
    dir.write('.vscode/mcp.json', vscodeMcpJson);
    const stack = dir.write('stack.yaml', 'include: [.vscode/mcp.json]\n');
    const load = configOf(await loadStackFile(stack, { env: {} }));
    expect(Object.keys(load.config.mcpServers)).toEqual(['filesystem']);
    expect(load.config.mcpServers.filesystem).toMatchObject({ type: 'stdio', command: 'npx', args: ['-y', 'server-filesystem', '/tmp'] });
    const warnings = load.warnings.map((w) => `${w.line}:${w.key} ${w.message}`);
    expect(warnings).toEqual([
      '5:servers.filesystem MCP server "filesystem": ignored envFile (not used by Switchboard)',
      '6:servers.remote skipped MCP server "remote": type "http" is not launched: Switchboard runs stdio servers only',
      '8:servers.old skipped MCP server "old": disabled in its file',
    ]);
  });

  it('names the include that does not exist, at its line in the stack file', async () => {
    const stack = dir.write('stack.yaml', 'name: s\ninclude:\n  - ./nowhere/mcp.json\n');
    const load = await loadStackFile(stack);
    expect(load.ok).toBe(false);
    expect(!load.ok && load.problems).toEqual([
      { file: stack, line: 3, column: 5, key: 'include.0', message: `include ${dir.path('nowhere/mcp.json')}: file not found` },
    ]);
    // Still watched, so creating it later reloads the stack.
    expect(load.files).toEqual([stack, dir.path('nowhere/mcp.json')]);
  });

  it('points into the included file when one of its servers is invalid', async () => {
    const cursor = dir.write('cursor-mcp.json', '{\n  "mcpServers": {\n    "broken": { "args": ["x"] }\n  }\n}\n');
    const stack = dir.write('stack.yaml', `include: [${cursor}]\n`);
    const load = await loadStackFile(stack);
    expect(!load.ok && load.problems).toEqual([
      { file: cursor, line: 3, column: 5, key: 'mcpServers.broken.command', message: 'command is required (string)' },
    ]);
  });
});

describe('${VAR} expansion in MCP servers', () => {
  let dir: ReturnType<typeof stackFolder>;
  beforeEach(() => {
    dir = stackFolder();
  });
  afterEach(() => dir.remove());

  it('expands ${VAR}, ${VAR:-default} and ${env:VAR} in command, args and env values', async () => {
    const stack = dir.write(
      'stack.yaml',
      yaml`
        mcpServers:
          postgres:
            command: \${WRAPPERS}/postgres.sh
            args: ["--db", "\${DB_NAME:-sutazai}", "cost: $$5"]
            env: { DATABASE_URL: "\${DATABASE_URL}", TOKEN: "\${env:TOKEN}" }
      `,
    );
    const env = { WRAPPERS: '/opt/wrappers', DATABASE_URL: 'postgres://127.0.0.1/db', TOKEN: 't0k' };
    const server = configOf(await loadStackFile(stack, { env })).config.mcpServers.postgres;
    expect(server).toMatchObject({
      command: '/opt/wrappers/postgres.sh',
      args: ['--db', 'sutazai', 'cost: $5'],
      env: { DATABASE_URL: 'postgres://127.0.0.1/db', TOKEN: 't0k' },
    });
  });

  it('reports an unset variable without a default by name, where it was written', async () => {
    const stack = dir.write(
      'stack.yaml',
      yaml`
        mcpServers:
          postgres:
            command: ./wrappers/postgres.sh
            env:
              DATABASE_URL: "\${DATABASE_URL}"
      `,
    );
    const load = await loadStackFile(stack, { env: {} });
    expect(!load.ok && load.problems).toEqual([
      {
        file: stack,
        line: 5,
        column: 7,
        key: 'mcpServers.postgres.env.DATABASE_URL',
        message: '${DATABASE_URL} is not set: export DATABASE_URL before starting Switchboard, or write ${DATABASE_URL:-default}',
      },
    ]);
  });

  it('expands variables in included servers and points into the included file when one is unset', async () => {
    const vscode = dir.write('mcp.json', '{\n  "servers": {\n    "gh": { "command": "gh-mcp", "env": { "GH_TOKEN": "${GH_TOKEN}" } }\n  }\n}\n');
    const stack = dir.write('stack.yaml', 'include: [mcp.json]\n');
    const ok = configOf(await loadStackFile(stack, { env: { GH_TOKEN: 'abc' } }));
    expect(ok.config.mcpServers.gh?.env).toEqual({ GH_TOKEN: 'abc' });
    const broken = await loadStackFile(stack, { env: {} });
    expect(!broken.ok && broken.problems[0]).toMatchObject({ file: vscode, line: 3, key: 'servers.gh.env.GH_TOKEN' });
  });
});
