import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { McpSupervisor } from '../../../electron/mcp/supervisor.js';
import { MASK } from '../../../electron/base/secrets/secretShapes.js';
import type { McpServerState } from '../../../shared/contract/mcp.js';
import {
  collectingLogs,
  fastStop,
  killLeftovers,
  realServers,
  repoRoot,
  tempDir,
  waitForNoLeftovers,
  waitForState,
} from '../../support/mcp/servers.js';

describe('supervising real MCP servers from npm', { timeout: 120_000 }, () => {
  const tmp = tempDir();
  let supervisor: McpSupervisor;
  let logs: ReturnType<typeof collectingLogs>;

  beforeAll(() => writeFileSync(path.join(tmp.dir, 'hello.txt'), 'hello from the filesystem server\n'));
  afterEach(async () => {
    await supervisor?.disposeAsync();
    killLeftovers();
  });
  afterAll(() => tmp.remove());

  function supervise() {
    logs = collectingLogs();
    supervisor = new McpSupervisor({ logs, baseDir: repoRoot, stopTimings: fastStop });
    return supervisor;
  }

  it('brings server-everything, -memory and -filesystem to ready with their name, protocol and tools', async () => {
    supervise();
    const seen: McpServerState['status'][] = [];
    supervisor.changed.on((states) => {
      const s = states.find((x) => x.name === 'everything');
      if (s && seen.at(-1) !== s.status) seen.push(s.status);
    });
    await supervisor.setServers({
      everything: realServers.everything(),
      memory: realServers.memory(path.join(tmp.dir, 'memory.jsonl')),
      filesystem: realServers.filesystem(tmp.dir),
    });
    // tools, resources and prompts arrive right after ready
    const listed = (s: McpServerState) => s.status === 'ready' && s.tools.length > 0;
    const everything = await waitForState(supervisor, 'everything', (s) => listed(s) && s.prompts.length > 0);
    const memory = await waitForState(supervisor, 'memory', listed);
    const filesystem = await waitForState(supervisor, 'filesystem', listed);

    expect(seen).toEqual(['starting', 'ready']);
    expect(everything.server?.protocolVersion).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(everything.server?.name).toBeTruthy();
    expect(everything.tools.map((t) => t.name)).toContain('echo');
    expect(everything.resources.length + everything.prompts.length).toBeGreaterThan(0);
    expect(everything.pid).toBeGreaterThan(0);
    expect(memory.server?.name).toBe('memory-server');
    expect(memory.tools.find((t) => t.name === 'create_entities')?.inputSchema).toMatchObject({ type: 'object' });
    expect(filesystem.tools.map((t) => t.name)).toContain('read_text_file');
  });

  it('calls a tool and shows its result, so "running" can be told from "working"', async () => {
    supervise();
    await supervisor.setServers({ everything: realServers.everything(), filesystem: realServers.filesystem(tmp.dir) });
    await waitForState(supervisor, 'everything', (s) => s.status === 'ready' && s.tools.length > 0);
    await waitForState(supervisor, 'filesystem', (s) => s.status === 'ready' && s.tools.length > 0);

    const echo = await supervisor.callTool('everything', 'echo', { message: 'switchboard says hi' });
    expect(echo.isError).toBe(false);
    expect(echo.content[0]?.text).toContain('switchboard says hi');

    const file = await supervisor.callTool('filesystem', 'read_text_file', { path: path.join(tmp.dir, 'hello.txt') });
    expect(file.content[0]?.text).toContain('hello from the filesystem server');

    await expect(supervisor.callTool('everything', 'no_such_tool', {})).rejects.toMatchObject({ code: 'not_found' });
  });

  it('stops and starts on request, and restart brings a ready server back to ready', async () => {
    supervise();
    await supervisor.setServers({ memory: realServers.memory(path.join(tmp.dir, 'memory2.jsonl')) });
    const first = await waitForState(supervisor, 'memory', (s) => s.status === 'ready');

    const stopped = await supervisor.stop('memory');
    expect(stopped).toMatchObject({ status: 'stopped', reason: 'stopped by operator' });
    expect(await waitForNoLeftovers()).toEqual([]);
    await expect(supervisor.callTool('memory', 'read_graph', {})).rejects.toMatchObject({ code: 'unavailable' });

    expect((await supervisor.start('memory')).status).toBe('ready');
    const restarted = await supervisor.restart('memory');
    expect(restarted.status).toBe('ready');
    expect(restarted.pid).not.toBe(first.pid);
    expect(logs.lines.map((l) => l.text)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^restart of mcp:memory requested/), expect.stringMatching(/^restart of mcp:memory finished: ready in/)]),
    );
  });

  it('masks secret env values in the state, the logs and stderr lines', async () => {
    supervise();
    const config = realServers.memory(path.join(tmp.dir, 'memory3.jsonl'), {
      env: { API_TOKEN: 'tok-very-secret-42', DATABASE_URL: 'postgres://app:pw-hidden-9@127.0.0.1/app' },
      args: [],
    });
    // a server that echoes its secret to stderr before exiting, like a careless wrapper
    config.command = 'sh';
    config.args = ['-c', 'echo "connecting with $API_TOKEN to $DATABASE_URL" >&2; exit 1'];
    config.restart = 'no';
    await supervisor.setServers({ leaky: config });
    const state = await waitForState(supervisor, 'leaky', (s) => s.status === 'exited');

    expect(state.env.API_TOKEN).toBe(MASK);
    expect(state.env.DATABASE_URL).toBe(`postgres://app:${MASK}@127.0.0.1/app`);
    const everything = JSON.stringify({ state, logs: logs.lines });
    expect(everything).toContain('connecting with');
    expect(everything).not.toContain('tok-very-secret-42');
    expect(everything).not.toContain('pw-hidden-9');
  });

  it('leaves no process of any server behind after dispose', async () => {
    supervise();
    await supervisor.setServers({
      everything: realServers.everything(),
      memory: realServers.memory(path.join(tmp.dir, 'memory4.jsonl')),
    });
    await waitForState(supervisor, 'everything', (s) => s.status === 'ready');
    await waitForState(supervisor, 'memory', (s) => s.status === 'ready');
    await supervisor.disposeAsync();
    expect(await waitForNoLeftovers(2000)).toEqual([]);
  });
});
