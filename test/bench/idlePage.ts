/**
 * What the idle bench installs in every page before the app's own code runs
 * (an init script, so nothing in the product exists only for the bench):
 *
 * - wake-ups: every setTimeout/setInterval callback, animation frame and
 *   MessageChannel message (React's scheduler runs on one) is counted as it runs;
 * - React commits, through the hook React DevTools uses (production builds call it too);
 * - DOM changes, by a MutationObserver on the whole document;
 * - hidden: headless Chromium keeps every page visible (bringToFront, a minimized
 *   window and Page.setWebLifecycleState all leave visibilityState "visible"), so
 *   `__idle.setHidden(true)` overrides document.visibilityState / document.hidden and
 *   fires visibilitychange, as a background tab would. A real background tab also stops
 *   animation frames and throttles timers, so what is measured hidden is an upper bound.
 */
export const idlePageScript = `(() => {
  const counts = { timers: 0, frames: 0, messages: 0, commits: 0, mutations: 0 };
  let hidden = false;
  const idle = (window.__idle = { counts, setHidden(h) { hidden = h; document.dispatchEvent(new Event('visibilitychange')); } });
  Object.defineProperty(Document.prototype, 'visibilityState', { configurable: true, get: () => (hidden ? 'hidden' : 'visible') });
  Object.defineProperty(Document.prototype, 'hidden', { configurable: true, get: () => hidden });
  const wrap = (fn, key) => (typeof fn === 'function' ? function (...args) { counts[key]++; return fn.apply(this, args); } : fn);
  const setTimeoutNative = window.setTimeout;
  const setIntervalNative = window.setInterval;
  const rafNative = window.requestAnimationFrame;
  window.setTimeout = (fn, ...rest) => setTimeoutNative(wrap(fn, 'timers'), ...rest);
  window.setInterval = (fn, ...rest) => setIntervalNative(wrap(fn, 'timers'), ...rest);
  window.requestAnimationFrame = (fn) => rafNative(wrap(fn, 'frames'));
  const onmessage = Object.getOwnPropertyDescriptor(MessagePort.prototype, 'onmessage');
  Object.defineProperty(MessagePort.prototype, 'onmessage', { configurable: true, get() { return onmessage.get.call(this); }, set(fn) { onmessage.set.call(this, wrap(fn, 'messages')); } });
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true, renderers: new Map(), inject() { return 1; }, checkDCE() {},
    onCommitFiberRoot() { counts.commits++; }, onCommitFiberUnmount() {}, onPostCommitFiberRoot() {}, onScheduleFiberRoot() {},
  };
  new MutationObserver((records) => (counts.mutations += records.length)).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  void idle;
})();`;

export interface PageCounts {
  timers: number;
  frames: number;
  messages: number;
  commits: number;
  mutations: number;
}
