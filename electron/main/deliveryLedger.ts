/**
 * The IPC transport's backlog. Electron's webContents.send has no send queue to
 * ask about (unlike a WebSocket's bufferedAmount), so main notes the size of
 * each message it sends and the preload reports how many it has taken in:
 * the backlog is the bytes of the messages not yet reported. A page that is
 * busy or hung stops reporting, its backlog grows, and the session holds its
 * flushes (coalescing, bounded) until the page catches up.
 */
export class DeliveryLedger {
  private readonly sizes: number[] = [];
  private head = 0;
  private sentCount = 0;
  private receivedCount = 0;
  private bytes = 0;

  sent(bytes: number): void {
    this.sizes.push(bytes);
    this.sentCount++;
    this.bytes += bytes;
  }

  /** The page's running count; counts never go back, and never past what was sent. */
  received(count: number): void {
    const upTo = Math.min(count, this.sentCount);
    while (this.receivedCount < upTo) {
      this.bytes -= this.sizes[this.head] ?? 0;
      this.head++;
      this.receivedCount++;
    }
    // Drop the confirmed prefix now and then so the array does not grow for the life of the window.
    if (this.head >= 1024 && this.head * 2 >= this.sizes.length) {
      this.sizes.splice(0, this.head);
      this.head = 0;
    }
  }

  /** Bytes sent and not yet confirmed. */
  get backlogBytes(): number {
    return this.bytes;
  }

  /** Messages sent and not yet confirmed. */
  get unconfirmedMessages(): number {
    return this.sentCount - this.receivedCount;
  }
}

/** A message's size as the WebSocket would carry it: its JSON length. IPC's structured clone costs about the same. */
export function messageBytes(message: unknown): number {
  return JSON.stringify(message)?.length ?? 0;
}
