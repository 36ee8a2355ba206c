import { pageHidden, whenShown } from './pageVisibility.js';

/** Runs a callback when the screen may draw; the topic store tells its readers through one. */
export type FrameGate = (run: () => void) => void;

/**
 * At the next animation frame, and never while the page is hidden: however
 * many messages arrive in a frame, readers re-render once, and a background
 * tab renders nothing until it is shown, when everything held back is drawn
 * at once. The check is explicit because not every host stops animation
 * frames for hidden pages (Electron with background throttling off does not).
 */
export const nextVisibleFrame: FrameGate = (run) => {
  if (pageHidden()) return whenShown(run);
  if (typeof requestAnimationFrame !== 'function') return void setTimeout(run, 16);
  requestAnimationFrame(() => (pageHidden() ? whenShown(run) : run()));
};
