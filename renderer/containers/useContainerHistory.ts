import { useEffect, useState } from 'react';
import { useClient, useConnectionStatus } from '../client/hooks.js';
import { sourceId } from '../../shared/sourceId.js';
import type { HistoryPoint } from '../../shared/contract/history.js';
import { containerRanges, type ContainerRange } from './containerHistory.js';

export interface StoredStats {
  cpu: HistoryPoint[];
  memory: HistoryPoint[];
  error?: string;
}

/** A container's stored CPU and memory for a range, read once when the range is picked. */
export function useContainerHistory(name: string, range: ContainerRange): StoredStats {
  const client = useClient();
  // Asked again once connected: a call made while the socket (re)connects is refused, not queued.
  const connected = useConnectionStatus() === 'open';
  const [state, setState] = useState<StoredStats>({ cpu: [], memory: [] });
  useEffect(() => {
    setState({ cpu: [], memory: [] });
    const { spanMs, stepMs } = containerRanges[range];
    if (stepMs === 0 || !connected) return;
    let cancelled = false;
    const now = Date.now();
    const query = { source: sourceId.container(name), from: now - spanMs, to: now, stepMs };
    Promise.all([client.call('history.series', { ...query, name: 'container.cpu_percent' }), client.call('history.series', { ...query, name: 'container.memory_bytes' })]).then(
      ([cpu, memory]) => !cancelled && setState({ cpu: cpu.points, memory: memory.points }),
      (e: { message?: string }) => !cancelled && setState({ cpu: [], memory: [], error: e.message ?? String(e) }),
    );
    return () => {
      cancelled = true;
    };
  }, [client, connected, name, range]);
  return state;
}
