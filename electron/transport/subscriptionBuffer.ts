import type { ServerMessage } from '../../shared/protocol.js';

/** What a drain produced: the messages, and how many units their appended items carried. */
export interface Drained {
  messages: ServerMessage[];
  weight: number;
}

/**
 * What one subscription has waiting for the next flush. State topics keep only
 * the latest value; append topics keep a bounded queue and count what they drop,
 * so a slow client costs at most `maxItems` units per subscription. A unit is an
 * item, or what the topic's `weigh` says an item carries (the lines of a batch).
 */
export class SubscriptionBuffer {
  private snapshot: { value: unknown } | undefined;
  private latest: { value: unknown } | undefined;
  private items: unknown[] = [];
  /** Each queued item's units, when the topic weighs its items. */
  private weights: number[] = [];
  private head = 0;
  private queued = 0;
  private dropped = 0;

  constructor(
    readonly id: number,
    private readonly maxItems: number,
    private readonly weigh?: (item: unknown) => number,
  ) {}

  setSnapshot(value: unknown): void {
    // A new snapshot supersedes everything queued before it.
    this.snapshot = { value };
    this.latest = undefined;
    this.items = [];
    this.weights = [];
    this.head = 0;
    this.queued = 0;
  }

  setState(value: unknown): void {
    this.latest = { value };
  }

  append(item: unknown): void {
    const weight = this.weigh ? this.weigh(item) : 1;
    this.items.push(item);
    if (this.weigh) this.weights.push(weight);
    this.queued += weight;
    while (this.queued > this.maxItems && this.head < this.items.length) {
      const gone = this.weightAt(this.head);
      this.items[this.head] = undefined;
      this.head++;
      this.queued -= gone;
      this.dropped += gone;
    }
    // Compact now and then instead of shifting on every drop.
    if (this.head > 4096 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      if (this.weigh) this.weights = this.weights.slice(this.head);
      this.head = 0;
    }
  }

  private weightAt(i: number): number {
    return this.weigh ? (this.weights[i] as number) : 1;
  }

  /** Units that can still be queued before the oldest are dropped. */
  get room(): number {
    return Math.max(0, this.maxItems - this.queued);
  }

  get isDirty(): boolean {
    return this.snapshot !== undefined || this.latest !== undefined || this.items.length > this.head || this.dropped > 0;
  }

  /** Moves what is waiting into messages, about `budget` units of appended items at a time (at least one item). */
  drain(budget: number): Drained {
    const messages: ServerMessage[] = [];
    if (this.snapshot) {
      messages.push({ t: 'snapshot', id: this.id, value: this.snapshot.value });
      this.snapshot = undefined;
    }
    if (this.latest) {
      messages.push({ t: 'state', id: this.id, value: this.latest.value });
      this.latest = undefined;
    }
    let weight = 0;
    const pending = this.items.length - this.head;
    if (pending > 0 || this.dropped > 0) {
      let take = 0;
      if (this.weigh) {
        while (take < pending && (take === 0 || weight + this.weightAt(this.head + take) <= budget)) weight += this.weightAt(this.head + take++);
      } else {
        take = Math.max(0, Math.min(pending, budget));
        weight = take;
      }
      const items = this.items.slice(this.head, this.head + take);
      this.head += take;
      this.queued -= weight;
      if (this.head === this.items.length) {
        this.items = [];
        this.weights = [];
        this.head = 0;
      }
      messages.push({ t: 'append', id: this.id, items, dropped: this.dropped });
      this.dropped = 0;
    }
    return { messages, weight };
  }
}
