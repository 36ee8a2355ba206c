import type { Disposable } from '../base/disposable.js';

/**
 * When the recorder commits. A flush that is nearly due (0.8 of the period)
 * when a signal or event arrives rides on that wake-up (setImmediate, no
 * timer). The fallback timer is armed only while something waits, and a
 * quarter period late on purpose: a probe arriving each second then always
 * beats it instead of racing it, so a steady stack wakes for no flush of its
 * own, an idle one for none at all; what waits is written within 1.25 periods.
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
    timer = setTimeout(run, Math.max(0, lastAt + everyMs * 1.25 - Date.now()));
    timer.unref?.();
  };
  return {
    arrived() {
      if (disposed || soon) return;
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
