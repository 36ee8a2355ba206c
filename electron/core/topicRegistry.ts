import {
  isTopicName,
  topics,
  type ItemOf,
  type ModeOf,
  type SnapshotOf,
  type TopicName,
  type TopicParamsOf,
} from '../../shared/contract/index.js';
import type { TopicMode } from '../../shared/contract/define.js';
import type { ErrorInfo } from '../../shared/errors.js';
import { toDisposable, type Disposable, type DisposableStore } from '../base/disposable.js';
import { formatZodError } from './zodMessage.js';

/** What a session gives each subscription; the session coalesces and flushes at most ~20 times a second. */
export interface TopicSink<S, I> {
  /** The whole state, first and whenever the provider starts over. */
  snapshot(value: S): void;
  /** For state topics: the latest whole state (only the latest per flush is sent). */
  state(value: S): void;
  /** For append topics: one more item (queued with a bound; overflow is dropped and counted). */
  append(item: I): void;
  /**
   * For append topics whose provider paces itself from its own buffer (log lines): how many more units
   * the session queues before it starts dropping. Absent where nothing is dropped (tests' recording sinks).
   */
  room?(): number;
  /** Ends the subscription from the server side. */
  close(error?: ErrorInfo): void;
}

/** A provider writes what its topic's mode in the contract allows: whole states, or items after the snapshot. */
export type StateSink<S> = Omit<TopicSink<S, never>, 'append'>;
export type AppendSink<S, I> = Omit<TopicSink<S, I>, 'state'>;
export type SinkOf<K extends TopicName> = ModeOf<K> extends 'append' ? AppendSink<SnapshotOf<K>, ItemOf<K>> : StateSink<SnapshotOf<K>>;

export type TopicProvider<K extends TopicName> = (params: TopicParamsOf<K>, sink: SinkOf<K>) => Disposable;

export type OpenOutcome = { ok: true; subscription: Disposable } | { ok: false; error: ErrorInfo };

/** What a capability provides its topics with: disposing the result takes the provider away (open subscriptions stay until closed). */
export interface TopicRegistrar {
  provide<K extends TopicName>(name: K, provider: TopicProvider<K>): Disposable;
}

export class TopicRegistry implements TopicRegistrar {
  private readonly providers = new Map<string, TopicProvider<TopicName>>();

  provide<K extends TopicName>(name: K, provider: TopicProvider<K>): Disposable {
    if (this.providers.has(name)) throw new Error(`topic ${name} already has a provider`);
    const registered = provider as unknown as TopicProvider<TopicName>;
    this.providers.set(name, registered);
    return toDisposable(() => {
      if (this.providers.get(name) === registered) this.providers.delete(name);
    });
  }

  /** A registrar whose every registration `owner` disposes: a capability cannot forget one. */
  ownedBy(owner: DisposableStore): TopicRegistrar {
    return { provide: (name, provider) => owner.add(this.provide(name, provider)) };
  }

  has(name: string): boolean {
    return this.providers.has(name);
  }

  /** The topics that have a provider now, in registration order. */
  names(): string[] {
    return [...this.providers.keys()];
  }

  open(name: string, rawParams: unknown, sink: TopicSink<unknown, unknown>): OpenOutcome {
    if (!isTopicName(name)) return { ok: false, error: { code: 'unknown_topic', message: `unknown topic "${name}"` } };
    const provider = this.providers.get(name);
    if (!provider) {
      return { ok: false, error: { code: 'unavailable', message: `topic "${name}" is not available in this build` } };
    }
    const parsed = topics[name].params.safeParse(rawParams ?? {});
    if (!parsed.success) {
      return { ok: false, error: { code: 'invalid_params', message: `${name}: ${formatZodError(parsed.error)}` } };
    }
    try {
      return { ok: true, subscription: provider(parsed.data as never, sinkForMode(name, topics[name].mode, sink) as never) };
    } catch (err) {
      return { ok: false, error: { code: 'internal', message: err instanceof Error ? err.message : String(err) } };
    }
  }
}

/**
 * The sink a provider gets holds to the topic's mode in the contract: a
 * whole state sent on an append topic, or an item on a state topic, would
 * reach the renderer as a message its store does not expect, so the
 * subscription is closed with an error naming the mistake instead.
 */
function sinkForMode(name: string, mode: TopicMode, sink: TopicSink<unknown, unknown>): TopicSink<unknown, unknown> {
  const refuse = (sent: string) => () =>
    sink.close({ code: 'internal', message: `topic "${name}" is a${mode === 'append' ? 'n append' : ' state'} topic, but its provider sent ${sent}` });
  return {
    snapshot: (value) => sink.snapshot(value),
    state: mode === 'state' ? (value) => sink.state(value) : refuse('a whole state'),
    append: mode === 'append' ? (item) => sink.append(item) : refuse('an item'),
    ...(sink.room ? { room: () => sink.room!() } : {}),
    close: (error) => sink.close(error),
  };
}
