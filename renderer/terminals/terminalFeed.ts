import type { SwitchboardClient } from '../../shared/client/protocolClient.js';
import type { TerminalOutput, TerminalScrollback } from '../../shared/contract/terminals.js';
import type { ErrorInfo } from '../../shared/errors.js';
import { withoutUnseenLines } from './unseenOutput.js';

/** What the feed draws on: an xterm, or a test's recorder. */
export interface TerminalSurface {
  reset(): void;
  /** Draws `data`; `drawn` runs once it is on screen (xterm's write callback). */
  write(data: string, drawn: () => void): void;
  /** Lines the surface keeps (scrollback and rows): output that scrolls further before a frame is never seen. */
  readonly linesKept: number;
}

/**
 * Pieces handed to xterm at a time: it yields to the page between pieces (not inside one), so frames
 * keep coming while a megabyte is parsed.
 */
const pieceChars = 8 * 1024;
/**
 * After a write that left a flood out, the next waits this long: each such write costs xterm its whole
 * scrollback's worth of lines, and the next flood write would push them all out again unseen.
 */
const floodWriteEveryMs = 100;

/**
 * One screen's view of a session's output: the scrollback, then each piece
 * in order. What arrives while xterm is still drawing waits and goes in one
 * write, leaving out plain text that would scroll past the scrollback unseen
 * (withoutUnseenLines), so a flood costs a frame's worth of drawing, not a
 * line feed's worth per line. It tells main what it has drawn after each
 * write, so a busy screen pauses the process instead of losing output; a gap
 * (it cannot happen unless the connection dropped items) makes it attach
 * again from the scrollback.
 */
export class TerminalFeed {
  private readonly viewer = `v-${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`;
  /** Output position just after what was received. */
  private expected = 0;
  private acked = 0;
  /** Received, not yet handed to xterm. */
  private waiting = '';
  /** Main left out a flood's unseen lines in what is waiting: it is drawn at the flood's pace too. */
  private waitingSkips = false;
  private writing = false;
  /** No write before this time (a flood is being drawn at a few frames a second). */
  private holdUntil = 0;
  private holdTimer: ReturnType<typeof setTimeout> | undefined;
  /** Bumped on each attach: a write from before it acknowledges nothing. */
  private generation = 0;
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
    // Main may then leave out what would scroll past these lines unseen while this screen is still drawing.
    const keepLines = Number.isFinite(this.surface.linesKept) ? this.surface.linesKept : undefined;
    this.unsubscribe = this.client.subscribe('terminals.output', { id: this.id, viewer: this.viewer, ...(keepLines ? { keepLines } : {}) }, (event) => {
      if (this.stopped) return;
      if (event.t === 'snapshot') this.scrollback(event.value);
      else if (event.t === 'append') {
        if (event.dropped > 0) return this.attach();
        for (const item of event.items) if (!this.piece(item)) return this.attach();
        this.writeWaiting();
      } else if (event.t === 'closed') this.onClosed(event.error);
    });
  }

  private scrollback(value: TerminalScrollback): void {
    this.generation++;
    this.writing = false;
    this.holdUntil = 0;
    this.waitingSkips = false;
    this.surface.reset();
    if (value.trimmed > 0) this.surface.write(`\x1b[2m[${Math.round(value.trimmed / 1024)} KB of earlier output no longer kept]\x1b[0m\r\n`, () => {});
    // Main counts the scrollback as drawn when the screen attaches.
    this.expected = value.offset + value.data.length;
    this.acked = this.expected;
    this.waiting = value.data;
    this.writeWaiting();
  }

  /** False when the piece does not follow what was received: attach again. */
  private piece(item: TerminalOutput): boolean {
    const end = item.offset + item.data.length;
    if (end <= this.expected) return true;
    if (item.offset - (item.skipped ?? 0) > this.expected) return false;
    if (item.offset > this.expected) this.waitingSkips = true;
    this.waiting += item.data.slice(Math.max(0, this.expected - item.offset));
    this.expected = end;
    return true;
  }

  /** Everything waiting, in one write (in pieces xterm can yield between), unless a write is still being drawn. */
  private writeWaiting(): void {
    if (this.writing || this.waiting === '' || this.holdTimer) return;
    const hold = this.holdUntil - performance.now();
    if (hold > 0) {
      this.holdTimer = setTimeout(() => {
        this.holdTimer = undefined;
        if (!this.stopped) this.writeWaiting();
      }, hold);
      return;
    }
    const data = withoutUnseenLines(this.waiting, this.surface.linesKept);
    if (data.length < this.waiting.length || this.waitingSkips) this.holdUntil = performance.now() + floodWriteEveryMs;
    this.waitingSkips = false;
    const end = this.expected;
    const generation = this.generation;
    this.waiting = '';
    this.writing = true;
    for (let at = 0; at < data.length; at += pieceChars) {
      const last = at + pieceChars >= data.length;
      this.surface.write(data.slice(at, at + pieceChars), last ? () => this.drawn(end, generation) : () => {});
    }
  }

  private drawn(position: number, generation: number): void {
    if (this.stopped || generation !== this.generation) return;
    this.writing = false;
    if (position > this.acked) {
      this.acked = position;
      void this.client.call('terminals.ack', { id: this.id, viewer: this.viewer, offset: position }).catch(() => undefined);
    }
    this.writeWaiting();
  }

  dispose(): void {
    this.stopped = true;
    clearTimeout(this.holdTimer);
    this.unsubscribe?.();
  }
}
