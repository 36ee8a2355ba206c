import { describe, expect, it } from 'vitest';
import type { SwitchboardClient, TopicEvent } from '../../../shared/client/protocolClient.js';
import { TerminalFeed } from '../../../renderer/terminals/terminalFeed.js';
import { inputPieces, inputSender } from '../../../renderer/terminals/terminalInput.js';
import { shortcutFor } from '../../../renderer/terminals/terminalShortcuts.js';

/** A client that records calls and lets the test play the server's side of one subscription. */
function fakeClient() {
  const calls: { name: string; params: unknown }[] = [];
  const subscriptions: { params: unknown; listener: (event: TopicEvent) => void; open: boolean }[] = [];
  const client = {
    call: (name: string, params: unknown) => {
      calls.push({ name, params });
      return Promise.resolve({ paused: false });
    },
    subscribe: (_topic: string, params: unknown, listener: (event: TopicEvent) => void) => {
      const sub = { params, listener, open: true };
      subscriptions.push(sub);
      return () => (sub.open = false);
    },
  } as unknown as SwitchboardClient;
  return { client, calls, subscriptions, last: () => subscriptions.at(-1)! };
}

function recorder() {
  const written: string[] = [];
  return { written, surface: { reset: () => written.splice(0), write: (data: string, drawn: () => void) => (written.push(data), drawn()), linesKept: 1_000 } };
}

/** A surface that draws only when the test says so, as xterm draws a while after write(). */
function slowSurface() {
  const written: string[] = [];
  const pending: (() => void)[] = [];
  return { written, drawAll: () => pending.splice(0).forEach((drawn) => drawn()), surface: { reset: () => {}, write: (data: string, drawn: () => void) => (written.push(data), pending.push(drawn)), linesKept: 1_000 } };
}

describe('a screen following a session', () => {
  it('draws the scrollback, then pieces in order, skipping repeats', () => {
    const { client, last } = fakeClient();
    const { written, surface } = recorder();
    new TerminalFeed(client, 's1', surface);
    last().listener({ t: 'snapshot', value: { id: 's1', offset: 0, data: 'hello ', trimmed: 0 } });
    last().listener({ t: 'append', items: [{ offset: 3, data: 'lo world' }, { offset: 11, data: '!' }], dropped: 0 });
    expect(written.join('')).toBe('hello world!');
  });

  it('attaches again from the scrollback when a piece is missing or items were dropped', () => {
    const { client, subscriptions, last } = fakeClient();
    const { surface } = recorder();
    new TerminalFeed(client, 's1', surface);
    last().listener({ t: 'snapshot', value: { id: 's1', offset: 0, data: 'ab', trimmed: 0 } });
    last().listener({ t: 'append', items: [{ offset: 5, data: 'x' }], dropped: 0 });
    expect(subscriptions.length).toBe(2);
    expect(subscriptions[0]!.open).toBe(false);
    last().listener({ t: 'snapshot', value: { id: 's1', offset: 0, data: 'abcdex', trimmed: 0 } });
    last().listener({ t: 'append', items: [], dropped: 3 });
    expect(subscriptions.length).toBe(3);
  });

  it('acknowledges after each write; what arrives while xterm draws goes in the next write, all of it', () => {
    const { client, calls, last } = fakeClient();
    const { written, drawAll, surface } = slowSurface();
    new TerminalFeed(client, 's1', surface);
    last().listener({ t: 'snapshot', value: { id: 's1', offset: 0, data: '', trimmed: 0 } });
    const acks = () => calls.map((c) => (c.params as { offset: number }).offset);
    last().listener({ t: 'append', items: [{ offset: 0, data: 'one ' }], dropped: 0 });
    // Many small pieces (a TTY delivers a few hundred bytes at a time) while the first is drawn: one write later.
    for (let i = 0; i < 100; i++) last().listener({ t: 'append', items: [{ offset: 4 + i * 2, data: 'y ' }], dropped: 0 });
    expect(written).toEqual(['one ']);
    expect(acks()).toEqual([]);
    drawAll();
    expect(acks()).toEqual([4]);
    expect(written).toEqual(['one ', 'y '.repeat(100)]);
    drawAll();
    expect(acks()).toEqual([4, 204]);
    expect(calls[0]).toEqual({ name: 'terminals.ack', params: { id: 's1', viewer: expect.any(String), offset: 4 } });
  });

  it('hands a big write to xterm in pieces it can yield between, acknowledged once drawn whole', () => {
    const { client, calls, last } = fakeClient();
    const { written, drawAll, surface } = slowSurface();
    new TerminalFeed(client, 's1', surface);
    last().listener({ t: 'snapshot', value: { id: 's1', offset: 0, data: '', trimmed: 0 } });
    const big = '\x1b[1m'.padEnd(200 * 1024, 'z');
    last().listener({ t: 'append', items: [{ offset: 0, data: big }], dropped: 0 });
    expect(written.length).toBeGreaterThan(1);
    expect(written.join('')).toBe(big);
    drawAll();
    expect(calls.map((c) => (c.params as { offset: number }).offset)).toEqual([big.length]);
  });

  it('leaves out a plain-text flood that would scroll past the scrollback, but acknowledges all of it', () => {
    const { client, calls, last } = fakeClient();
    const { written, surface } = recorder();
    new TerminalFeed(client, 's1', surface);
    last().listener({ t: 'snapshot', value: { id: 's1', offset: 0, data: '', trimmed: 0 } });
    const flood = 'y\r\n'.repeat(100_000);
    last().listener({ t: 'append', items: [{ offset: 0, data: flood }], dropped: 0 });
    const drawn = written.join('');
    expect(drawn.length).toBeLessThan(4_000);
    expect(drawn.split('\n').length).toBeGreaterThan(surface.linesKept);
    expect(calls.map((c) => (c.params as { offset: number }).offset)).toEqual([flood.length]);
  });

  it('tells main the lines it keeps, and takes an item after output main left out as following on', () => {
    const { client, subscriptions, last } = fakeClient();
    const { written, surface } = recorder();
    new TerminalFeed(client, 's1', surface);
    expect(last().params).toEqual({ id: 's1', viewer: expect.any(String), keepLines: 1_000 });
    last().listener({ t: 'snapshot', value: { id: 's1', offset: 0, data: 'ab', trimmed: 0 } });
    last().listener({ t: 'append', items: [{ offset: 10, data: '\r\nkept', skipped: 8 }], dropped: 0 });
    expect(subscriptions.length).toBe(1);
    expect(written.join('')).toBe('ab\r\nkept');
    // A gap larger than what main says it left out is still a gap.
    last().listener({ t: 'append', items: [{ offset: 30, data: 'x', skipped: 5 }], dropped: 0 });
    expect(subscriptions.length).toBe(2);
  });
});

describe('terminal input', () => {
  it('splits a long paste into pieces the contract takes, never inside a surrogate pair', () => {
    const pieces = inputPieces(`${'a'.repeat(4)}😀${'b'.repeat(4)}`, 5);
    expect(pieces.join('')).toBe(`${'a'.repeat(4)}😀${'b'.repeat(4)}`);
    expect(pieces[0]).toBe('aaaa');
    expect(pieces.every((p) => p.length <= 5)).toBe(true);
  });

  it('sends each keystroke at once, in order, with a bounded number of calls unanswered', async () => {
    const sent: string[] = [];
    const answers: (() => void)[] = [];
    const type = inputSender((data) => (sent.push(data), new Promise<void>((resolve) => answers.push(resolve))), () => {}, 2);
    type('a');
    type('b');
    expect(sent).toEqual(['a', 'b']);
    type('c');
    type('d');
    expect(sent).toEqual(['a', 'b']);
    answers.shift()!();
    await new Promise((resolve) => setTimeout(resolve, 0));
    // What waited goes together.
    expect(sent).toEqual(['a', 'b', 'cd']);
  });

  it('keeps Ctrl-C and Ctrl-V for the process; copy, paste, search and font size on Ctrl+Shift / Ctrl', () => {
    const key = (k: string, mods: Partial<KeyboardEvent> = {}) => shortcutFor({ key: k, code: '', ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });
    expect(key('c', { ctrlKey: true })).toBeUndefined();
    expect(key('v', { ctrlKey: true })).toBeUndefined();
    expect(key('C', { ctrlKey: true, shiftKey: true })).toBe('copy');
    expect(key('V', { ctrlKey: true, shiftKey: true })).toBe('paste');
    expect(key('F', { ctrlKey: true, shiftKey: true })).toBe('find');
    expect(key('=', { ctrlKey: true })).toBe('font-bigger');
    expect(key('-', { ctrlKey: true })).toBe('font-smaller');
    expect(key('c', { metaKey: true })).toBe('copy');
  });
});
