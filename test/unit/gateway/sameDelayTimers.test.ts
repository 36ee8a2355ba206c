import { describe, expect, it } from 'vitest';
import { SameDelayTimers } from '../../../electron/gateway/sameDelayTimers.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('SameDelayTimers', () => {
  it('fires each call once its delay has passed, in order, and never a cancelled one', async () => {
    const timers = new SameDelayTimers(40);
    const fired: string[] = [];
    const firedAt = new Map<string, number>();
    const at = (name: string) => () => {
      fired.push(name);
      firedAt.set(name, performance.now());
    };
    const start = performance.now();
    timers.schedule(at('a'));
    const b = timers.schedule(at('b'));
    await sleep(20);
    const cStart = performance.now();
    timers.schedule(at('c'));
    b.cancel();
    await sleep(120);
    expect(fired).toEqual(['a', 'c']);
    expect(firedAt.get('a')! - start).toBeGreaterThanOrEqual(39);
    expect(firedAt.get('c')! - cStart).toBeGreaterThanOrEqual(39);
  });

  it('starts again after the queue ran empty', async () => {
    const timers = new SameDelayTimers(10);
    let n = 0;
    timers.schedule(() => n++);
    await sleep(40);
    timers.schedule(() => n++);
    timers.schedule(() => n++).cancel();
    await sleep(40);
    expect(n).toBe(2);
  });
});
