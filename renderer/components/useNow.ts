import { useLayoutEffect, useState } from 'react';
import { usePageVisible } from '../client/pageVisibility.js';
import { wakeAt } from './sharedClock.js';

/**
 * The current time, read again only when `changesIn(now)` says the text drawn
 * from it is due to change ("for 4 s" every second, "up 3 min" every minute),
 * and never while the page is hidden; on show it is read at once. Every clock
 * on the page shares one timer on whole seconds (sharedClock.ts).
 */
export function useClock(changesIn: (now: number) => number): number {
  const [now, setNow] = useState(() => Date.now());
  const visible = usePageVisible();
  const wait = changesIn(now);
  // A layout effect: a row that re-renders with a stale `now` is corrected before it is painted.
  useLayoutEffect(() => {
    if (!visible || !Number.isFinite(wait)) return;
    if (now + wait <= Date.now()) {
      setNow(Date.now());
      return;
    }
    return wakeAt(now + wait, () => setNow(Date.now()));
  }, [visible, now, wait]);
  return now;
}

/** Re-renders every `everyMs` so "since 4 s" keeps counting without new data; paused while the page is hidden. */
export function useNow(everyMs = 1000): number {
  return useClock(() => everyMs);
}
