import type { Disposable } from '../base/disposable.js';

/**
 * When the recorder commits: at most `everyMs` after something arrived, and
 * never while nothing waits. A flush that is (nearly) due when a signal or
 * event arrives rides on that wake-up (setImmediate, no timer); the timer is only
 * armed while something waits, so an idle stack wakes the loop for nothing.
 */
export function flushSchedule(flush: () => void, isIdle: () => boolean, everyMs: number): { arrived(): void } & Disposable {
  let lastAt = Date.now();
  let timer: NodeJS.Timeout | undefined;
  let soon: NodeJS.Immediate | undefined;
  let disposed = false;
  const run = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    soon = undefined;
    if (disposed) return;
    lastAt = Date.now();
    flush();
    if (!isIdle()) arm();
  };
  const arm = () => {
    if (timer || disposed) return;
    timer = setTimeout(run, Math.max(0, lastAt + everyMs - Date.now()));
    timer.unref?.();
  };
  return {
    arrived() {
      if (disposed || soon) return;
      // A little early rather than a timer of its own: arrivals every second then always beat the timer.
      if (Date.now() - lastAt >= everyMs * 0.8) soon = setImmediate(run);
      else arm();
    },
    dispose() {
      disposed = true;
      if (timer) clearTimeout(timer);
      if (soon) clearImmediate(soon);
    },
  };
}
