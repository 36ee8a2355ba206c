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
  const afterFrame = frameEnd();
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

/** Calls back after the current frame's layout and paint: a task posted during the frame runs after them. */
function frameEnd(): (then: () => void) => void {
  const waiting: (() => void)[] = [];
  let channel: MessageChannel | undefined;
  return (then) => {
    if (typeof MessageChannel !== 'function') return void setTimeout(then, 0);
    // Opened on first use: importing the store (in a test, say) leaves no port open.
    if (!channel) {
      channel = new MessageChannel();
      channel.port1.onmessage = () => waiting.shift()?.();
    }
    waiting.push(then);
    channel.port2.postMessage(null);
  };
}
