import { nextVisibleFrame, type FrameGate } from './frameGate.js';
import { pageHidden } from './pageVisibility.js';

/**
 * A frame gate that, when nothing was drawn for `quietMs`, waits `settleMs`
 * before asking for a frame, so readings that come in together are drawn in
 * one frame rather than one each. A service's health probe and its cache
 * counters are read in the same server wake-up (see readingPhase.ts) but
 * answered a few to 30 ms apart; drawn as they came, an idle Overview painted
 * twice a second, and each frame costs about what the whole idle page should.
 * While changes keep coming (a busy dashboard) frames go out at once, and a
 * hidden page waits to be shown as before. A person does not see 35 ms.
 */
export function settledFrames(quietMs = 300, settleMs = 35, gate: FrameGate = nextVisibleFrame): FrameGate {
  let drawnAt = -Infinity;
  const draw = (run: () => void) =>
    gate(() => {
      drawnAt = performance.now();
      run();
    });
  return (run) => {
    if (pageHidden() || performance.now() - drawnAt < quietMs) draw(run);
    else setTimeout(() => draw(run), settleMs);
  };
}
