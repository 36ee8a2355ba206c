import { describe, expect, it } from 'vitest';
import type { SwitchboardClient, TopicEvent } from '../../../shared/client/protocolClient.js';
import type { TerminalOutput } from '../../../shared/contract/terminals.js';
import { OutputFlow, defaultFlowLimits } from '../../../electron/terminals/outputFlow.js';
import { TerminalFeed } from '../../../renderer/terminals/terminalFeed.js';

// Main's flow control and the screen's acknowledgements together: output in short pieces (a slow
// producer's lines, one piece each) must never leave the exec paused with everything drawn, as it did
// when the screen acknowledged only in 128 KB steps and main paused at 2,000 pieces (2,000 × 40 chars < 128 KB).
describe('flow control with a screen that keeps up', () => {
  it.each([
    { pieceChars: 40, what: 'short lines' },
    { pieceChars: 178, what: 'small pieces' },
    { pieceChars: 32_768, what: 'large pieces' },
  ])('moves 1 MB in $what without getting stuck', ({ pieceChars }) => {
    let paused = false;
    const flow = new OutputFlow(defaultFlowLimits, (p) => (paused = p));
    let listener: ((event: TopicEvent) => void) | undefined;
    const client = {
      subscribe: (_topic: string, params: { viewer: string }, l: (event: TopicEvent) => void) => {
        listener = l;
        flow.attach(params.viewer, 0);
        return () => flow.detach(params.viewer);
      },
      call: (_name: string, params: { viewer: string; offset: number }) => {
        flow.ack(params.viewer, params.offset);
        return Promise.resolve({ paused });
      },
    } as unknown as SwitchboardClient;
    let drawn = 0;
    new TerminalFeed(client, 's', { reset: () => {}, write: (data, done) => ((drawn += data.length), done()), linesKept: Infinity });
    listener!({ t: 'snapshot', value: { id: 's', offset: 0, data: '', trimmed: 0 } });

    const total = 1024 * 1024;
    let produced = 0;
    let batch: TerminalOutput[] = [];
    // Each turn: the exec produces while it is not paused, then the session flushes what is queued.
    for (let turn = 0; produced < total; turn++) {
      expect(turn, `stuck: ${produced} produced, ${drawn} drawn, paused ${paused}`).toBeLessThan(100_000);
      for (let i = 0; i < 500 && !paused && produced < total; i++) {
        const data = 'y'.repeat(Math.min(pieceChars, total - produced));
        batch.push({ offset: produced, data });
        produced += data.length;
        flow.sent(produced);
      }
      listener!({ t: 'append', items: batch, dropped: 0 });
      batch = [];
    }
    expect(drawn).toBe(total);
    expect(paused).toBe(false);
  });
});
