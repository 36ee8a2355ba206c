import { toDisposable, type Disposable } from '../../../electron/base/disposable.js';
import type { Clock } from '../../../electron/mcp/clock.js';

/**
 * A fake clock, because a real backoff sequence (1 s, 2 s, 4 s … 30 s) would
 * make tests wait minutes. Time moves only when the test calls advance().
 */
export class FakeClock implements Clock {
  private time = 1_700_000_000_000;
  private timers: { at: number; fn: () => void; id: number }[] = [];
  private nextId = 0;

  now(): number {
    return this.time;
  }

  after(ms: number, fn: () => void): Disposable {
    const id = this.nextId++;
    this.timers.push({ at: this.time + ms, fn, id });
    return toDisposable(() => {
      this.timers = this.timers.filter((t) => t.id !== id);
    });
  }

  /** Moves time forward, running every timer that falls due, in order. */
  advance(ms: number): void {
    const until = this.time + ms;
    for (;;) {
      const due = this.timers.filter((t) => t.at <= until).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.timers = this.timers.filter((t) => t !== due);
      this.time = due.at;
      due.fn();
    }
    this.time = until;
  }

  pendingTimers(): number {
    return this.timers.length;
  }
}
