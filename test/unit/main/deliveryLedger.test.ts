import { afterEach, describe, expect, it } from 'vitest';
import { toDisposable } from '../../../electron/base/disposable.js';
import { TopicRegistry, type TopicSink } from '../../../electron/core/topicRegistry.js';
import { CommandRegistry } from '../../../electron/core/commandRegistry.js';
import { DeliveryLedger, messageBytes } from '../../../electron/main/deliveryLedger.js';
import { parseDeliveryNote } from '../../../electron/main/ipcChannel.js';
import { Session } from '../../../electron/transport/session.js';
import type { ServerMessage } from '../../../shared/protocol.js';
import type { LogLine } from '../../../shared/contract/logs.js';

describe('the delivery ledger', () => {
  it('counts the bytes sent and not yet confirmed by the page', () => {
    const ledger = new DeliveryLedger();
    ledger.sent(100);
    ledger.sent(20);
    ledger.sent(3);
    expect(ledger.backlogBytes).toBe(123);
    ledger.received(1);
    expect(ledger.backlogBytes).toBe(23);
    expect(ledger.unconfirmedMessages).toBe(2);
    ledger.received(3);
    expect(ledger.backlogBytes).toBe(0);
  });

  it('ignores counts that go back and never confirms more than was sent', () => {
    const ledger = new DeliveryLedger();
    ledger.sent(10);
    ledger.sent(10);
    ledger.received(2);
    ledger.received(1);
    expect(ledger.backlogBytes).toBe(0);
    ledger.received(50);
    ledger.sent(7);
    expect(ledger.backlogBytes).toBe(7);
    expect(ledger.unconfirmedMessages).toBe(1);
  });

  it('stays exact over a long life (its confirmed prefix is trimmed)', () => {
    const ledger = new DeliveryLedger();
    for (let i = 1; i <= 10_000; i++) {
      ledger.sent(i % 7);
      if (i % 3 === 0) ledger.received(i - 1);
    }
    let expected = 0;
    for (let i = 9_999; i <= 10_000; i++) expected += i % 7;
    expect(ledger.backlogBytes).toBe(expected);
  });

  it('sizes a message by its JSON length', () => {
    const message: ServerMessage = { t: 'closed', id: 7 };
    expect(messageBytes(message)).toBe(JSON.stringify(message).length);
  });
});

describe('delivery notes from the preload', () => {
  it('accepts `opened` and a non-negative whole running count', () => {
    expect(parseDeliveryNote({ t: 'opened' })).toEqual({ t: 'opened' });
    expect(parseDeliveryNote({ t: 'received', count: 0 })).toEqual({ t: 'received', count: 0 });
    expect(parseDeliveryNote({ t: 'received', count: 42, extra: 'ignored' })).toEqual({ t: 'received', count: 42 });
  });

  it.each([null, 7, 'opened', {}, { t: 'received' }, { t: 'received', count: -1 }, { t: 'received', count: 1.5 }, { t: 'received', count: '3' }, { t: 'received', count: Infinity }, { t: 'other' }])(
    'drops %j',
    (value) => {
      expect(parseDeliveryNote(value)).toBeUndefined();
    },
  );
});

describe('a session paced by the ledger', () => {
  let dispose: (() => void) | undefined;
  afterEach(() => dispose?.());
  const tick = (ms = 40) => new Promise((r) => setTimeout(r, ms));
  const line = (seq: number): LogLine => ({ seq, ts: seq, source: 'test', stream: 'stdout', level: 'info', text: `line ${seq} ${'x'.repeat(200)}` });

  it('holds flushes while the page has not confirmed what it got, then sends what was coalesced', async () => {
    const ledger = new DeliveryLedger();
    const sent: ServerMessage[] = [];
    const topics = new TopicRegistry();
    let sink: TopicSink<unknown, unknown> | undefined;
    topics.provide('logs', (_p, s) => {
      sink = s as TopicSink<unknown, unknown>;
      s.snapshot({ lines: [] } as never);
      return toDisposable(() => {});
    });
    const channel = {
      send: (message: ServerMessage) => {
        ledger.sent(messageBytes(message));
        sent.push(message);
      },
      backlog: () => ledger.backlogBytes,
    };
    const session = new Session(channel, new CommandRegistry(), topics, { flushIntervalMs: 5, maxBacklogBytes: 1_000 });
    dispose = () => session.dispose();
    session.receive({ t: 'sub', id: 1, topic: 'logs', params: {} });
    for (let i = 1; i <= 20; i++) sink!.append(line(i));
    await tick();
    const firstBurst = sent.length;
    expect(firstBurst).toBeGreaterThan(0);
    expect(ledger.backlogBytes).toBeGreaterThan(1_000);

    // The page is busy: nothing more goes out however much arrives.
    for (let i = 21; i <= 40; i++) sink!.append(line(i));
    await tick();
    expect(sent.length).toBe(firstBurst);

    // It catches up: the held lines follow.
    ledger.received(sent.length);
    await tick();
    const appended = sent.flatMap((m) => (m.t === 'append' ? (m.items as LogLine[]).map((l) => l.seq) : []));
    expect(appended).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
  });
});
