import { describe, expect, it } from 'vitest';
import { OutputFlow } from '../../../electron/terminals/outputFlow.js';
import { Scrollback } from '../../../electron/terminals/scrollback.js';

describe('output flow between a session and its screens', () => {
  const limits = { high: 1000, low: 200, maxItems: 10 };

  it('pauses while the slowest screen is more than `high` behind, resumes under `low`', () => {
    const calls: boolean[] = [];
    const flow = new OutputFlow(limits, (paused) => calls.push(paused));
    flow.attach('fast', 0);
    flow.attach('slow', 0);
    flow.sent(600);
    flow.ack('fast', 600);
    flow.sent(1200);
    expect(calls).toEqual([true]);
    flow.ack('fast', 1200);
    flow.ack('slow', 900);
    expect(flow.isPaused).toBe(true);
    flow.ack('slow', 1100);
    expect(calls).toEqual([true, false]);
  });

  it('pauses on many small items too, and a screen that leaves stops holding it', () => {
    const calls: boolean[] = [];
    const flow = new OutputFlow(limits, (paused) => calls.push(paused));
    flow.attach('v', 0);
    for (let i = 1; i <= 11; i++) flow.sent(i);
    expect(calls).toEqual([true]);
    flow.detach('v');
    expect(calls).toEqual([true, false]);
  });

  it('never pauses with no screen attached', () => {
    const calls: boolean[] = [];
    const flow = new OutputFlow(limits, (paused) => calls.push(paused));
    flow.sent(1_000_000);
    expect(calls).toEqual([]);
  });
});

describe('scrollback', () => {
  it('keeps the newest characters, cut at a line start, with positions in the whole output', () => {
    const kept = new Scrollback(10);
    kept.add('one\ntwo\n');
    kept.add('three\nfour\n');
    expect(kept.end).toBe(19);
    const { offset, data } = kept.read();
    expect(data).toBe('four\n');
    expect(offset).toBe(14);
  });

  it('keeps everything under the limit', () => {
    const kept = new Scrollback(100);
    kept.add('a');
    kept.add('b');
    expect(kept.read()).toEqual({ offset: 0, data: 'ab' });
  });
});
