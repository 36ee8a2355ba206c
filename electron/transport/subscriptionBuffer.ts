import type { ServerMessage } from '../../shared/protocol.js';

/**
 * What one subscription has waiting for the next flush. State topics keep only
 * the latest value; append topics keep a bounded queue and count what they drop,
 * so a slow client costs at most `maxItems` items per subscription.
 */
export class SubscriptionBuffer {
  private snapshot: { value: unknown } | undefined;
  private latest: { value: unknown } | undefined;
  private items: unknown[] = [];
  private head = 0;
  private dropped = 0;

  constructor(
    readonly id: number,
    private readonly maxItems: number,
  ) {}

  setSnapshot(value: unknown): void {
    // A new snapshot supersedes everything queued before it.
    this.snapshot = { value };
    this.latest = undefined;
    this.items = [];
    this.head = 0;
  }

  setState(value: unknown): void {
    this.latest = { value };
  }

  append(item: unknown): void {
    this.items.push(item);
    if (this.items.length - this.head > this.maxItems) {
      this.head++;
      this.dropped++;
      // Compact now and then instead of shifting on every drop.
      if (this.head > 4096 && this.head * 2 > this.items.length) {
        this.items = this.items.slice(this.head);
        this.head = 0;
      }
    }
  }

  get isDirty(): boolean {
    return this.snapshot !== undefined || this.latest !== undefined || this.items.length > this.head || this.dropped > 0;
  }

  /** Moves what is waiting into messages, at most `budget` append items at a time. */
  drain(budget: number): ServerMessage[] {
    const out: ServerMessage[] = [];
    if (this.snapshot) {
      out.push({ t: 'snapshot', id: this.id, value: this.snapshot.value });
      this.snapshot = undefined;
    }
    if (this.latest) {
      out.push({ t: 'state', id: this.id, value: this.latest.value });
      this.latest = undefined;
    }
    const pending = this.items.length - this.head;
    if (pending > 0 || this.dropped > 0) {
      const take = Math.min(pending, budget);
      const items = this.items.slice(this.head, this.head + take);
      this.head += take;
      if (this.head === this.items.length) {
        this.items = [];
        this.head = 0;
      }
      out.push({ t: 'append', id: this.id, items, dropped: this.dropped });
      this.dropped = 0;
    }
    return out;
  }
}
