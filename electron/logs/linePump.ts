import type { LogLine } from '../../shared/contract/logs.js';
import type { Disposable } from '../base/disposable.js';
import type { LineFilter } from './lineFilter.js';
import type { LogHub } from './logHub.js';

export interface LinePumpOptions {
  /** At most this many lines per tick… */
  linesPerTick?: number;
  /** …and at most one tick per this many ms: 5,000 per 25 ms = 200,000 lines/s per viewer, so even three ticks between two session flushes stay under its 20,000-item queue. */
  tickMs?: number;
}

/**
 * Feeds one viewer from the hub at a bounded pace. A source that bursts
 * faster than a viewer drains waits in the hub's ring buffers (bounded, and
 * counted when they overflow) instead of overflowing the viewer's send queue,
 * so no line that the buffers can hold is lost on the way to the screen.
 */
export function pumpLines(hub: LogHub, filter: LineFilter, afterSeq: number, send: (line: LogLine) => void, options: LinePumpOptions = {}): Disposable {
  const perTick = options.linesPerTick ?? 5_000;
  const tickMs = options.tickMs ?? 25;
  let sent = afterSeq;
  let lastTick = -Infinity;
  let timer: NodeJS.Timeout | undefined;
  let disposed = false;

  const tick = () => {
    timer = undefined;
    if (disposed) return;
    lastTick = performance.now();
    const lines = hub.after(filter, sent, perTick);
    for (const line of lines) send(line);
    if (lines.length === perTick) {
      sent = (lines[lines.length - 1] as LogLine).seq;
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
  const wake = hub.subscribe(filter, schedule);
  return {
    dispose() {
      disposed = true;
      wake.dispose();
      if (timer) clearTimeout(timer);
    },
  };
}
