import { nextVisibleFrame, type FrameGate } from '../client/frameGate.js';

/**
 * A frame gate that keeps drawing to at most `share` of the page's main
 * thread. A frame that redraws the viewer costs about the same however many
 * lines came in (a screenful of rows is rebuilt while following); in a flood
 * that cost, paid every frame, left too little time to take the lines in.
 * After a frame that took `cost` ms, the next one waits until `cost / share`
 * ms after its start, so a cheap frame (a few ms) still redraws at once.
 */
export function budgetedFrames(share: number, gate: FrameGate = nextVisibleFrame): FrameGate {
  let readyAt = 0;
  const channel = typeof MessageChannel === 'function' ? new MessageChannel() : undefined;
  const afterFrame: (then: () => void) => void = channel
    ? (then) => {
        // A task posted during the frame runs after its layout and paint: that is where the frame's cost ends.
        channel.port1.onmessage = () => then();
        channel.port2.postMessage(null);
      }
    : (then) => void setTimeout(then, 0);
  const draw = (run: () => void) =>
    gate(() => {
      const start = performance.now();
      run();
      afterFrame(() => (readyAt = start + (performance.now() - start) / share));
    });
  return (run) => {
    const wait = readyAt - performance.now();
    if (wait > 1) setTimeout(() => draw(run), wait);
    else draw(run);
  };
}
