import type { Socket } from 'node:net';

/** How long the streams stop reading after a round's first sample: the engine's round spreads over up to ~250 ms here. */
const defaultHoldMs = 300;
/** After a round is read, the next one is not due for most of a second: samples that come late are read as they come. */
const defaultQuietMs = 500;

/**
 * One engine's stats streams read in rounds. The engine samples every watched
 * container once a second but writes them out over a few hundred ms, so 20
 * streams woke the process some 15 times a second, and each wake-up (epoll,
 * the loop's phases, a batch for history and alerts) cost more than the
 * sample it brought. After a round's first sample every stream stops reading
 * for a moment; the rest wait in the kernel and are read in one wake-up.
 * Sample times come from the engine, so holding them back changes no figure.
 */
export class StatsRounds {
  private readonly sockets = new Set<Socket>();
  private hold: NodeJS.Timeout | undefined;
  private releasedAt = -Infinity;

  constructor(
    private readonly holdMs = defaultHoldMs,
    private readonly quietMs = defaultQuietMs,
  ) {}

  /** A socket that reads with `onread` (pause() then really stops reading); leave() when it is done. */
  join(socket: Socket): void {
    this.sockets.add(socket);
  }

  leave(socket: Socket): void {
    this.sockets.delete(socket);
  }

  /** Bytes came on one of the streams: the first of a round holds the others back. */
  arrived(): void {
    // One stream (a single chart) has nothing to wait for.
    if (this.hold || this.sockets.size < 2 || performance.now() - this.releasedAt < this.quietMs) return;
    for (const socket of this.sockets) socket.pause();
    this.hold = setTimeout(() => this.release(), this.holdMs);
  }

  private release(): void {
    this.hold = undefined;
    this.releasedAt = performance.now();
    for (const socket of this.sockets) socket.resume();
  }

  dispose(): void {
    if (this.hold) clearTimeout(this.hold);
    this.hold = undefined;
    for (const socket of this.sockets) socket.resume();
    this.sockets.clear();
  }
}
