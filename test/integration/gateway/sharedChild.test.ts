import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { CreateMessageRequestSchema, ResourceUpdatedNotificationSchema, ToolListChangedNotificationSchema } from '@modelcontextprotocol/sdk/types.js';
import { startGatewayApp, type GatewayApp } from '../../support/gateway.js';
import { killLeftovers, realServers, serverConfig, supportDir, tempDir } from '../../support/mcp/servers.js';

const gatewayServer = () => serverConfig({ command: 'node', args: [path.join(supportDir, 'gatewayServer.mjs')] });
const text = (result: unknown) => ((result as { content: { text?: string }[] }).content[0]?.text ?? '');

describe('MCP gateway, mode shared: the SDK client over Streamable HTTP against real servers', { timeout: 120_000 }, () => {
  const tmp = tempDir();
  const apps: GatewayApp[] = [];
  afterEach(async () => {
    await Promise.all(apps.splice(0).map((a) => a.close()));
    killLeftovers();
  });
  afterAll(() => tmp.remove());

  async function app(input: Parameters<typeof startGatewayApp>[0]) {
    const a = await startGatewayApp(input);
    apps.push(a);
    return a;
  }

  it('initializes, lists and calls tools, streams progress, and ends the session with DELETE', async () => {
    const a = await app({ mcpServers: { everything: realServers.everything(), memory: realServers.memory(path.join(tmp.dir, 'm.jsonl')) } });
    const { client, transport } = await a.connect('everything');
    expect(client.getServerVersion()?.name).toBe('mcp-servers/everything');
    const tools = await client.listTools();
    expect(tools.tools.map((t) => t.name)).toContain('echo');
    expect(text(await client.callTool({ name: 'echo', arguments: { message: 'hi' } }))).toBe('Echo: hi');

    const progress: number[] = [];
    const long = await client.callTool({ name: 'trigger-long-running-operation', arguments: { duration: 0.6, steps: 3 } }, undefined, {
      onprogress: (p) => progress.push(p.progress),
    });
    expect(text(long)).toMatch(/completed/i);
    expect(progress).toEqual([1, 2, 3]);

    const memory = await a.connect('memory');
    await memory.client.callTool({ name: 'create_entities', arguments: { entities: [{ name: 'gw', entityType: 'test', observations: ['through the gateway'] }] } });
    const graph = await memory.client.callTool({ name: 'read_graph', arguments: {} });
    expect(JSON.stringify(graph)).toContain('through the gateway');

    const sessionId = transport.sessionId!;
    await transport.terminateSession();
    const after = await fetch(`${a.url}/everything`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${a.token}`, 'Mcp-Session-Id': sessionId, 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 9, method: 'tools/list' }),
    });
    expect(after.status).toBe(404);
    // one hub line per request, no payloads
    const lines = a.ctx.lines.filter((l) => l.source === 'mcp:everything' && l.text.startsWith('gateway ')).map((l) => l.text);
    expect(lines.some((l) => /tools\/call echo [\d.]+ ms ok$/.test(l))).toBe(true);
    expect(lines.join('\n')).not.toContain('hi"');
  });

  it('gives two clients on one child each their own answers, even with the same JSON-RPC ids', async () => {
    const a = await app({ mcpServers: { test: gatewayServer() } });
    const one = await a.connect('test');
    const two = await a.connect('test');
    const calls = Array.from({ length: 40 }, (_, i) => {
      const who = i % 2 === 0 ? one : two;
      const tag = `${i % 2 === 0 ? 'one' : 'two'}-${i}`;
      return who.client.callTool({ name: 'echo', arguments: { message: tag } }).then((r) => [tag, text(r)]);
    });
    for (const [sent, got] of await Promise.all(calls)) expect(got).toBe(sent);
  });

  it('fans list_changed out to every session on the GET stream', async () => {
    const a = await app({ mcpServers: { test: gatewayServer() } });
    const one = await a.connect('test');
    const two = await a.connect('test');
    const heard = { one: 0, two: 0 };
    one.client.setNotificationHandler(ToolListChangedNotificationSchema, () => void heard.one++);
    two.client.setNotificationHandler(ToolListChangedNotificationSchema, () => void heard.two++);
    // each client opens its GET stream after initialized, a moment later on a loaded machine: announce until both have heard
    await expect
      .poll(async () => {
        await one.client.callTool({ name: 'announce', arguments: {} });
        return heard.one > 0 && heard.two > 0;
      }, { timeout: 10_000, interval: 200 })
      .toBe(true);
  });

  it('routes sampling to the client whose call caused it, and answers it with an error when none or several could', async () => {
    const a = await app({ mcpServers: { everything: realServers.everything() } });
    const asked = { a: 0, b: 0 };
    const sampler = (who: 'a' | 'b') => async () => {
      asked[who]++;
      return { model: `model-${who}`, role: 'assistant' as const, content: { type: 'text' as const, text: `sampled by ${who}` } };
    };
    const first = await a.connect('everything', { sampling: {} });
    const second = await a.connect('everything', { sampling: {} });
    first.client.setRequestHandler(CreateMessageRequestSchema, sampler('a'));
    second.client.setRequestHandler(CreateMessageRequestSchema, sampler('b'));
    const result = await second.client.callTool({ name: 'trigger-sampling-request', arguments: { prompt: 'hello', maxTokens: 5 } });
    expect(JSON.stringify(result)).toContain('sampled by b');
    expect(asked).toEqual({ a: 0, b: 1 });

    // two sessions that could answer both have calls in flight: the gateway cannot tell which one caused it, and says so
    const busy = first.client.callTool({ name: 'trigger-long-running-operation', arguments: { duration: 2, steps: 2 } });
    await new Promise((r) => setTimeout(r, 200));
    const ambiguous = await second.client.callTool({ name: 'trigger-sampling-request', arguments: { prompt: 'hello', maxTokens: 5 } });
    expect(JSON.stringify(ambiguous)).toMatch(/cannot tell which one asked.*per-session/);
    await busy;
    expect(asked).toEqual({ a: 0, b: 1 });

    // a client without sampling: the child gets an error at once, the call ends instead of hanging
    const plain = await a.connect('everything');
    await Promise.all([first.client.close(), second.client.close()]);
    const refused = await plain.client.callTool({ name: 'trigger-sampling-request', arguments: { prompt: 'x', maxTokens: 5 } });
    expect(JSON.stringify(refused)).toMatch(/cannot be answered: the session whose call caused it did not declare the sampling capability/);
  });

  it('keeps the child subscribed to a resource while any session is, and sends its updates to the subscribers only', async () => {
    const a = await app({ mcpServers: { everything: realServers.everything() } });
    const one = await a.connect('everything');
    const two = await a.connect('everything');
    const three = await a.connect('everything');
    const updates = { one: 0, two: 0, three: 0 };
    for (const [who, c] of [['one', one], ['two', two], ['three', three]] as const) c.client.setNotificationHandler(ResourceUpdatedNotificationSchema, () => void updates[who]++);
    const uri = 'demo://resource/static/document/architecture.md';
    await one.client.subscribeResource({ uri });
    await two.client.subscribeResource({ uri });
    await two.client.unsubscribeResource({ uri }); // one still subscribes: the child must stay subscribed
    await new Promise((r) => setTimeout(r, 300));
    await one.client.callTool({ name: 'toggle-subscriber-updates', arguments: {} });
    // sent at once and every 5 s after: the first may come before one's GET stream is open
    await expect.poll(() => updates.one, { timeout: 12_000 }).toBeGreaterThan(0);
    expect(updates).toMatchObject({ two: 0, three: 0 });
    await one.client.callTool({ name: 'toggle-subscriber-updates', arguments: {} });
  });

  it('logs arguments and results only for a server with logPayloads', async () => {
    const a = await app({ mcpServers: { quiet: gatewayServer(), loud: { ...gatewayServer(), gateway: { logPayloads: true } } } });
    for (const name of ['quiet', 'loud']) {
      const { client } = await a.connect(name);
      await client.callTool({ name: 'echo', arguments: { message: `payload-${name}` } });
    }
    const lines = (source: string) => a.ctx.lines.filter((l) => l.source === source && l.text.startsWith('gateway ')).map((l) => l.text).join('\n');
    expect(lines('mcp:quiet')).toMatch(/tools\/call echo/);
    expect(lines('mcp:quiet')).not.toContain('payload-quiet');
    expect(lines('mcp:loud')).toMatch(/tools\/call echo .* ok params=.*payload-loud.* result=.*payload-loud/);
  });

  it('resumes a dropped GET stream from Last-Event-ID', async () => {
    const a = await app({ mcpServers: { test: gatewayServer() } });
    const { transport } = await a.connect('test');
    const other = await a.connect('test');
    const headers = { Authorization: `Bearer ${a.token}`, 'Mcp-Session-Id': transport.sessionId!, Accept: 'text/event-stream', 'Mcp-Protocol-Version': transport.protocolVersion ?? '' };
    // the SDK client holds its own GET stream; this one takes over after it is closed
    await transport.close();
    const first = await readEvents(`${a.url}/test`, headers, 1, () => other.client.callTool({ name: 'announce', arguments: {} }));
    expect(first[0]?.data).toContain('list_changed');
    // while no stream is open, two more announcements happen; the resumed stream replays them
    await other.client.callTool({ name: 'announce', arguments: {} });
    await other.client.callTool({ name: 'announce', arguments: {} });
    const replayed = await readEvents(`${a.url}/test`, { ...headers, 'Last-Event-ID': first[0]!.id }, 2);
    expect(replayed.map((e) => e.data.includes('list_changed'))).toEqual([true, true]);
  });

  it('refuses a missing token (401) and a foreign Origin (403)', async () => {
    const a = await app({ mcpServers: { test: gatewayServer() } });
    const bare = await fetch(`${a.url}/test`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(bare.status).toBe(401);
    expect(bare.headers.get('www-authenticate')).toMatch(/^Bearer/);
    const wrong = await fetch(`${a.url}`, { headers: { Authorization: 'Bearer not-the-token' } });
    expect(wrong.status).toBe(401);
    const foreign = await fetch(`${a.url}`, { headers: { Authorization: `Bearer ${a.token}`, Origin: 'http://evil.example' } });
    expect(foreign.status).toBe(403);
    await expect(a.connect('test', {}, {})).rejects.toThrow(/bearer token/i);

    // the catalog lists the server with its URL and tools
    const catalog = (await (await fetch(a.url, { headers: { Authorization: `Bearer ${a.token}` } })).json()) as { servers: { name: string; url: string; tools: { name: string }[] }[] };
    expect(catalog.servers[0]).toMatchObject({ name: 'test', url: `${a.url}/test` });
    expect(catalog.servers[0]!.tools.map((t) => t.name)).toContain('echo');

    // the curl-style shortcut
    const shortcut = await fetch(`${a.url}/test/tools/echo`, { method: 'POST', headers: { Authorization: `Bearer ${a.token}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ message: 'SELECT 1' }) });
    expect(shortcut.status).toBe(200);
    expect(await shortcut.json()).toEqual({ content: [{ type: 'text', text: 'SELECT 1' }] });
  });
});

/** Opens a GET stream, runs `then`, and returns the first `count` events that carry data. */
async function readEvents(url: string, headers: Record<string, string>, count: number, then?: () => Promise<unknown>): Promise<{ id: string; data: string }[]> {
  const controller = new AbortController();
  const res = await fetch(url, { headers, signal: controller.signal });
  expect(res.status).toBe(200);
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  void then?.();
  const events: { id: string; data: string }[] = [];
  let buffer = '';
  const deadline = setTimeout(() => controller.abort(), 10_000);
  try {
    while (events.length < count) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) !== -1) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const id = /^id: ?(.*)$/m.exec(block)?.[1] ?? '';
        const data = /^data: ?(.*)$/m.exec(block)?.[1] ?? '';
        if (data) events.push({ id, data });
      }
    }
  } finally {
    clearTimeout(deadline);
    controller.abort();
  }
  return events;
}
