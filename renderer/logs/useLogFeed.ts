import { useEffect, useState, useSyncExternalStore } from 'react';
import type { ErrorInfo } from '../../shared/errors.js';
import { batchSize, type LogFilter, type LogsSnapshot } from '../../shared/contract/logs.js';
import { useClient } from '../client/hooks.js';
import { LogStore } from './logStore.js';

export type FeedFilter = Omit<LogFilter, 'tail'>;

export interface LogFeed {
  store: LogStore;
  /** Changes at most once per frame while lines arrive. */
  version: number;
  /** False until the first snapshot for the current filter arrived. */
  loaded: boolean;
  /** Lines the hub let go before this view opened (buffer caps), from the snapshot. */
  hubDropped: number;
  /** The snapshot carried every matching line the hub held: nothing older is there to scroll back to. */
  complete: boolean;
  error: ErrorInfo | undefined;
}

// What a viewer holds in the renderer, and how much history it asks for on opening.
const viewerCapacity = 1_000_000;
const openingTail = 50_000;

/**
 * Feeds the `logs` topic for a filter into one long-lived LogStore. Lines go
 * straight into the store's columns, not into React state; components read
 * the store's version through useSyncExternalStore, once per frame at most.
 */
export function useLogFeed(filter: FeedFilter): LogFeed {
  const client = useClient();
  const [store] = useState(() => new LogStore(viewerCapacity));
  const [status, setStatus] = useState<{ key: string; loaded: boolean; hubDropped: number; complete: boolean; error?: ErrorInfo }>({
    key: '',
    loaded: false,
    hubDropped: 0,
    complete: false,
  });
  const key = JSON.stringify(filter);

  useEffect(() => {
    const params = { ...(JSON.parse(key) as FeedFilter), tail: openingTail };
    return client.subscribe('logs', params, (event) => {
      switch (event.t) {
        case 'snapshot': {
          const snap = event.value as LogsSnapshot;
          store.reset(snap.lines);
          setStatus({ key, loaded: true, hubDropped: snap.dropped, complete: batchSize(snap.lines) < openingTail });
          return;
        }
        case 'append':
          store.appendBatches(event.items, event.dropped);
          return;
        case 'closed':
          setStatus((s) => ({ ...s, key, error: event.error ?? { code: 'unavailable', message: 'the log stream ended' } }));
          return;
        case 'state':
          return;
      }
    });
  }, [client, store, key]);

  const version = useSyncExternalStore(store.subscribe, store.getVersion);
  const current = status.key === key;
  return {
    store,
    version,
    loaded: current && status.loaded,
    hubDropped: status.hubDropped,
    complete: current && status.complete,
    error: current ? status.error : undefined,
  };
}
