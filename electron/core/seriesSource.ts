import type { HistoryPoint } from '../../shared/contract/history.js';
import type { SignalName } from '../../shared/stackEvents.js';

/** One range of one series, as a chart asks for it: "probe:backend-health"'s probe.latency_ms over the last 24 h at 1 min. */
export interface SeriesQuery {
  source: string;
  name: SignalName;
  /** Epoch ms, inclusive. */
  from: number;
  /** Epoch ms, exclusive. */
  to: number;
  /** The resolution wanted; a source may answer coarser (rollups) but never finer. */
  stepMs: number;
}

/** One point: a raw sample (value only) or a rollup over its step; the contract's HistoryPoint, so a store's answer goes out as it is. */
export type SeriesPoint = HistoryPoint;

/**
 * Where series history comes from: the embedded store by default, a
 * Prometheus server when the stack file says `history: { prometheus: URL }`.
 * The history capability serves charts from whichever the composition root gives it.
 */
export interface SeriesSource {
  /** Oldest first. Rejects with a readable error when the source cannot answer (Prometheus down). */
  range(query: SeriesQuery): Promise<SeriesPoint[]>;
  /** For the screen: "embedded store at ~/.local/share/…", "Prometheus at http://…". */
  describe(): string;
}
