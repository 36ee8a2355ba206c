import { describe, expect, it } from 'vitest';
import { CommandRegistry } from '../../../electron/core/commandRegistry.js';
import { TopicRegistry, type TopicSink } from '../../../electron/core/topicRegistry.js';
import { toDisposable } from '../../../electron/base/disposable.js';
import { Session } from '../../../electron/transport/session.js';
import type { ServerMessage } from '../../../shared/protocol.js';
import type { TerminalOutput } from '../../../shared/contract/terminals.js';

// terminals.output paces its own appends (a keystroke's echo, then at most one piece a frame): the session
// sends each at once instead of holding it for its next flush, unless the client is behind.
describe('a topic whose provider paces its own appends', () => {
  function open() {
    const sent: ServerMessage[] = [];
    let backlog = 0;
    const topics = new TopicRegistry();
    let sink: TopicSink<unknown, TerminalOutput> | undefined;
    topics.provide('terminals.output', (_p, s) => {
      sink = s as TopicSink<unknown, TerminalOutput>;
      s.snapshot({ id: 's', offset: 0, data: '', trimmed: 0 });
      return toDisposable(() => {});
    });
    const session = new Session({ send: (m) => sent.push(m), backlog: () => backlog }, new CommandRegistry(), topics, { flushIntervalMs: 10_000 });
    session.receive({ t: 'sub', id: 1, topic: 'terminals.output', params: { id: 's', viewer: 'v' } });
    return { sent, session, sink: () => sink!, setBacklog: (b: number) => (backlog = b) };
  }

  it('sends each append at once, with the snapshot first, however recently it flushed', () => {
    const { sent, session, sink } = open();
    sink().append({ offset: 0, data: 'a' });
    sink().append({ offset: 1, data: 'b' });
    expect(sent.map((m) => m.t)).toEqual(['snapshot', 'append', 'append']);
    session.dispose();
  });

  it('holds appends while the client is behind, and loses none', async () => {
    const { sent, session, sink, setBacklog } = open();
    setBacklog(100 * 1024 * 1024);
    sink().append({ offset: 0, data: 'a' });
    expect(sent).toEqual([]);
    setBacklog(0);
    sink().append({ offset: 1, data: 'b' });
    const items = sent.flatMap((m) => (m.t === 'append' ? (m.items as TerminalOutput[]) : []));
    expect(items.map((i) => i.data)).toEqual(['a', 'b']);
    session.dispose();
  });
});
