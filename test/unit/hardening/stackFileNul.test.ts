import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeProblem } from '../../../electron/config/describeProblem.js';
import { loadStackFile, type StackLoad } from '../../../electron/config/loadStackFile.js';
import { stackFolder } from '../config/stackFolder.js';

function problemsOf(load: StackLoad) {
  if (load.ok) throw new Error(`expected problems, got a config: ${JSON.stringify(load.config)}`);
  return load.problems;
}

/** spawn throws on a NUL byte; the stack file must say so at the key, before anything is spawned. */
describe('a NUL byte in the stack file is a problem at its key', () => {
  let dir: ReturnType<typeof stackFolder>;
  beforeEach(() => (dir = stackFolder()));
  afterEach(() => dir.remove());

  const cases: [string, string, string, number][] = [
    ['MCP command', 'mcpServers:\n  x:\n    command: "no\\0de"\n', 'mcpServers.x.command', 3],
    ['MCP argument', 'mcpServers:\n  x:\n    command: node\n    args: ["-e", "a\\0b"]\n', 'mcpServers.x.args.1', 4],
    ['MCP env value', 'mcpServers:\n  x:\n    command: node\n    env: { TOKEN: "a\\0b" }\n', 'mcpServers.x.env.TOKEN', 4],
    ['MCP cwd', 'mcpServers:\n  x:\n    command: node\n    cwd: "/tmp/\\0"\n', 'mcpServers.x.cwd', 4],
    ['MCP selfcheck', 'mcpServers:\n  x:\n    command: node\n    selfcheck: ["--check\\0"]\n', 'mcpServers.x.selfcheck.0', 4],
    ['VS Code servers entry', 'servers:\n  x:\n    command: node\n    args: ["\\0"]\n', 'servers.x.args.0', 4],
    ['probe command', 'probes:\n  p:\n    command: ["true", "a\\0b"]\n', 'probes.p.command.1', 3],
    ['probe cwd', 'probes:\n  p:\n    command: ["true"]\n    cwd: "a\\0"\n', 'probes.p.cwd', 4],
    ['docker host', 'docker:\n  host: "unix:///var/run/\\0.sock"\n', 'docker.host', 2],
  ];

  for (const [what, body, key, line] of cases) {
    it(`in the ${what}`, async () => {
      const file = dir.write('stack.yaml', `name: t\n${body}`);
      const [problem, ...others] = problemsOf(await loadStackFile(file, { env: {} }));
      expect(others).toEqual([]);
      expect(problem).toMatchObject({ file, key, line: line + 1 });
      expect(problem!.column).toBeGreaterThan(0);
      expect(describeProblem(problem!)).toMatch(new RegExp(`^${file}:${line + 1}:\\d+ ${key.replace(/\./g, '\\.')}: contains a NUL byte`));
    });
  }

  it('in an env name', async () => {
    const file = dir.write('stack.json', JSON.stringify({ mcpServers: { x: { command: 'node', env: { 'A\u0000B': '1' } } } }, null, 2));
    const [problem] = problemsOf(await loadStackFile(file, { env: {} }));
    expect(problem).toMatchObject({ file, line: 6 });
    expect(describeProblem(problem!)).not.toContain('\0');
    expect(problem!.message).toMatch(/NUL byte/);
  });

  it('in a server taken from an included Cursor mcp.json', async () => {
    const included = dir.write('cursor/mcp.json', JSON.stringify({ mcpServers: { y: { command: 'node', args: ['ok', 'a\u0000b'] } } }, null, 2));
    const file = dir.write('stack.yaml', 'include: [./cursor/mcp.json]\n');
    const [problem] = problemsOf(await loadStackFile(file, { env: {} }));
    expect(problem).toMatchObject({ file: included, key: 'mcpServers.y.args.1', line: 7 });
  });

  it('in an HTTP probe header, like any character Node would refuse to send', async () => {
    const file = dir.write('stack.yaml', 'probes:\n  h:\n    url: http://127.0.0.1:1/\n    headers: { X-Token: "a\\nb", "bad name": "v" }\n');
    const problems = problemsOf(await loadStackFile(file, { env: {} }));
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^a header value is one line/),
      expect.stringMatching(/^key "bad name": a header name is/),
    ]);
  });
});
