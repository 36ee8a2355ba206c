import type { SwitchboardClient } from '../../shared/client/protocolClient.js';
import type { TerminalOutput, TerminalScrollback } from '../../shared/contract/terminals.js';
import type { ErrorInfo } from '../../shared/errors.js';

/** What the feed draws on: an xterm, or a test's recorder. */
export interface TerminalSurface {
  reset(): void;
  /** Draws `data`; `drawn` runs once it is on screen (xterm's write callback). */
  write(data: string, drawn: () => void): void;
}

/**
 * Drawn output is acknowledged at the end of every batch (at most ~20 a
 * second) and, inside a big one, every 128 KB: main pauses the exec past 2 MB
 * or 2,000 pieces behind, and resumes once the screen has caught up.
 */
const ackEvery = 128 * 1024;

/**
 * One screen's view of a session's output: the scrollback, then each piece
 * in order. It tells main what it has drawn, so a busy screen pauses the
 * process instead of losing output; a gap (it cannot happen unless the
 * connection dropped items) makes it attach again from the scrollback.
 */
export class TerminalFeed {
  private readonly viewer = `v-${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`;
  private expected = 0;
  private acked = 0;
  private unsubscribe: (() => void) | undefined;
  private stopped = false;

  constructor(
    private readonly client: SwitchboardClient,
    private readonly id: string,
    private readonly surface: TerminalSurface,
    private readonly onClosed: (error?: ErrorInfo) => void = () => {},
  ) {
    this.attach();
  }

  private attach(): void {
    this.unsubscribe?.();
    this.unsubscribe = this.client.subscribe('terminals.output', { id: this.id, viewer: this.viewer }, (event) => {
      if (this.stopped) return;
      if (event.t === 'snapshot') this.scrollback(event.value);
      else if (event.t === 'append') {
        if (event.dropped > 0) return this.attach();
        const last = event.items.length - 1;
        for (let i = 0; i <= last; i++) if (!this.piece(event.items[i]!, i === last)) return this.attach();
      } else if (event.t === 'closed') this.onClosed(event.error);
    });
  }

  private scrollback(value: TerminalScrollback): void {
    this.surface.reset();
    if (value.trimmed > 0) this.surface.write(`\x1b[2m[${Math.round(value.trimmed / 1024)} KB of earlier output no longer kept]\x1b[0m\r\n`, () => {});
    // Main counts the scrollback as drawn when the screen attaches.
    this.expected = value.offset + value.data.length;
    this.acked = this.expected;
    if (value.data) this.surface.write(value.data, () => {});
  }

  /** False when the piece does not follow what was drawn: attach again. */
  private piece(item: TerminalOutput, lastOfBatch: boolean): boolean {
    const end = item.offset + item.data.length;
    if (end <= this.expected) return true;
    if (item.offset > this.expected) return false;
    const data = item.data.slice(this.expected - item.offset);
    this.expected = end;
    this.surface.write(data, () => this.drawn(end, lastOfBatch));
    return true;
  }

  private drawn(position: number, lastOfBatch: boolean): void {
    if (this.stopped || position <= this.acked || (!lastOfBatch && position - this.acked < ackEvery)) return;
    this.acked = position;
    void this.client.call('terminals.ack', { id: this.id, viewer: this.viewer, offset: position }).catch(() => undefined);
  }

  dispose(): void {
    this.stopped = true;
    this.unsubscribe?.();
  }
}
