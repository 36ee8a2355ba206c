import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { settledFrames } from '../../../renderer/client/settledFrames.js';

/** A gate that records each request for a frame; the test draws them by hand. */
function handGate() {
  const asked: (() => void)[] = [];
  return { gate: (run: () => void) => void asked.push(run), asked, draw: () => asked.splice(0).forEach((run) => run()) };
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'performance'] });
  vi.advanceTimersByTime(10_000);
});
afterEach(() => vi.useRealTimers());

describe('frames after a quiet spell wait a moment, so readings that arrive together are drawn together', () => {
  it('after a quiet spell, asks for a frame only after the settle time; while changes keep coming, at once', () => {
    const { gate, asked, draw } = handGate();
    const frames = settledFrames(300, 35, gate);
    let drawn = 0;
    frames(() => drawn++); // the first change in a while: the cache reading
    expect(asked).toHaveLength(0);
    vi.advanceTimersByTime(34);
    expect(asked).toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(asked).toHaveLength(1);
    draw();
    expect(drawn).toBe(1);
    // A busy screen: the next change 100 ms later goes out at once.
    vi.advanceTimersByTime(100);
    frames(() => drawn++);
    expect(asked).toHaveLength(1);
    draw();
    // Quiet again for a second: the next change waits once more.
    vi.advanceTimersByTime(1_000);
    frames(() => drawn++);
    expect(asked).toHaveLength(0);
    vi.advanceTimersByTime(35);
    draw();
    expect(drawn).toBe(3);
  });

  it('does not hold a hidden page’s frame: that one waits to be shown, and is drawn at once then', () => {
    const doc = Object.assign(new EventTarget(), { visibilityState: 'hidden' as DocumentVisibilityState });
    Object.assign(globalThis, { document: doc });
    try {
      const { gate, asked } = handGate();
      settledFrames(300, 35, gate)(() => {});
      expect(asked).toHaveLength(1);
    } finally {
      delete (globalThis as { document?: unknown }).document;
    }
  });
});
