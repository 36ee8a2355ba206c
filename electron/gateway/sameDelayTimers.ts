/** A pending call of SameDelayTimers: cancel() before it fires and it never will. */
export interface DelayedCall {
  cancel(): void;
}

const nothing = () => {};

interface Entry extends DelayedCall {
  at: number;
  fire: () => void;
  cancelled: boolean;
  next: Entry | undefined;
}

/**
 * Many calls each `delayMs` after it was scheduled, on one unref'd timer:
 * with a single delay, deadlines come in the order they were set, so a queue
 * replaces a Node timer per call (one per gateway request, nearly all
 * cancelled within a millisecond).
 */
export class SameDelayTimers {
  private head: Entry | undefined;
  private tail: Entry | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly delayMs: number) {}

  schedule(fire: () => void): DelayedCall {
    const entry: Entry = {
      at: performance.now() + this.delayMs,
      fire,
      cancelled: false,
      next: undefined,
      cancel() {
        this.cancelled = true;
        this.fire = nothing; // what it would have called is free to go before the queue reaches it
      },
    };
    if (this.tail) this.tail.next = entry;
    else this.head = entry;
    this.tail = entry;
    if (!this.timer) this.arm(this.delayMs);
    return entry;
  }

  private arm(ms: number): void {
    this.timer = setTimeout(() => this.due(), Math.max(0, ms));
    this.timer.unref();
  }

  private due(): void {
    this.timer = undefined;
    const now = performance.now();
    while (this.head && (this.head.cancelled || this.head.at <= now)) {
      const entry = this.head;
      this.head = entry.next;
      if (!this.head) this.tail = undefined;
      if (!entry.cancelled) {
        entry.cancelled = true;
        entry.fire();
      }
    }
    if (this.head) this.arm(this.head.at - now);
  }
}
