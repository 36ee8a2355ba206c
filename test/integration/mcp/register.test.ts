import { afterAll, afterEach, describe, expect, it } from 'vitest';
import path from 'node:path';
import type { StackInput } from '../../../electron/base/stackFile/stack.js';
import { registerMcp } from '../../../electron/mcp/register.js';
import type { McpState } from '../../../shared/contract/mcp.js';
import { fakeAppContext, type FakeAppContext } from '../../support/appContext.js';
import { killLeftovers, realServers, repoRoot, tempDir, waitForNoLeftovers } from '../../support/mcp/servers.js';

describe('MCP over the contract (topic mcp, mcp.* commands)', { timeout: 120_000 }, () => {
  const tmp = tempDir();
  const contexts: FakeAppContext[] = [];
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((ctx) => ctx.disposables.disposeAsync()));
    killLeftovers();
  });
  afterAll(() => tmp.remove());

  function context(input: StackInput) {
    const ctx = fakeAppContext(input, { baseDir: repoRoot });
    contexts.push(ctx);
    return { ctx, setConfig: ctx.setConfig };
  }

  it('streams server states, answers commands with validated params, and follows config changes', async () => {
    const memory = realServers.memory(path.join(tmp.dir, 'm.jsonl'));
    const { ctx, setConfig } = context({ mcpServers: { memory } });
    registerMcp(ctx);

    const states: McpState[] = [];
    const opened = ctx.topics.open('mcp', {}, {
      snapshot: (v) => states.push(v as McpState),
      state: (v) => states.push(v as McpState),
      append: () => {},
      close: () => {},
    });
    expect(opened.ok).toBe(true);
    expect(states[0]?.servers.map((s) => s.name)).toEqual(['memory']);

    const restarted = await ctx.commands.call('mcp.restart', { name: 'memory' });
    expect(restarted).toMatchObject({ ok: true, value: { status: 'ready' } });
    expect(states.at(-1)?.servers[0]?.status).toBe('ready');

    const call = await ctx.commands.call('mcp.callTool', { name: 'memory', tool: 'read_graph', arguments: {} });
    expect(call).toMatchObject({ ok: true, value: { isError: false, tool: 'read_graph' } });
    const tools = await ctx.commands.call('mcp.listTools', { name: 'memory' });
    expect(tools.ok && (tools.value as unknown[]).length).toBeGreaterThan(5);

    expect(await ctx.commands.call('mcp.stop', { name: 'nope' })).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'no MCP server named "nope" (known: memory)' },
    });
    expect(await ctx.commands.call('mcp.start', {})).toMatchObject({ ok: false, error: { code: 'invalid_params' } });

    // a config edit that removes the server stops it
    setConfig({ mcpServers: {} });
    const deadline = Date.now() + 10_000;
    while (states.at(-1)?.servers.length !== 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
    expect(states.at(-1)?.servers).toEqual([]);
    expect(await waitForNoLeftovers()).toEqual([]);
    if (opened.ok) opened.subscription.dispose();
  });

  it('awaiting the capability’s disposal stops every server before the app exits, and takes its handlers away', async () => {
    const { ctx } = context({ mcpServers: { everything: realServers.everything() } });
    const supervisor = registerMcp(ctx);
    const deadline = Date.now() + 30_000;
    while (supervisor.get('everything').status !== 'ready' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
    await ctx.disposables.disposeAsync();
    expect(await waitForNoLeftovers(2000)).toEqual([]);
    expect([...ctx.commands.names(), ...ctx.topics.names()]).toEqual([]);
  });
});
