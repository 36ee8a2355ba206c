import {
  isTopicName,
  topics,
  type ItemOf,
  type SnapshotOf,
  type TopicName,
  type TopicParamsOf,
} from '../../shared/contract/index.js';
import type { ErrorInfo } from '../../shared/errors.js';
import type { Disposable } from '../base/disposable.js';
import { formatZodError } from './zodMessage.js';

/** What a provider writes to; the session behind it coalesces and flushes at most ~20 times a second. */
export interface TopicSink<S, I> {
  /** The whole state, first and whenever the provider starts over. */
  snapshot(value: S): void;
  /** For state topics: the latest whole state (only the latest per flush is sent). */
  state(value: S): void;
  /** For append topics: one more item (queued with a bound; overflow is dropped and counted). */
  append(item: I): void;
  /** Ends the subscription from the server side. */
  close(error?: ErrorInfo): void;
}

export type TopicProvider<K extends TopicName> = (
  params: TopicParamsOf<K>,
  sink: TopicSink<SnapshotOf<K>, ItemOf<K>>,
) => Disposable;

export type OpenOutcome = { ok: true; subscription: Disposable } | { ok: false; error: ErrorInfo };

export class TopicRegistry {
  private readonly providers = new Map<string, TopicProvider<TopicName>>();

  provide<K extends TopicName>(name: K, provider: TopicProvider<K>): void {
    if (this.providers.has(name)) throw new Error(`topic ${name} already has a provider`);
    this.providers.set(name, provider as unknown as TopicProvider<TopicName>);
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
      return { ok: true, subscription: provider(parsed.data as never, sink as never) };
    } catch (err) {
      return { ok: false, error: { code: 'internal', message: err instanceof Error ? err.message : String(err) } };
    }
  }
}
