import { probeRangeMs, type ProbeRange, type ProbeSample, type ProbeSeriesSnapshot } from '../../shared/contract/probes.js';
import type { TopicReducer } from '../client/topicStore.js';

/** Live samples beyond this many are trimmed; the chart downsamples to ≤ 1,000 anyway. */
const maxHeld = 5_000;

function reducerFor(range: ProbeRange): TopicReducer<ProbeSeriesSnapshot, ProbeSample, ProbeSample[]> {
  const span = probeRangeMs[range];
  return {
    init: (snapshot) => snapshot.samples,
    append: (held, items) => {
      if (items.length === 0) return held;
      const next = held.concat(items);
      const cutoff = next[next.length - 1]!.ts - span;
      let start = Math.max(0, next.length - maxHeld);
      while (start < next.length && next[start]!.ts < cutoff) start++;
      return start === 0 ? next : next.slice(start);
    },
  };
}

/** One stable reducer per range (the topic store shares subscriptions by reducer id). */
export const probeSeriesReducers: Record<ProbeRange, TopicReducer<ProbeSeriesSnapshot, ProbeSample, ProbeSample[]>> = {
  '5m': reducerFor('5m'),
  '15m': reducerFor('15m'),
  '1h': reducerFor('1h'),
  '24h': reducerFor('24h'),
};
