import { clientMessageSchema, maxClientMessageBytes, type ServerMessage } from '../../shared/protocol.js';
import type { ErrorInfo } from '../../shared/errors.js';
import { commands as commandContracts, isCommandName, isTopicName, topics as topicContracts } from '../../shared/contract/index.js';
import type { CommandRegistry } from '../core/commandRegistry.js';
import type { TopicRegistry, TopicSink } from '../core/topicRegistry.js';
import type { Disposable } from '../base/disposable.js';
import { formatZodError } from '../core/zodMessage.js';
import { SubscriptionBuffer } from './subscriptionBuffer.js';

/** How a transport (WebSocket or Electron IPC) hands messages to a client. */
export interface ClientChannel {
  send(message: ServerMessage): void;
  /** Bytes accepted but not yet written to the client; flushes wait while this is high. */
  backlog(): number;
}

export interface SessionOptions {
  flushIntervalMs?: number;
  maxItemsPerSubscription?: number;
  maxItemsPerFlush?: number;
  maxSubscriptions?: number;
  maxBacklogBytes?: number;
  /** Calls accepted but not yet answered (on the wire) per client; more are refused. */
  maxCallsInFlight?: number;
}

const defaults: Required<SessionOptions> = {
  flushIntervalMs: 16, // at most one flush a frame (60 Hz): a screen cannot show changes faster
  maxItemsPerSubscription: 20_000,
  maxItemsPerFlush: 20_000,
  maxSubscriptions: 200,
  maxBacklogBytes: 8 * 1024 * 1024,
  maxCallsInFlight: 64,
};

interface Subscription {
  buffer: SubscriptionBuffer;
  /** The topic paces its own appends (terminal output): they go out at once instead of at the next flush. */
  immediate: boolean;
  handle?: Disposable;
  closed: boolean;
}

/**
 * One connected renderer. It validates every message it receives, answers
 * calls, and batches stream updates so that a slow or gone client never grows
 * the main process's memory without bound.
 */
export class Session implements Disposable {
  private readonly opts: Required<SessionOptions>;
  private readonly subs = new Map<number, Subscription>();
  /** The flush that is coming: at once (leading edge) or when the interval since the last one is over. */
  private timer: NodeJS.Timeout | undefined;
  private immediate: NodeJS.Immediate | undefined;
  private lastFlush = -Infinity;
  private disposed = false;
  /** Calls whose answer has not been handed to the channel yet; a held answer still counts. */
  private callsInFlight = 0;
  /** Answers waiting for a client that is behind, in order. */
  private answers: { message: ServerMessage; working: boolean }[] = [];
  private quickAnswersHeld = 0;
  private quickAnswersDropped = 0;

  constructor(
    private readonly channel: ClientChannel,
    private readonly commands: Pick<CommandRegistry, 'call' | 'has'>,
    private readonly topics: Pick<TopicRegistry, 'open'>,
    options: SessionOptions = {},
  ) {
    this.opts = { ...defaults, ...options };
  }

  /** Raw text from the transport: never throws; anything malformed gets a structured error. */
  receiveText(text: string): void {
    if (text.length > maxClientMessageBytes) {
      this.fail({ code: 'bad_message', message: `message of ${text.length} bytes is over the ${maxClientMessageBytes}-byte limit` });
      return;
    }
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      this.fail({ code: 'bad_message', message: 'message is not valid JSON' });
      return;
    }
    this.receive(data);
  }

  /** A structured-clone value from Electron IPC, or parsed JSON from the WebSocket. */
  receive(data: unknown): void {
    if (this.disposed) return;
    const parsed = clientMessageSchema.safeParse(data);
    if (!parsed.success) {
      const id = typeof (data as { id?: unknown })?.id === 'number' ? (data as { id: number }).id : undefined;
      const error: ErrorInfo = { code: 'bad_message', message: `not a Switchboard message: ${formatZodError(parsed.error)}` };
      if (id !== undefined && (data as { t?: unknown }).t === 'call') this.channel.send({ t: 'result', id, ok: false, error });
      else this.fail(error);
      return;
    }
    const msg = parsed.data;
    switch (msg.t) {
      case 'call': {
        const working = this.startsWork(msg.cmd, msg.params);
        if (working && this.callsInFlight >= this.opts.maxCallsInFlight) {
          const message = `too many calls in flight (max ${this.opts.maxCallsInFlight}): wait for answers before sending more`;
          this.answer({ t: 'result', id: msg.id, ok: false, error: { code: 'conflict', message } }, false);
          return;
        }
        if (working) this.callsInFlight++;
        void this.commands.call(msg.cmd, msg.params).then((outcome) => this.answer({ t: 'result', id: msg.id, ...outcome } as ServerMessage, working));
        return;
      }
      case 'sub':
        this.subscribe(msg.id, msg.topic, msg.params);
        return;
      case 'unsub':
        this.unsubscribe(msg.id);
        return;
    }
  }

  /** Unknown commands and invalid params are answered without running anything, so they take no slot. */
  private startsWork(cmd: string, params: unknown): boolean {
    return isCommandName(cmd) && this.commands.has(cmd) && commandContracts[cmd].params.safeParse(params ?? {}).success;
  }

  /**
   * A call's answer goes out at once unless the client is behind; then it
   * waits, in order, like topic updates. Answers of working calls are bounded
   * by the in-flight limit (they hold their slot until sent); refusals and
   * invalid calls held meanwhile are bounded by the same number, and beyond it
   * only counted.
   */
  private answer(message: ServerMessage, working: boolean): void {
    if (this.disposed) return;
    if (this.answers.length === 0 && !this.behind()) {
      if (working) this.callsInFlight--;
      this.channel.send(message);
      return;
    }
    if (!working) {
      if (this.quickAnswersHeld >= this.opts.maxCallsInFlight) {
        this.quickAnswersDropped++;
        return;
      }
      this.quickAnswersHeld++;
    }
    this.answers.push({ message, working });
    this.schedule();
  }

  private sendHeldAnswers(): void {
    for (const { message, working } of this.answers.splice(0)) {
      if (working) this.callsInFlight--;
      else this.quickAnswersHeld--;
      this.channel.send(message);
    }
    if (this.quickAnswersDropped > 0) {
      const message = `${this.quickAnswersDropped} more calls were refused or invalid and got no answer: this client sent them while behind`;
      this.quickAnswersDropped = 0;
      this.channel.send({ t: 'error', error: { code: 'conflict', message } });
    }
  }

  private behind(): boolean {
    return this.channel.backlog() > this.opts.maxBacklogBytes;
  }

  private subscribe(id: number, topic: string, params: unknown): void {
    if (this.subs.has(id)) {
      this.channel.send({ t: 'closed', id, error: { code: 'bad_message', message: `subscription id ${id} is already in use` } });
      return;
    }
    if (this.subs.size >= this.opts.maxSubscriptions) {
      this.channel.send({ t: 'closed', id, error: { code: 'conflict', message: `too many subscriptions (max ${this.opts.maxSubscriptions})` } });
      return;
    }
    const immediate = isTopicName(topic) && topicContracts[topic].immediate === true;
    // A topic whose items carry several units (log lines in a batch) is bounded and budgeted by those units.
    const weigh = isTopicName(topic) ? (topicContracts[topic] as { weigh?: (item: unknown) => number }).weigh : undefined;
    const sub: Subscription = { buffer: new SubscriptionBuffer(id, this.opts.maxItemsPerSubscription, weigh), immediate, closed: false };
    this.subs.set(id, sub);
    // No closure per call: a log viewer's pump appends hundreds of thousands of lines a second.
    const sink: TopicSink<unknown, unknown> = {
      snapshot: (value) => {
        if (this.open(sub)) sub.buffer.setSnapshot(value);
      },
      state: (value) => {
        if (this.open(sub)) sub.buffer.setState(value);
      },
      append: (item) => {
        if (!this.open(sub)) return;
        sub.buffer.append(item);
        // a terminal's keystroke echo cannot wait for the next flush
        if (sub.immediate) this.flushOne(sub);
      },
      room: () => (sub.closed ? 0 : sub.buffer.room),
      close: (error) => {
        if (sub.closed) return;
        this.flushNow();
        this.unsubscribe(id);
        this.channel.send(error ? { t: 'closed', id, error } : { t: 'closed', id });
      },
    };
    const outcome = this.topics.open(topic, params, sink);
    if (!outcome.ok) {
      this.subs.delete(id);
      sub.closed = true;
      this.channel.send({ t: 'closed', id, error: outcome.error });
      return;
    }
    if (sub.closed) outcome.subscription.dispose();
    else sub.handle = outcome.subscription;
  }

  private unsubscribe(id: number): void {
    const sub = this.subs.get(id);
    if (!sub) return;
    sub.closed = true;
    this.subs.delete(id);
    sub.handle?.dispose();
  }

  /** Whether a change to `sub` may be taken; if so, a flush is on its way (the change follows in the same turn). */
  private open(sub: Subscription): boolean {
    if (sub.closed || this.disposed) return false;
    this.schedule();
    return true;
  }

  /** One subscription's waiting messages, now, unless the client is behind or held answers must go first. */
  private flushOne(sub: Subscription): void {
    if (this.answers.length > 0 || this.behind()) {
      this.schedule();
      return;
    }
    for (const message of sub.buffer.drain(this.opts.maxItemsPerFlush).messages) this.channel.send(message);
    if (sub.buffer.isDirty) this.schedule();
  }

  /**
   * At most one flush per interval, leading edge first: the first change after
   * a quiet spell (no flush for an interval) goes out at once, at the end of
   * this turn of the event loop, so everything changed in the same turn still
   * travels together; changes during the interval wait for its end and go out
   * as one. setImmediate, not setTimeout(0): no timer, no 1 ms floor.
   */
  private schedule(): void {
    if (this.timer || this.immediate || this.disposed) return;
    const wait = this.lastFlush + this.opts.flushIntervalMs - performance.now();
    if (wait <= 0) {
      this.immediate = setImmediate(() => {
        this.immediate = undefined;
        this.flushNow();
      });
      return;
    }
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.flushNow();
    }, wait);
  }

  private flushNow(): void {
    if (this.disposed) return;
    this.lastFlush = performance.now();
    if (this.behind()) {
      // The client is behind: keep coalescing (bounded) and try again later.
      this.schedule();
      return;
    }
    this.sendHeldAnswers();
    let budget = this.opts.maxItemsPerFlush;
    let more = false;
    for (const sub of this.subs.values()) {
      if (!sub.buffer.isDirty) continue;
      const drained = sub.buffer.drain(budget);
      budget -= drained.weight;
      for (const message of drained.messages) this.channel.send(message);
      if (sub.buffer.isDirty) more = true;
    }
    if (more) this.schedule();
  }

  private fail(error: ErrorInfo): void {
    if (!this.disposed) this.channel.send({ t: 'error', error });
  }

  get subscriptionCount(): number {
    return this.subs.size;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.immediate) clearImmediate(this.immediate);
    for (const id of [...this.subs.keys()]) this.unsubscribe(id);
  }
}
