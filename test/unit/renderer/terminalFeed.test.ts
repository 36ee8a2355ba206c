import { describe, expect, it } from 'vitest';
import type { SwitchboardClient, TopicEvent } from '../../../shared/client/protocolClient.js';
import { TerminalFeed } from '../../../renderer/terminals/terminalFeed.js';
import { inputPieces } from '../../../renderer/terminals/terminalInput.js';
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
  return { written, surface: { reset: () => written.splice(0), write: (data: string, drawn: () => void) => (written.push(data), drawn()) } };
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

  it('acknowledges what it drew at the end of each batch, and every 128 KB inside a big one', () => {
    const { client, calls, last } = fakeClient();
    const { surface } = recorder();
    new TerminalFeed(client, 's1', surface);
    last().listener({ t: 'snapshot', value: { id: 's1', offset: 0, data: '', trimmed: 0 } });
    const acks = () => calls.map((c) => (c.params as { offset: number }).offset);
    // Many small pieces (a TTY delivers a few hundred bytes at a time): one acknowledgement for the batch.
    last().listener({ t: 'append', items: Array.from({ length: 100 }, (_, i) => ({ offset: i * 10, data: 'y\r\ny\r\ny\r\nx' })), dropped: 0 });
    expect(acks()).toEqual([1000]);
    const piece = 'y'.repeat(64 * 1024);
    last().listener({ t: 'append', items: [0, 1, 2, 3].map((i) => ({ offset: 1000 + i * piece.length, data: piece })), dropped: 0 });
    expect(acks()).toEqual([1000, 1000 + 2 * piece.length, 1000 + 4 * piece.length]);
    expect(calls[0]).toEqual({ name: 'terminals.ack', params: { id: 's1', viewer: expect.any(String), offset: 1000 } });
  });
});

describe('terminal input', () => {
  it('splits a long paste into pieces the contract takes, never inside a surrogate pair', () => {
    const pieces = inputPieces(`${'a'.repeat(4)}😀${'b'.repeat(4)}`, 5);
    expect(pieces.join('')).toBe(`${'a'.repeat(4)}😀${'b'.repeat(4)}`);
    expect(pieces[0]).toBe('aaaa');
    expect(pieces.every((p) => p.length <= 5)).toBe(true);
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
