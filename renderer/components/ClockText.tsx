import { useClock } from './useNow.js';

/**
 * Text drawn from the clock ("up 3 min", "retry in 4 s"): when it is due to
 * change only this text re-renders, not the row with its pills and buttons.
 */
export function ClockText({ text, changesIn }: { text: (now: number) => string; changesIn: (now: number) => number }) {
  const now = useClock(changesIn);
  return <>{text(now)}</>;
}
