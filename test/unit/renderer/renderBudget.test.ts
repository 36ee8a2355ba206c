import { afterEach, describe, expect, it, vi } from 'vitest';
import { budgetedFrames } from '../../../renderer/logs/renderBudget.js';

// The frame's end is measured by a posted message, which the fake clock does not hold back.
async function frameEnds(): Promise<void> {
  for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
}

describe('budgetedFrames', () => {
  afterEach(() => vi.useRealTimers());

  it('draws at once after cheap frames, and after a costly one waits until drawing is a third of the time', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    const drawn: number[] = [];
    const schedule = budgetedFrames(1 / 3, (run) => run());
    const draw = (costMs: number) => () => {
      drawn.push(performance.now());
      vi.advanceTimersByTime(costMs);
    };

    schedule(draw(0.25));
    await frameEnds();
    schedule(draw(30));
    expect(drawn).toEqual([0, 0.25]);
    await frameEnds();

    // The 30 ms frame started at 0.25: the next may start 90 ms later.
    schedule(draw(1));
    expect(drawn).toHaveLength(2);
    vi.advanceTimersByTime(59);
    expect(drawn).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(drawn).toEqual([0, 0.25, 90.25]);
  });
});
