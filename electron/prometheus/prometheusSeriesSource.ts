import type { SeriesPoint, SeriesQuery, SeriesSource } from '../core/seriesSource.js';
import { PrometheusApi } from './prometheusApi.js';
import { fieldQueries, type PointField } from './seriesQueries.js';

export interface PrometheusHistoryOptions {
  /** `history: { prometheus: URL }`: the server's base URL, e.g. http://127.0.0.1:9090. */
  url: string;
  /** Label matchers added to every query, to pick one Switchboard among several: { job: "switchboard" }. */
  labels?: Record<string, string>;
  /**
   * The shortest window a rate is taken over: it must hold at least two scrapes.
   * Default 60 s suits scrape intervals up to 30 s; a test scraping every second can use less.
   */
  minWindowMs?: number;
  timeoutMs?: number;
}

/** Prometheus answers at most 11,000 points per series; a chart asks for far fewer. */
const maxPointsPerQuery = 11_000;

/**
 * Series history read from the operator's Prometheus (range queries over the
 * names /metrics exports), instead of the embedded store. A point's `at` is
 * the end of the window it summarises.
 */
export class PrometheusSeriesSource implements SeriesSource {
  private readonly api: PrometheusApi;
  private readonly minWindowMs: number;

  constructor(private readonly options: PrometheusHistoryOptions) {
    this.api = new PrometheusApi(options.url, options.timeoutMs);
    this.minWindowMs = options.minWindowMs ?? 60_000;
  }

  async range(query: SeriesQuery): Promise<SeriesPoint[]> {
    if (query.to <= query.from) return [];
    // Never finer than asked, and coarse enough for Prometheus' point limit.
    const stepMs = Math.max(query.stepMs, 1, Math.ceil((query.to - query.from) / maxPointsPerQuery));
    const windowMs = Math.max(stepMs, this.minWindowMs);
    const queries = Object.entries(fieldQueries(query, windowMs, this.options.labels)) as Array<[PointField, string]>;
    // `to` is exclusive; Prometheus' end is inclusive.
    const end = query.to - 1;
    const answers = await Promise.all(queries.map(([, promql]) => this.api.queryRange(promql, query.from, end, stepMs)));
    const byTime = new Map<number, SeriesPoint>();
    answers.forEach((samples, i) => {
      const field = queries[i]![0];
      for (const [at, value] of samples) {
        if (!Number.isFinite(value)) continue;
        let point = byTime.get(at);
        if (!point) {
          if (field !== 'value') continue;
          byTime.set(at, (point = { at, value }));
        }
        point[field] = value;
      }
    });
    return [...byTime.values()].sort((a, b) => a.at - b.at);
  }

  describe(): string {
    return `Prometheus at ${this.api.shown}`;
  }
}
