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
 * names /metrics exports), instead of the embedded store. Points are buckets
 * as the store gives them: `at` is the start of a step-long bucket on the
 * epoch-aligned grid, and the value summarises the window ending at the
 * bucket's end (a window longer than the step when minWindowMs asks for it).
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
    // Evaluated at each bucket's end: from the end of the bucket holding `from` to the end of the one holding `to` - 1 (exclusive `to`).
    const firstEnd = Math.floor(query.from / stepMs) * stepMs + stepMs;
    const lastEnd = Math.floor((query.to - 1) / stepMs) * stepMs + stepMs;
    const answers = await Promise.all(queries.map(([, promql]) => this.api.queryRange(promql, firstEnd, lastEnd, stepMs)));
    const byTime = new Map<number, SeriesPoint>();
    // fieldQueries lists `value` first: a point exists when its value does, the other fields join it.
    answers.forEach((samples, i) => {
      const field = queries[i]![0];
      for (const [end, value] of samples) {
        if (!Number.isFinite(value)) continue;
        const at = end - stepMs;
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

/**
 * The series source the stack file's `history:` asks for: Prometheus when it
 * names one (`history: { prometheus: URL }`), else undefined (the embedded store).
 */
export function prometheusHistoryFor(history: { prometheus?: string | undefined } | false | undefined): PrometheusSeriesSource | undefined {
  return history && history.prometheus ? new PrometheusSeriesSource({ url: history.prometheus }) : undefined;
}
