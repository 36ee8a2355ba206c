import { createContext, useCallback, useContext, useMemo, useSyncExternalStore } from 'react';
import { useMutation, type UseMutationResult } from '@tanstack/react-query';
import type { SwitchboardClient } from '../../shared/client/protocolClient.js';
import type { ErrorInfo } from '../../shared/errors.js';
import type {
  CommandName,
  ItemOf,
  ParamsIn,
  ResultOf,
  SnapshotOf,
  TopicName,
  TopicParamsIn,
} from '../../shared/contract/index.js';
import type { Connection, ConnectionStatus } from './connection.js';
import { TopicStore, type TopicReducer, type TopicView } from './topicStore.js';

export interface ClientContextValue {
  connection: Connection;
  store: TopicStore;
}

export const ClientContext = createContext<ClientContextValue | null>(null);

function useClientContext(): ClientContextValue {
  const value = useContext(ClientContext);
  if (!value) throw new Error('Switchboard hooks need <ClientContext.Provider>');
  return value;
}

export function useClient(): SwitchboardClient {
  return useClientContext().connection.client;
}

export function useConnectionStatus(): ConnectionStatus {
  const { connection } = useClientContext();
  return useSyncExternalStore(connection.onStatus, connection.status);
}

const replace: TopicReducer<unknown, unknown, unknown> = { init: (s) => s, append: (a) => a };

/** Latest whole state of a state topic (containers, mcp, probes, cache, config). */
export function useTopicState<K extends TopicName>(topic: K, params?: TopicParamsIn<K>): TopicView<SnapshotOf<K>> {
  return useTopicStream(topic, params, replace as TopicReducer<SnapshotOf<K>, ItemOf<K>, SnapshotOf<K>>, 'replace');
}

/**
 * An append topic folded by a reducer. `reducerId` names the reducer so two
 * components with the same reducer share one subscription; pass a stable
 * (module-level) reducer object.
 */
export function useTopicStream<K extends TopicName, A>(
  topic: K,
  params: TopicParamsIn<K> | undefined,
  reducer: TopicReducer<SnapshotOf<K>, ItemOf<K>, A>,
  reducerId: string,
): TopicView<A> {
  const { store } = useClientContext();
  const paramsKey = JSON.stringify(params ?? {});
  const key = useMemo(() => store.key(topic, JSON.parse(paramsKey), reducerId), [store, topic, paramsKey, reducerId]);
  const subscribe = useCallback(
    (listener: () => void) => store.listen(key, topic, JSON.parse(paramsKey), reducer, listener),
    [store, key, topic, paramsKey, reducer],
  );
  const read = useCallback(() => store.read<A>(key), [store, key]);
  return useSyncExternalStore(subscribe, read);
}

/** A command as a react-query mutation: `mutate(params)`, `isPending`, `error`, `data`. */
export function useCommand<K extends CommandName>(name: K): UseMutationResult<ResultOf<K>, ErrorInfo, ParamsIn<K>> {
  const client = useClient();
  return useMutation<ResultOf<K>, ErrorInfo, ParamsIn<K>>({
    mutationKey: [name],
    mutationFn: (params) => client.call(name, params),
  });
}
