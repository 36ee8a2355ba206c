import { afterEach, describe, expect, it } from 'vitest';
import { batchLines, type LogBatch, type LogLine, type LogsSnapshot } from '../../../shared/contract/logs.js';
import type { ServerMessage } from '../../../shared/protocol.js';
import { DisposableStore } from '../../../electron/base/disposable.js';
import { LogHub } from '../../../electron/logs/logHub.js';
import { registerLogs } from '../../../electron/logs/register.js';
import { Session } from '../../../electron/transport/session.js';
import { fakeAppContext } from '../../support/appContext.js';

let owners = new DisposableStore();
afterEach(() => {
  owners.dispose();
  owners = new DisposableStore();
});

function setup(sessionOptions: ConstructorParameters<typeof Session>[3] = {}, linesPerSource = 1_000, backlog = () => 0) {
  const hub = new LogHub({ linesPerSource });
  const ctx = fakeAppContext({}, { logs: hub });
  registerLogs(ctx, hub, { env: {} });
  const messages: ServerMessage[] = [];
  const session = new Session({ send: (m) => messages.push(m), backlog }, ctx.commands, ctx.topics, { flushIntervalMs: 5, ...sessionOptions });
  owners.add(session);
  owners.add(ctx.disposables);
  owners.add(hub);
  return { hub, ctx, session, messages };
}

const settle = () => new Promise((r) => setTimeout(r, 40));

describe('logs topic and commands', () => {
  it('opens with the last lines at once, then streams only new matching lines', async () => {
    const { hub, session, messages } = setup();
    for (let i = 1; i <= 20; i++) hub.write({ source: i % 2 ? 'mcp:memory' : 'container:api', stream: 'stdout', text: `old ${i}` });
    session.receive({ t: 'sub', id: 1, topic: 'logs', params: { sources: ['mcp:memory'], tail: 3 } });
    hub.write({ source: 'mcp:memory', stream: 'stderr', text: 'new one' });
    hub.write({ source: 'container:api', stream: 'stdout', text: 'not for this viewer' });
    await settle();
    const snapshot = messages.find((m) => m.t === 'snapshot')?.value as LogsSnapshot;
    expect(batchLines(snapshot.lines).map((l) => l.text)).toEqual(['old 15', 'old 17', 'old 19']);
    expect(snapshot.sources.map((s) => s.source)).toEqual(['container:api', 'mcp:memory']);
    const appended = messages.flatMap((m) => (m.t === 'append' ? (m.items as LogBatch[]).flatMap(batchLines) : []));
    expect(appended.map((l) => l.text)).toEqual(['new one']);
  });

  it('delivers a burst far larger than the send queue whole and in order, paced from the hub', async () => {
    // The session's default queue holds 20,000 items per subscription; the burst is 7 times that.
    const { hub, session, messages } = setup({ flushIntervalMs: 50 }, 100_000);
    session.receive({ t: 'sub', id: 1, topic: 'logs', params: { tail: 0 } });
    for (let i = 1; i <= 140_000; i++) hub.write({ source: `s${i % 3}`, stream: 'stdout', text: `burst ${i}` });
    const received = () => messages.flatMap((m) => (m.t === 'append' ? (m.items as LogBatch[]).flatMap(batchLines) : []));
    for (let i = 0; i < 400 && received().length < 140_000; i++) await new Promise((r) => setTimeout(r, 25));
    const lines = received();
    expect(lines).toHaveLength(140_000);
    expect(lines.every((l, i) => l.text === `burst ${i + 1}`)).toBe(true);
    expect(messages.filter((m) => m.t === 'append').reduce((n, m) => n + (m as { dropped: number }).dropped, 0)).toBe(0);
  });

  it('lets a burst wait in the hub while the client is behind, and loses none of it once it reads again', async () => {
    let behind = true;
    const { hub, session, messages } = setup({ flushIntervalMs: 20, maxItemsPerSubscription: 2_000 }, 100_000, () => (behind ? 1e9 : 0));
    session.receive({ t: 'sub', id: 1, topic: 'logs', params: { tail: 0 } });
    for (let i = 1; i <= 30_000; i++) hub.write({ source: `s${i % 2}`, stream: 'stdout', text: `held ${i}` });
    await new Promise((r) => setTimeout(r, 200)); // the pump keeps ticking meanwhile: it must not fill past the queue's room
    behind = false;
    const received = () => messages.flatMap((m) => (m.t === 'append' ? (m.items as LogBatch[]).flatMap(batchLines) : []));
    for (let i = 0; i < 400 && received().length < 30_000; i++) await new Promise((r) => setTimeout(r, 25));
    expect(received().map((l) => l.text)).toEqual(Array.from({ length: 30_000 }, (_, i) => `held ${i + 1}`));
    expect(messages.filter((m) => m.t === 'append').reduce((n, m) => n + (m as { dropped: number }).dropped, 0)).toBe(0);
  });

  it('answers logs.range with older lines for scrolling back', async () => {
    const { hub, ctx } = setup();
    for (let i = 1; i <= 10; i++) hub.write({ source: 'a', stream: 'stdout', text: `l${i}` });
    const outcome = await ctx.commands.call('logs.range', { before: 6, count: 2 });
    expect(outcome.ok && (outcome.value as LogLine[]).map((l) => l.text)).toEqual(['l4', 'l5']);
  });

  it('refuses a filter it does not understand with a message naming the field', async () => {
    const { session, messages } = setup();
    session.receive({ t: 'sub', id: 2, topic: 'logs', params: { levels: ['loud'] } });
    const closed = messages.find((m) => m.t === 'closed');
    expect(closed).toMatchObject({ t: 'closed', id: 2, error: { code: 'invalid_params' } });
    expect(JSON.stringify(closed)).toContain('levels');
  });
});

describe('the test firehose', () => {
  it('starts only from the environment the app was given, not the process’s own', async () => {
    const before = process.env.SWITCHBOARD_TEST_LOGS;
    process.env.SWITCHBOARD_TEST_LOGS = 'burst=50';
    try {
      const quiet = new LogHub();
      const noisy = new LogHub();
      const ctxs = [fakeAppContext({}, { logs: quiet }), fakeAppContext({}, { logs: noisy })];
      registerLogs(ctxs[0]!, quiet, { env: {} });
      registerLogs(ctxs[1]!, noisy, { env: { SWITCHBOARD_TEST_LOGS: 'burst=20,sources=2' } });
      for (const ctx of ctxs) owners.add(ctx.disposables);
      await settle();
      expect(quiet.stats().written).toBe(0);
      expect(noisy.sources().map((s) => [s.source, s.lines])).toEqual([
        ['test:firehose-1', 10],
        ['test:firehose-2', 10],
      ]);
    } finally {
      if (before === undefined) delete process.env.SWITCHBOARD_TEST_LOGS;
      else process.env.SWITCHBOARD_TEST_LOGS = before;
    }
  });
});
