import { useLayoutEffect, useState } from 'react';
import { useClient, useConnectionStatus } from '../client/hooks.js';
import { sourceId } from '../../shared/sourceId.js';
import type { HistoryPoint } from '../../shared/contract/history.js';

/** Ranges whose charts start from history (1 h and longer); shorter ones are live only. */
export const storedRanges: Record<string, { spanMs: number; stepMs: number }> = {
  '1h': { spanMs: 3_600_000, stepMs: 60_000 },
  '24h': { spanMs: 86_400_000, stepMs: 60_000 },
  '7d': { spanMs: 604_800_000, stepMs: 600_000 },
};

/** A probe's stored latency for a range, read once when the chart opens (live samples continue it). */
export function useProbeHistory(probe: string, range: string): { points: HistoryPoint[]; from?: string; error?: string } {
  const client = useClient();
  // Asked again once connected: a call made while the socket (re)connects is refused, not queued.
  const connected = useConnectionStatus() === 'open';
  const [state, setState] = useState<{ points: HistoryPoint[]; from?: string; error?: string }>({ points: [] });
  // A layout effect: the range change comes from a hashchange, whose passive effects wait for the next paint; asking before it saves that frame.
  useLayoutEffect(() => {
    const stored = storedRanges[range];
    setState({ points: [] });
    if (!stored || !connected) return;
    let cancelled = false;
    const now = Date.now();
    client.call('history.series', { source: sourceId.probe(probe), name: 'probe.latency_ms', from: now - stored.spanMs, to: now, stepMs: stored.stepMs }).then(
      (r) => !cancelled && setState({ points: r.points, from: r.from }),
      (e: { message?: string }) => !cancelled && setState({ points: [], error: e.message ?? String(e) }),
    );
    return () => {
      cancelled = true;
    };
  }, [client, connected, probe, range]);
  return state;
}
