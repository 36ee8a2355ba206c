import { toDisposable, type Disposable } from '../base/disposable.js';
import type { SecretMasker } from '../base/secrets/secretMasker.js';
import type { EventDetails, Signal, SignalInput, SignalName, StackEvent, StackEventInput } from '../../shared/stackEvents.js';

/** What a capability publishes its stack events through (AppContext.events). */
export interface EventWriter {
  publish(event: StackEventInput): void;
}

/** What a capability records its measurements through (AppContext.signals). */
export interface SignalWriter {
  record(signal: SignalInput): void;
  /** Signals measured together (one stats tick): batch listeners get them in one call rather than one each. */
  recordMany(signals: readonly SignalInput[]): void;
}

/** For services run without the app (unit tests, benchmarks): nothing listens, on purpose. */
export const discardEvents: EventWriter = { publish() {} };
export const discardSignals: SignalWriter = { record() {}, recordMany() {} };

type ListenerFailure = (error: unknown) => void;

/**
 * Listeners of one bus. A listener that throws is reported and skipped: a
 * broken consumer (history, alerts) must never break the publisher (a
 * container's event stream, a probe loop).
 */
class Listeners<T> {
  private readonly set = new Set<(value: T) => void>();
  constructor(private readonly onFailure: ListenerFailure) {}

  on(listener: (value: T) => void): Disposable {
    this.set.add(listener);
    return toDisposable(() => this.set.delete(listener));
  }

  emit(value: T): void {
    for (const listener of this.set) {
      try {
        listener(value);
      } catch (error) {
        this.onFailure(error);
      }
    }
  }

  get size(): number {
    return this.set.size;
  }
}

/**
 * The stack's events, as capabilities publish them. Summaries and string
 * details are masked here, once, so no listener (history on disk, a webhook)
 * ever sees a secret a publisher let slip.
 */
export class EventBus implements EventWriter {
  private readonly listeners: Listeners<StackEvent>;

  constructor(
    private readonly secrets: SecretMasker,
    onListenerFailure: ListenerFailure = () => {},
  ) {
    this.listeners = new Listeners(onListenerFailure);
  }

  publish(input: StackEventInput): void {
    if (this.listeners.size === 0) return;
    const event: StackEvent = {
      at: input.at ?? Date.now(),
      source: input.source,
      kind: input.kind,
      severity: input.severity,
      summary: this.secrets.mask(input.summary),
      ...(input.details ? { details: this.maskDetails(input.details) } : {}),
    };
    this.listeners.emit(event);
  }

  /** Every event from now on; dispose to stop. */
  on(listener: (event: StackEvent) => void): Disposable {
    return this.listeners.on(listener);
  }

  private maskDetails(details: EventDetails): EventDetails {
    const masked: EventDetails = {};
    for (const [key, value] of Object.entries(details)) masked[key] = typeof value === 'string' ? this.secrets.mask(value) : value;
    return masked;
  }
}

/**
 * The stack's measurements. It keeps the latest value of every (source, name)
 * so a reader that comes late (a /metrics scrape) needs no subscription; the
 * cost of a record is one map write, and an emit when someone listens.
 */
export class SignalBus implements SignalWriter {
  private readonly listeners: Listeners<Signal>;
  /** Consumers that do work per arrival (history, alerts): one call per batch of signals. */
  private readonly batchListeners: Listeners<readonly Signal[]>;
  private readonly latestBySource = new Map<string, Map<SignalName, Signal>>();

  constructor(onListenerFailure: ListenerFailure = () => {}) {
    this.listeners = new Listeners(onListenerFailure);
    this.batchListeners = new Listeners(onListenerFailure);
  }

  record(input: SignalInput): void {
    const signal = this.keep(input);
    if (!signal) return;
    if (this.listeners.size > 0) this.listeners.emit(signal);
    if (this.batchListeners.size > 0) this.batchListeners.emit([signal]);
  }

  recordMany(inputs: readonly SignalInput[]): void {
    const batch: Signal[] = [];
    for (const input of inputs) {
      const signal = this.keep(input);
      if (!signal) continue;
      batch.push(signal);
      if (this.listeners.size > 0) this.listeners.emit(signal);
    }
    if (batch.length > 0 && this.batchListeners.size > 0) this.batchListeners.emit(batch);
  }

  /** Stamps a signal and keeps it as its series' latest; undefined for a value that is not a number. */
  private keep(input: SignalInput): Signal | undefined {
    if (!Number.isFinite(input.value)) return undefined;
    const signal: Signal = { at: input.at ?? Date.now(), source: input.source, name: input.name, value: input.value };
    let names = this.latestBySource.get(signal.source);
    if (!names) this.latestBySource.set(signal.source, (names = new Map()));
    names.set(signal.name, signal);
    return signal;
  }

  /** Signals in batches as they were recorded together (a lone record() is a batch of one); dispose to stop. */
  onBatch(listener: (signals: readonly Signal[]) => void): Disposable {
    return this.batchListeners.on(listener);
  }

  /** Every signal from now on; dispose to stop. */
  on(listener: (signal: Signal) => void): Disposable {
    return this.listeners.on(listener);
  }

  /** The newest value of each series, optionally only of one name ("probe.latency_ms"). */
  *latest(name?: SignalName): IterableIterator<Signal> {
    for (const names of this.latestBySource.values()) {
      if (name) {
        const signal = names.get(name);
        if (signal) yield signal;
      } else yield* names.values();
    }
  }

  /** A source that is gone for good (a removed container, a server taken out of the stack file). */
  forget(source: string): void {
    this.latestBySource.delete(source);
  }
}
