import type { SeriesPoint, SeriesQuery } from '../core/seriesSource.js';
import { parseSourceId } from '../../shared/sourceId.js';
import { probeMetrics, signalMetrics, sourceLabel, type LabelledKind } from './metricCatalogue.js';

/** The fields of a SeriesPoint Prometheus can fill, each from its own PromQL expression. */
export type PointField = Exclude<keyof SeriesPoint, 'at'>;
export type FieldQueries = Partial<Record<PointField, string>> & { value: string };

/**
 * How a chart's question becomes PromQL over the names /metrics exports
 * (metricCatalogue.ts); every expression covers the window ending at each
 * evaluation time, and sums over instances and jobs:
 * - probe.latency_ms: mean = rate(_sum) / rate(_count); p50/p95/p99 =
 *   histogram_quantile over rate(_bucket); count = increase(_count); in ms.
 * - probe.up: availability = 1 - rate(failures) / rate(checks); count = checks.
 * - other gauges: avg/min/max_over_time, back in the signal's unit (cores → %).
 * - counters (restarts, hits, misses): the last value in the window.
 */
export function fieldQueries(query: SeriesQuery, windowMs: number, extraLabels: Record<string, string> = {}): FieldQueries {
  const parsed = parseSourceId(query.source);
  if (!parsed || parsed.kind === 'switchboard' || !(parsed.kind in sourceLabel)) throw new Error(`Prometheus holds no series for the source "${query.source}"`);
  const kind = parsed.kind as LabelledKind;
  const measuredOn = query.name === 'probe.latency_ms' ? 'probe' : signalMetrics[query.name].kind;
  if (measuredOn !== kind) throw new Error(`"${query.name}" is not measured for the source "${query.source}"`);
  const selector = `{${Object.entries({ ...extraLabels, [sourceLabel[kind]]: parsed.name })
    .map(([label, value]) => `${label}="${promqlString(value)}"`)
    .join(',')}}`;
  const range = `[${Math.max(1, Math.round(windowMs))}ms]`;
  const rate = (metric: string) => `sum(rate(${metric}${selector}${range}))`;

  if (query.name === 'probe.latency_ms') {
    const { metric } = probeMetrics.latency;
    const quantile = (q: number) => `1000 * histogram_quantile(${q}, sum by (le) (rate(${metric}_bucket${selector}${range})))`;
    return {
      value: `1000 * ${rate(`${metric}_sum`)} / ${rate(`${metric}_count`)}`,
      p50: quantile(0.5),
      p95: quantile(0.95),
      p99: quantile(0.99),
      count: `sum(increase(${metric}_count${selector}${range}))`,
    };
  }
  if (query.name === 'probe.up') {
    return {
      value: `1 - ${rate(probeMetrics.failures.metric)} / ${rate(probeMetrics.checks.metric)}`,
      count: `sum(increase(${probeMetrics.checks.metric}${selector}${range}))`,
    };
  }
  const spec = signalMetrics[query.name];
  const series = `${spec.metric}${selector}${range}`;
  // Exported in base units: the chart wants the signal's own (CPU % rather than cores).
  const unit = spec.scale === 1 ? '' : ` / ${spec.scale}`;
  if (spec.type === 'counter') return { value: `max(last_over_time(${series}))` };
  return {
    value: `avg(avg_over_time(${series}))${unit}`,
    min: `min(min_over_time(${series}))${unit}`,
    max: `max(max_over_time(${series}))${unit}`,
  };
}

/** A PromQL double-quoted string's body: backslash, quote and line breaks escaped. */
export function promqlString(value: string): string {
  return value.replace(/[\\"\n\r]/g, (c) => (c === '\n' ? '\\n' : c === '\r' ? '\\r' : `\\${c}`));
}
