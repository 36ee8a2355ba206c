import { useEffect, useMemo, useState } from 'react';
import { useClient, useConnectionStatus, useTopicStream } from '../client/hooks.js';
import type { TopicReducer } from '../client/topicStore.js';
import type { StoredEvent } from '../../shared/contract/history.js';
import type { EventKind, EventSeverity } from '../../shared/stackEvents.js';

/** The Timeline holds at most this many events; a wider range says how many it left out. */
export const maxTimelineEvents = 10_000;
const pageSize = 5_000;

export interface EventFilter {
  sources?: string[] | undefined;
  kinds?: EventKind[] | undefined;
  severities?: EventSeverity[] | undefined;
}

export interface TimelineEvents {
  /** Newest first. */
  events: StoredEvent[];
  loading: boolean;
  error?: string;
  /** True when the range holds more than maxTimelineEvents (the oldest are not shown). */
  truncated: boolean;
}

/** Recorded events as they arrive, newest last, capped. */
const liveReducer: TopicReducer<StoredEvent[], StoredEvent, StoredEvent[]> = {
  init: (snapshot) => snapshot,
  append: (held, items) => {
    const next = held.concat(items);
    return next.length > maxTimelineEvents ? next.slice(next.length - maxTimelineEvents) : next;
  },
};

function matches(e: StoredEvent, f: EventFilter): boolean {
  if (f.kinds?.length && !f.kinds.includes(e.kind)) return false;
  if (f.severities?.length && !f.severities.includes(e.severity)) return false;
  if (f.sources?.length && !f.sources.some((s) => (s.endsWith('*') ? e.source.startsWith(s.slice(0, -1)) : e.source === s))) return false;
  return true;
}

/**
 * The events of a range from history, paged in (newest first, up to
 * 10,000), and — while the range ends at now (`to` undefined) — the ones recorded since,
 * from history.live, without a duplicate (ids only grow).
 */
export function useTimelineEvents(from: number, to: number | undefined, filter: EventFilter): TimelineEvents {
  const follow = to === undefined;
  const client = useClient();
  // Asked again once connected: a call made while the socket (re)connects is refused, not queued.
  const connected = useConnectionStatus() === 'open';
  const [state, setState] = useState<TimelineEvents>({ events: [], loading: true, truncated: false });
  const filterKey = JSON.stringify(filter);
  useEffect(() => {
    if (!connected) return;
    let cancelled = false;
    const f = JSON.parse(filterKey) as EventFilter;
    setState((s) => ({ ...s, loading: true }));
    void (async () => {
      const events: StoredEvent[] = [];
      let beforeId: number | undefined;
      let truncated = false;
      try {
        for (;;) {
          const page = await client.call('history.events', { from, ...(to !== undefined ? { to } : {}), ...f, limit: pageSize, ...(beforeId ? { beforeId } : {}) });
          events.push(...page.events);
          if (!page.nextBeforeId) break;
          if (events.length >= maxTimelineEvents) {
            truncated = true;
            break;
          }
          beforeId = page.nextBeforeId;
        }
        if (!cancelled) setState({ events: events.slice(0, maxTimelineEvents), loading: false, truncated });
      } catch (error) {
        if (!cancelled) setState({ events, loading: false, truncated, error: error instanceof Error ? error.message : String((error as { message?: string }).message ?? error) });
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [client, connected, from, to, filterKey]);

  const live = useTopicStream('history.live', {}, liveReducer, 'timeline-live');
  return useMemo(() => {
    if (!follow || !live.data?.length) return state;
    const newestLoaded = state.events[0]?.id ?? 0;
    const f = JSON.parse(filterKey) as EventFilter;
    const added = live.data.filter((e) => e.id > newestLoaded && e.at >= from && matches(e, f)).reverse();
    return added.length ? { ...state, events: added.concat(state.events).slice(0, maxTimelineEvents) } : state;
  }, [state, live.data, follow, from, filterKey]);
}
