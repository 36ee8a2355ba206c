import type { SwitchboardClient, TopicEvent } from '../../shared/client/protocolClient.js';
import type { ErrorInfo } from '../../shared/errors.js';
import type { TopicName } from '../../shared/contract/index.js';

export interface TopicReducer<S, I, A> {
  init(snapshot: S): A;
  append(acc: A, items: I[], dropped: number): A;
}

export interface TopicView<A> {
  data: A | undefined;
  error: ErrorInfo | undefined;
}

interface Entry {
  view: TopicView<unknown>;
  listeners: Set<() => void>;
  unsubscribe?: () => void;
  releaseTimer?: ReturnType<typeof setTimeout>;
}

/**
 * One subscription per (topic, params, reducer) however many components read
 * it. Released a moment after the last reader leaves, so switching screens
 * and back does not resubscribe.
 */
export class TopicStore {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly client: SwitchboardClient) {}

  key(topic: TopicName, params: unknown, reducerId: string): string {
    return `${topic}|${JSON.stringify(params ?? {})}|${reducerId}`;
  }

  read<A>(key: string): TopicView<A> {
    return (this.entries.get(key)?.view ?? empty) as TopicView<A>;
  }

  listen<S, I, A>(key: string, topic: TopicName, params: unknown, reducer: TopicReducer<S, I, A>, listener: () => void): () => void {
    let entry = this.entries.get(key);
    if (!entry) {
      entry = { view: empty, listeners: new Set() };
      this.entries.set(key, entry);
      const e = entry;
      e.unsubscribe = this.client.subscribe(topic, params as never, (event: TopicEvent) => {
        e.view = apply(e.view as TopicView<A>, event as TopicEvent<S, I>, reducer);
        for (const l of e.listeners) l();
      });
    }
    if (entry.releaseTimer) {
      clearTimeout(entry.releaseTimer);
      entry.releaseTimer = undefined;
    }
    entry.listeners.add(listener);
    const e = entry;
    return () => {
      e.listeners.delete(listener);
      if (e.listeners.size > 0) return;
      e.releaseTimer = setTimeout(() => {
        if (e.listeners.size > 0) return;
        e.unsubscribe?.();
        this.entries.delete(key);
      }, 5_000);
    };
  }
}

const empty: TopicView<never> = { data: undefined, error: undefined };

function apply<S, I, A>(view: TopicView<A>, event: TopicEvent<S, I>, reducer: TopicReducer<S, I, A>): TopicView<A> {
  switch (event.t) {
    case 'snapshot':
    case 'state':
      return { data: reducer.init(event.value), error: undefined };
    case 'append':
      return view.data === undefined ? view : { data: reducer.append(view.data, event.items, event.dropped), error: undefined };
    case 'closed':
      return { data: view.data, error: event.error ?? { code: 'unavailable', message: 'stream closed' } };
  }
}
