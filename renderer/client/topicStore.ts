import { replaceEqualDeep } from '@tanstack/react-query';
import type { SwitchboardClient, TopicEvent } from '../../shared/client/protocolClient.js';
import type { ErrorInfo } from '../../shared/errors.js';
import type { TopicName } from '../../shared/contract/index.js';
import { nextVisibleFrame, type FrameGate } from './frameGate.js';

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
 * and back does not resubscribe. Every message is folded into its view at
 * once (nothing is dropped while the page is hidden), but readers are told
 * through the frame gate: once per frame for all topics that changed, and
 * not at all until a hidden page is shown again.
 */
export class TopicStore {
  private readonly entries = new Map<string, Entry>();
  private readonly changed = new Set<Entry>();
  private tellScheduled = false;

  constructor(
    private readonly client: SwitchboardClient,
    private readonly gate: FrameGate = nextVisibleFrame,
  ) {}

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
        const next = apply(e.view as TopicView<A>, event as TopicEvent<S, I>, reducer);
        if (next === e.view) return;
        e.view = next;
        this.changed.add(e);
        this.scheduleTell();
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
        this.changed.delete(e);
      }, 5_000);
    };
  }

  private scheduleTell(): void {
    if (this.tellScheduled) return;
    this.tellScheduled = true;
    this.gate(() => {
      this.tellScheduled = false;
      const entries = [...this.changed];
      this.changed.clear();
      for (const e of entries) for (const l of e.listeners) l();
    });
  }
}

const empty: TopicView<never> = { data: undefined, error: undefined };

function apply<S, I, A>(view: TopicView<A>, event: TopicEvent<S, I>, reducer: TopicReducer<S, I, A>): TopicView<A> {
  switch (event.t) {
    case 'snapshot':
    case 'state': {
      // What did not change keeps its identity, so memoised rows skip it, and an unchanged state tells nobody.
      const data = replaceEqualDeep(view.data, reducer.init(event.value));
      return data === view.data && view.error === undefined ? view : { data, error: undefined };
    }
    case 'append':
      return view.data === undefined ? view : { data: reducer.append(view.data, event.items, event.dropped), error: undefined };
    case 'closed':
      return { data: view.data, error: event.error ?? { code: 'unavailable', message: 'stream closed' } };
  }
}
