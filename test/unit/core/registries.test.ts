import { describe, expect, it } from 'vitest';
import { DisposableStore, toDisposable } from '../../../electron/base/disposable.js';
import { CommandRegistry } from '../../../electron/core/commandRegistry.js';
import { TopicRegistry, type TopicSink } from '../../../electron/core/topicRegistry.js';
import { Session } from '../../../electron/transport/session.js';
import type { ServerMessage } from '../../../shared/protocol.js';
import { recordingSink } from '../../support/appContext.js';
import type { AppInfo } from '../../../shared/contract/app.js';
import { linesBatch } from '../../support/logBatch.js';

const info: AppInfo = { version: '1', mode: 'browser', platform: 'linux' };

describe('registrations are owned', () => {
  it('handle() and provide() return a Disposable that takes the registration away, and a name can then be taken again', async () => {
    const commands = new CommandRegistry();
    const topics = new TopicRegistry();
    const handler = commands.handle('app.info', () => info);
    const provider = topics.provide('config', () => toDisposable(() => {}));
    expect([commands.has('app.info'), commands.names(), topics.has('config'), topics.names()]).toEqual([true, ['app.info'], true, ['config']]);

    handler.dispose();
    provider.dispose();
    expect([commands.names(), topics.names()]).toEqual([[], []]);
    expect(await commands.call('app.info', {})).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(() => commands.handle('app.info', () => info)).not.toThrow();
  });

  it('a registrar owned by a store puts every registration in it: disposing the store removes them all', () => {
    const commands = new CommandRegistry();
    const topics = new TopicRegistry();
    const capability = new DisposableStore();
    commands.ownedBy(capability).handle('mcp.start', () => undefined as never);
    commands.ownedBy(capability).handle('mcp.stop', () => undefined as never);
    topics.ownedBy(capability).provide('mcp', () => toDisposable(() => {}));
    commands.handle('app.info', () => info);
    capability.dispose();
    expect([commands.names(), topics.names()]).toEqual([['app.info'], []]);
  });
});

describe('the topic mode in the contract holds at run time', () => {
  it('a provider of a state topic that sends an item has its subscription closed with an error naming the mistake', () => {
    const topics = new TopicRegistry();
    topics.provide('mcp', (_p, sink) => {
      sink.snapshot({ servers: [] });
      (sink as unknown as TopicSink<unknown, unknown>).append({ name: 'x' });
      return toDisposable(() => {});
    });
    const { rec, sink } = recordingSink<unknown, unknown>();
    expect(topics.open('mcp', {}, sink).ok).toBe(true);
    expect(rec.items).toEqual([]);
    expect(rec.closed?.error).toEqual({ code: 'internal', message: 'topic "mcp" is a state topic, but its provider sent an item' });
  });

  it('an append topic refuses a whole state the same way, and what the mode allows passes through', async () => {
    const topics = new TopicRegistry();
    let sink: TopicSink<unknown, unknown> | undefined;
    topics.provide('logs', (_p, s) => {
      sink = s as unknown as TopicSink<unknown, unknown>;
      s.snapshot({ lines: linesBatch([]), sources: [], dropped: 0 });
      return toDisposable(() => {});
    });
    const sent: ServerMessage[] = [];
    const session = new Session({ send: (m) => sent.push(m), backlog: () => 0 }, new CommandRegistry(), topics, { flushIntervalMs: 1 });
    try {
      session.receive({ t: 'sub', id: 1, topic: 'logs', params: {} });
      sink!.append({ seq: 1 });
      await new Promise((r) => setTimeout(r, 20));
      sink!.state({ lines: [] });
      expect(sent.map((m) => m.t)).toEqual(['snapshot', 'append', 'closed']);
      expect(sent.at(-1)).toEqual({ t: 'closed', id: 1, error: { code: 'internal', message: 'topic "logs" is an append topic, but its provider sent a whole state' } });
    } finally {
      session.dispose();
    }
  });
});
