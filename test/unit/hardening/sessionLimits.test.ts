import { afterEach, describe, expect, it } from 'vitest';
import { CommandRegistry } from '../../../electron/core/commandRegistry.js';
import { TopicRegistry } from '../../../electron/core/topicRegistry.js';
import { toDisposable } from '../../../electron/base/disposable.js';
import { Session, type SessionOptions } from '../../../electron/transport/session.js';
import type { ServerMessage } from '../../../shared/protocol.js';
import { linesBatch } from '../../support/logBatch.js';

function harness(options: SessionOptions = {}) {
  const sent: ServerMessage[] = [];
  const commands = new CommandRegistry();
  const topics = new TopicRegistry();
  let backlog = 0;
  const session = new Session({ send: (m) => sent.push(m), backlog: () => backlog }, commands, topics, { flushIntervalMs: 5, ...options });
  return { sent, commands, topics, session, setBacklog: (b: number) => (backlog = b) };
}

const tick = (ms = 30) => new Promise((r) => setTimeout(r, ms));
const results = (sent: ServerMessage[]) => sent.filter((m): m is Extract<ServerMessage, { t: 'result' }> => m.t === 'result');

/** What one client can make the main process hold: bounded calls, bounded answers waiting, bounded log tails. */
describe('per-client limits', () => {
  let dispose: (() => void) | undefined;
  afterEach(() => dispose?.());

  it('bounds calls in flight at 64 and refuses the rest with a structured error, then takes calls again', async () => {
    const h = harness();
    dispose = () => h.session.dispose();
    const release: (() => void)[] = [];
    h.commands.handle('app.info', () => new Promise((resolve) => release.push(() => resolve({ version: '1', mode: 'browser', platform: 'linux' }))));
    for (let id = 1; id <= 100; id++) h.session.receive({ t: 'call', id, cmd: 'app.info' });
    await tick();
    const refused = results(h.sent);
    expect(refused).toHaveLength(36);
    expect(refused.map((r) => r.id)).toEqual(Array.from({ length: 36 }, (_, i) => 65 + i));
    expect(refused[0]).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/too many calls in flight \(max 64\)/) } });
    release.splice(0).forEach((done) => done());
    await tick();
    expect(results(h.sent).filter((r) => r.ok)).toHaveLength(64);
    h.session.receive({ t: 'call', id: 200, cmd: 'app.info' });
    await tick();
    release.splice(0).forEach((done) => done());
    await tick();
    expect(results(h.sent).at(-1)).toMatchObject({ id: 200, ok: true });
  });

  it('holds command results while the client is behind, like topic updates, and sends them when it catches up', async () => {
    const h = harness({ maxBacklogBytes: 1000 });
    dispose = () => h.session.dispose();
    h.commands.handle('app.info', () => ({ version: '1', mode: 'browser' as const, platform: 'linux' }));
    h.setBacklog(10_000);
    for (let id = 1; id <= 10; id++) h.session.receive({ t: 'call', id, cmd: 'app.info' });
    await tick(50);
    expect(results(h.sent)).toHaveLength(0);
    h.setBacklog(0);
    await tick(50);
    expect(results(h.sent).map((r) => r.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('counts a held result as in flight, so a client that never reads cannot grow the queue of answers', async () => {
    const h = harness({ maxBacklogBytes: 1000, maxCallsInFlight: 8 });
    dispose = () => h.session.dispose();
    h.commands.handle('app.info', () => ({ version: '1', mode: 'browser' as const, platform: 'linux' }));
    h.setBacklog(10_000);
    for (let id = 1; id <= 10_000; id++) h.session.receive({ t: 'call', id, cmd: 'app.info' });
    await tick(50);
    expect(h.sent).toHaveLength(0);
    h.setBacklog(0);
    await tick(50);
    const answered = results(h.sent);
    expect(answered.filter((r) => r.ok)).toHaveLength(8);
    // refusals wait too, up to a bound; the rest are summed up in one error
    expect(answered.filter((r) => !r.ok).length).toBeLessThanOrEqual(16);
    expect(h.sent.find((m) => m.t === 'error')).toMatchObject({ error: { code: 'conflict', message: expect.stringMatching(/^\d+ more calls were refused or invalid/) } });
    expect(h.sent.length).toBeLessThan(30);
  });

  it('refuses a logs tail over 100,000 lines with invalid_params', async () => {
    const h = harness();
    dispose = () => h.session.dispose();
    h.topics.provide('logs', (_params, sink) => {
      sink.snapshot({ lines: linesBatch([]), sources: [], dropped: 0 });
      return toDisposable(() => {});
    });
    h.session.receive({ t: 'sub', id: 1, topic: 'logs', params: { tail: 100_001 } });
    h.session.receive({ t: 'sub', id: 2, topic: 'logs', params: { tail: 100_000 } });
    await tick();
    expect(h.sent.find((m) => (m as { id?: number }).id === 1)).toMatchObject({ t: 'closed', error: { code: 'invalid_params', message: expect.stringMatching(/tail.*at most 100,000 lines/) } });
    expect(h.sent.find((m) => (m as { id?: number }).id === 2)).toMatchObject({ t: 'snapshot' });
  });
});
