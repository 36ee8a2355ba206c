import { toDisposable, type Disposable } from '../base/disposable.js';

/**
 * Time as the supervisor sees it: backoff waits, ping intervals, the stderr
 * tail refresh and "since" stamps all go through here, so tests can step a
 * fake clock instead of waiting 30 s for a backoff.
 */
export interface Clock {
  now(): number;
  /** Runs fn once after ms; disposing cancels it. */
  after(ms: number, fn: () => void): Disposable;
}

export const realClock: Clock = {
  now: () => Date.now(),
  after(ms, fn) {
    const timer = setTimeout(fn, ms);
    return toDisposable(() => clearTimeout(timer));
  },
};
