import type { LogStream } from '../../shared/contract/logs.js';

export interface StreamCursor {
  until: number;
  skip: number;
}

export interface HistoryCursor {
  /** The oldest line shown (ms): where a stream with no line in view is read back from. */
  until: number;
  shown: Partial<Record<'stdout' | 'stderr', StreamCursor>>;
}

// Looking this far down the view for each stream's first line is plenty: past it, the fallback is as good.
const scanLimit = 100_000;

/**
 * Where the view's lines begin, per stream, for asking Docker for older ones
 * (containers.logHistory): the ms of each stream's oldest line shown and how
 * many of that stream's lines from that ms are shown, so none comes twice.
 */
export function historyCursor(size: number, lineAt: (i: number) => { ts: number; stream: LogStream }, now = Date.now()): HistoryCursor {
  if (size === 0) return { until: now, shown: {} };
  const until = lineAt(0).ts;
  const shown: HistoryCursor['shown'] = {};
  const open = new Set<'stdout' | 'stderr'>(['stdout', 'stderr']);
  for (let i = 0; i < size && i < scanLimit && open.size > 0; i++) {
    const { ts, stream } = lineAt(i);
    if (stream === 'system') continue;
    const cursor = shown[stream];
    if (!cursor) shown[stream] = { until: ts, skip: 1 };
    else if (cursor.until === ts) cursor.skip++;
    else open.delete(stream);
  }
  return { until, shown };
}
