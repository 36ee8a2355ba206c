import type { LogBatch } from '../../shared/contract/logs.js';
import type { Disposable } from '../base/disposable.js';
import type { LineFilter } from './lineFilter.js';
import type { LogHub } from './logHub.js';

export interface LinePumpOptions {
  /** At most this many lines per tick… */
  linesPerTick?: number;
  /**
   * …and at most one tick per this many ms: 3,000 per 10 ms = 300,000 lines/s per viewer. A session
   * flushes at most every 50 ms, so at most six ticks (18,000 lines) land between two flushes: under
   * its 20,000-item queue, so nothing is dropped on the way. (5,000 per 25 ms capped a viewer at
   * 200,000 lines/s, under the 250,000 it should take.)
   */
  tickMs?: number;
}

/**
 * Feeds one viewer from the hub at a bounded pace. A source that bursts
 * faster than a viewer drains waits in the hub's ring buffers (bounded, and
 * counted when they overflow) instead of overflowing the viewer's send queue,
 * so no line that the buffers can hold is lost on the way to the screen.
 */
export function pumpLines(hub: LogHub, filter: LineFilter, afterSeq: number, send: (batch: LogBatch) => void, options: LinePumpOptions = {}): Disposable {
  const perTick = options.linesPerTick ?? 3_000;
  const tickMs = options.tickMs ?? 10;
  let sent = afterSeq;
  let lastTick = -Infinity;
  let timer: NodeJS.Timeout | undefined;
  let disposed = false;

  const tick = () => {
    timer = undefined;
    if (disposed) return;
    lastTick = performance.now();
    // One batch of columns per tick, read from the rings: no object per line.
    const lines = hub.afterBatch(filter, sent, perTick);
    if (lines.size > 0) send(lines.batch);
    if (lines.size === perTick) {
      sent = lines.lastSeq;
      schedule();
    } else {
      // Everything that matched up to the hub's newest line has gone out.
      sent = hub.lastSeq;
    }
  };

  const schedule = () => {
    if (timer || disposed) return;
    timer = setTimeout(tick, Math.max(0, lastTick + tickMs - performance.now()));
  };

  // The hub's live batches are only a wake-up call: lines are read from its buffers.
  const wake = hub.wakeOn(filter, schedule);
  return {
    dispose() {
      disposed = true;
      wake.dispose();
      if (timer) clearTimeout(timer);
    },
  };
}
