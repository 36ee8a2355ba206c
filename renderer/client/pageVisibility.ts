import { useSyncExternalStore } from 'react';

/**
 * Whether anyone can see the page: a background tab or a minimized window is
 * hidden. Screens draw nothing while hidden and catch up when shown.
 */
export function pageHidden(): boolean {
  return typeof document !== 'undefined' && document.visibilityState === 'hidden';
}

/** Calls `listener` on every show and hide; returns the unsubscribe. */
export function onPageVisibility(listener: () => void): () => void {
  if (typeof document === 'undefined') return () => {};
  document.addEventListener('visibilitychange', listener);
  return () => document.removeEventListener('visibilitychange', listener);
}

/** Calls `run` once, the next time the page is shown. */
export function whenShown(run: () => void): void {
  const off = onPageVisibility(() => {
    if (pageHidden()) return;
    off();
    run();
  });
}

/** True while the page can be seen; re-renders on show and hide. */
export function usePageVisible(): boolean {
  return !useSyncExternalStore(onPageVisibility, pageHidden);
}
