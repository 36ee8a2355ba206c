import type { LogBatch } from '../../shared/contract/logs.js';
import type { Disposable } from '../base/disposable.js';
import type { LineFilter } from './lineFilter.js';
import type { LogHub } from './logHub.js';

export interface LinePumpOptions {
  /** At most this many lines per tick… */
  linesPerTick?: number;
  /** …and at most one tick per this many ms: 5,000 per 10 ms = 500,000 lines/s per viewer at most. */
  tickMs?: number;
  /**
   * How many more lines the viewer's send queue takes before it drops (the session's `room`). A tick
   * takes no more than that, so a burst waits in the hub's buffers rather than being dropped on the way,
   * whatever the flush timing; without it (no session) the pace alone bounds a tick.
   */
  room?: () => number;
}

/**
 * Feeds one viewer from the hub at a bounded pace. A source that bursts
 * faster than a viewer drains waits in the hub's ring buffers (bounded, and
 * counted when they overflow) instead of overflowing the viewer's send queue,
 * so no line that the buffers can hold is lost on the way to the screen.
 */
export function pumpLines(hub: LogHub, filter: LineFilter, afterSeq: number, send: (batch: LogBatch) => void, options: LinePumpOptions = {}): Disposable {
  const perTick = options.linesPerTick ?? 5_000;
  const tickMs = options.tickMs ?? 10;
  let sent = afterSeq;
  let lastTick = -Infinity;
  let timer: NodeJS.Timeout | undefined;
  let disposed = false;

  const tick = () => {
    timer = undefined;
    if (disposed) return;
    lastTick = performance.now();
    const take = Math.min(perTick, options.room ? options.room() : perTick);
    if (take <= 0) {
      // The queue is full (the client is behind): look again next tick.
      schedule();
      return;
    }
    // One batch of columns per tick, read from the rings: no object per line.
    const lines = hub.afterBatch(filter, sent, take);
    if (lines.size > 0) send(lines.batch);
    if (lines.size === take) {
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
