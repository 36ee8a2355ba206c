import { describe, expect, it, afterEach } from 'vitest';
import { CommandRegistry } from '../../../electron/core/commandRegistry.js';
import { TopicRegistry, type TopicSink } from '../../../electron/core/topicRegistry.js';
import { toDisposable } from '../../../electron/base/disposable.js';
import { Session } from '../../../electron/transport/session.js';
import type { ServerMessage } from '../../../shared/protocol.js';
import type { LogLine } from '../../../shared/contract/logs.js';

function harness(options: ConstructorParameters<typeof Session>[3] = {}) {
  const sent: ServerMessage[] = [];
  const commands = new CommandRegistry();
  const topics = new TopicRegistry();
  let backlog = 0;
  const session = new Session({ send: (m) => sent.push(m), backlog: () => backlog }, commands, topics, { flushIntervalMs: 5, ...options });
  return { sent, commands, topics, session, setBacklog: (b: number) => (backlog = b) };
}

/** Provides `topic` with one snapshot and hands back the sink of the (latest) subscriber. */
function provideOne(h: ReturnType<typeof harness>, topic: 'mcp' | 'logs', snapshot: object): () => TopicSink<unknown, unknown> {
  let sink: TopicSink<unknown, unknown> | undefined;
  h.topics.provide(topic, (_p, s) => {
    sink = s as TopicSink<unknown, unknown>;
    s.snapshot(snapshot as never);
    return toDisposable(() => {});
  });
  return () => sink!;
}

const tick = (ms = 30) => new Promise((r) => setTimeout(r, ms));
const line = (seq: number): LogLine => ({ seq, ts: seq, source: 'test', stream: 'stdout', level: 'info', text: `line ${seq}` });

describe('session', () => {
  let dispose: (() => void) | undefined;
  afterEach(() => dispose?.());

  it('answers a valid call with the handler result and bad params with invalid_params', async () => {
    const h = harness();
    dispose = () => h.session.dispose();
    h.commands.handle('mcp.restart', ({ name }) => ({ name }) as never);
    h.session.receive({ t: 'call', id: 1, cmd: 'mcp.restart', params: { name: 'postgres' } });
    h.session.receive({ t: 'call', id: 2, cmd: 'mcp.restart', params: { name: 42 } });
    await tick();
    expect(h.sent).toContainEqual({ t: 'result', id: 1, ok: true, value: { name: 'postgres' } });
    const bad = h.sent.find((m) => m.t === 'result' && m.id === 2);
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_params' } });
    expect((bad as { error: { message: string } }).error.message).toMatch(/name/);
  });

  it('answers 1,000 malformed messages with structured errors and keeps serving', async () => {
    const h = harness();
    dispose = () => h.session.dispose();
    h.commands.handle('app.info', () => ({ version: '1', mode: 'browser' as const, platform: 'linux' }));
    const junk: unknown[] = ['{', '[]', 'null', '{"t":"call"}', '{"t":"sub","id":-1,"topic":"x"}', '{"t":"call","id":1,"cmd":"nope"}', '"x"'.repeat(3), '{"t":"call","id":3,"cmd":"app.info","params":{"extra":1}}'];
    for (let i = 0; i < 1000; i++) h.session.receiveText(String(junk[i % junk.length]));
    h.session.receiveText('x'.repeat(300_000));
    await tick(50);
    const errors = h.sent.filter((m) => m.t === 'error' || (m.t === 'result' && !m.ok));
    expect(errors.length).toBe(1001);
    for (const e of errors) {
      const info = e.t === 'error' ? e.error : (e as { error: { code: string; message: string } }).error;
      expect(info.code).toMatch(/bad_message|unknown_command|invalid_params/);
      expect(info.message.length).toBeGreaterThan(5);
    }
    h.sent.length = 0;
    h.session.receive({ t: 'call', id: 99, cmd: 'app.info', params: {} });
    await tick();
    expect(h.sent).toContainEqual({ t: 'result', id: 99, ok: true, value: { version: '1', mode: 'browser', platform: 'linux' } });
  });

  it('sends a snapshot first, then only the latest state per flush', async () => {
    const h = harness({ flushIntervalMs: 20 });
    dispose = () => h.session.dispose();
    const sink = provideOne(h, 'mcp', { servers: [] });
    h.session.receive({ t: 'sub', id: 7, topic: 'mcp' });
    await tick(40);
    for (let i = 0; i < 100; i++) sink().state({ servers: [], n: i });
    await tick(40);
    expect(h.sent.filter((m) => m.t === 'snapshot')).toHaveLength(1);
    const states = h.sent.filter((m) => m.t === 'state');
    expect(states).toHaveLength(1);
    expect(states[0]).toMatchObject({ value: { n: 99 } });
  });

  it('flushes at most once per interval however often the state changes', async () => {
    const h = harness({ flushIntervalMs: 50 });
    dispose = () => h.session.dispose();
    const sink = provideOne(h, 'mcp', { servers: [] });
    h.session.receive({ t: 'sub', id: 1, topic: 'mcp' });
    await tick(60);
    const started = performance.now();
    for (let i = 0; performance.now() - started < 500; i++) {
      sink().state({ servers: [], n: i });
      await tick(5);
    }
    await tick(60);
    const flushes = h.sent.filter((m) => m.t === 'state').length;
    expect(flushes).toBeGreaterThanOrEqual(2);
    expect(flushes).toBeLessThanOrEqual(12);
  });

  it('sends a change after a quiet spell at once instead of waiting out the interval', async () => {
    const h = harness({ flushIntervalMs: 2_000 });
    dispose = () => h.session.dispose();
    const sink = provideOne(h, 'mcp', { servers: [] });
    h.session.receive({ t: 'sub', id: 1, topic: 'mcp' });
    await tick(2_100); // the snapshot went out; the interval has passed
    sink().state({ servers: [], n: 1 });
    await tick(500);
    expect(h.sent.filter((m) => m.t === 'state')).toHaveLength(1);
  });

  it('sends the first change after a quiet spell in the same loop turn, together with what changed alongside it, then coalesces', async () => {
    const h = harness({ flushIntervalMs: 2_000 });
    dispose = () => h.session.dispose();
    const sink = provideOne(h, 'mcp', { servers: [] });
    h.session.receive({ t: 'sub', id: 1, topic: 'mcp' });
    await tick(2_100);
    sink().state({ servers: [], n: 1 });
    sink().state({ servers: [], n: 2 });
    await new Promise((r) => setImmediate(r)); // no timer involved: out before the next turn's timers
    expect(h.sent.filter((m) => m.t === 'state')).toEqual([{ t: 'state', id: 1, value: { servers: [], n: 2 } }]);
    sink().state({ servers: [], n: 3 });
    await tick(100);
    expect(h.sent.filter((m) => m.t === 'state')).toHaveLength(1); // waits out the interval since the last flush
  });

  it('bounds what a client that stopped reading can cost, and counts what it dropped', async () => {
    const h = harness({ maxItemsPerSubscription: 1000 });
    dispose = () => h.session.dispose();
    const sink = provideOne(h, 'logs', { lines: [], sources: [], dropped: 0 });
    h.session.receive({ t: 'sub', id: 1, topic: 'logs', params: {} });
    await tick();
    h.setBacklog(100 * 1024 * 1024); // the socket is not draining
    for (let i = 0; i < 50_000; i++) sink().append(line(i));
    await tick(40);
    expect(h.sent.filter((m) => m.t === 'append')).toHaveLength(0);
    h.setBacklog(0);
    await tick(40);
    const appended = h.sent.filter((m) => m.t === 'append') as Extract<ServerMessage, { t: 'append' }>[];
    const items = appended.flatMap((m) => m.items as LogLine[]);
    expect(items).toHaveLength(1000);
    expect(items[0]!.seq).toBe(49_000);
    expect(appended.reduce((n, m) => n + m.dropped, 0)).toBe(49_000);
  });

  it('closes the provider when the client unsubscribes or goes away', async () => {
    const h = harness();
    let open = 0;
    h.topics.provide('containers', (_p, s) => {
      open++;
      s.snapshot({ engines: [], showAll: false });
      return toDisposable(() => open--);
    });
    h.session.receive({ t: 'sub', id: 1, topic: 'containers' });
    h.session.receive({ t: 'sub', id: 2, topic: 'containers' });
    expect(open).toBe(2);
    h.session.receive({ t: 'unsub', id: 1 });
    expect(open).toBe(1);
    h.session.dispose();
    expect(open).toBe(0);
  });

  it('refuses an unknown topic and bad topic params with a closed message', async () => {
    const h = harness();
    dispose = () => h.session.dispose();
    h.topics.provide('probe.samples', (_p, s) => {
      s.snapshot({ probe: 'x', samples: [] } as never);
      return toDisposable(() => {});
    });
    h.session.receive({ t: 'sub', id: 1, topic: 'nope' });
    h.session.receive({ t: 'sub', id: 2, topic: 'probe.samples', params: {} });
    expect(h.sent).toContainEqual({ t: 'closed', id: 1, error: { code: 'unknown_topic', message: 'unknown topic "nope"' } });
    expect(h.sent.find((m) => m.t === 'closed' && m.id === 2)).toMatchObject({ error: { code: 'invalid_params' } });
  });
});
