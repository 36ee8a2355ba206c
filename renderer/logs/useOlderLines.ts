import { useRef, useState } from 'react';
import { nameInSource } from '../../shared/sourceId.js';
import { useClient } from '../client/hooks.js';
import { historyCursor } from './historyCursor.js';
import type { LogStore } from './logStore.js';
import type { FilterState } from './LogFilters.js';

export type DockerHistory = 'offer' | 'loading' | 'more' | 'done' | 'full' | 'error';

export interface OlderLines {
  /** `container:<name>` when the view is filtered to one container and the hub has nothing older: Docker may. */
  container: string | undefined;
  docker: DockerHistory;
  /** Lines loaded from Docker into this view so far. */
  fromDocker: number;
  error: string | undefined;
  /** Why the last page from Docker is short (a flood hit the per-page read limit), when it is. */
  cut: string | undefined;
  /** The reader reached the oldest line shown. */
  onReachTop: () => void;
  loadFromDocker: () => void;
}

interface State {
  epoch: number;
  hubDone: boolean;
  docker: DockerHistory;
  fromDocker: number;
  error?: string;
  cut?: string;
}

const hubPage = 5_000;
const dockerPage = 2_000;

/**
 * Scrolling back past the oldest line shown: first from the hub (logs.range),
 * and once the hub has nothing older and the view is one container's, from
 * Docker's own log (containers.logHistory), on request and then each time the
 * reader reaches the top. Everything starts over when the view is reset.
 */
export function useOlderLines(store: LogStore, filter: FilterState, snapshotComplete: boolean): OlderLines {
  const client = useClient();
  const fresh = (): State => ({ epoch: store.epoch, hubDone: false, docker: 'offer', fromDocker: 0 });
  const [saved, setSaved] = useState<State>(fresh);
  const state = saved.epoch === store.epoch ? saved : fresh();
  const busy = useRef(false);
  const hubDone = state.hubDone || snapshotComplete;
  const only = filter.sources.length === 1 ? filter.sources[0] : undefined;
  const container = hubDone && only !== undefined && nameInSource(only, 'container') !== undefined ? only : undefined;

  const update = (epoch: number, next: Partial<State>) =>
    setSaved((s) => (epoch !== store.epoch ? s : { ...(s.epoch === epoch ? s : fresh()), ...next, epoch }));

  const loadFromHub = () => {
    if (busy.current || hubDone || !Number.isFinite(store.firstSeq) || store.size >= store.capacity) return;
    const epoch = store.epoch;
    busy.current = true;
    client
      .call('logs.range', { before: store.firstSeq, count: hubPage, ...filter })
      .then((older) => {
        if (epoch !== store.epoch) return;
        if (older.length === 0 || store.prepend(older) === 0) update(epoch, { hubDone: true });
      })
      .catch(() => update(epoch, { hubDone: true }))
      .finally(() => (busy.current = false));
  };

  const loadFromDocker = () => {
    if (busy.current || !container || state.docker === 'done' || state.docker === 'full') return;
    const epoch = store.epoch;
    busy.current = true;
    update(epoch, { docker: 'loading', error: undefined });
    const cursor = historyCursor(store.size, (i) => store.line(store.first + i));
    client
      .call('containers.logHistory', {
        id: nameInSource(container, 'container') ?? container,
        until: cursor.until,
        shown: cursor.shown,
        count: dockerPage,
        ...(filter.streams.length ? { streams: filter.streams } : {}),
        ...(filter.levels.length ? { levels: filter.levels } : {}),
      })
      .then((page) => {
        if (epoch !== store.epoch) return;
        const added = store.prepend(page.lines);
        const docker: DockerHistory = added < page.lines.length ? 'full' : page.more ? 'more' : 'done';
        setSaved((s) => (s.epoch === epoch ? { ...s, docker, fromDocker: s.fromDocker + added, cut: page.cut } : s));
      })
      .catch((err: { message?: string }) => update(epoch, { docker: 'error', error: err.message ?? String(err) }))
      .finally(() => (busy.current = false));
  };

  const onReachTop = () => {
    if (!hubDone) loadFromHub();
    else if (state.docker === 'more') loadFromDocker();
  };

  return { container, docker: state.docker, fromDocker: state.fromDocker, error: state.error, cut: state.cut, onReachTop, loadFromDocker };
}
