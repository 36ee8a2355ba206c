import { describe, expect, it } from 'vitest';
import { fieldQueries, promqlString } from '../../../electron/prometheus/seriesQueries.js';
import { PrometheusSeriesSource, prometheusHistoryFor } from '../../../electron/prometheus/prometheusSeriesSource.js';

const span = { from: 0, to: 3_600_000, stepMs: 60_000 };

describe('a chart\'s question as PromQL over the exported names', () => {
  it('reads probe latency from the histogram: mean from _sum/_count, percentiles from the buckets, in ms', () => {
    const q = fieldQueries({ ...span, source: 'probe:api', name: 'probe.latency_ms' }, 60_000);
    expect(q.value).toBe('1000 * sum(rate(switchboard_probe_latency_seconds_sum{probe="api"}[60000ms])) / sum(rate(switchboard_probe_latency_seconds_count{probe="api"}[60000ms]))');
    expect(q.p95).toBe('1000 * histogram_quantile(0.95, sum by (le) (rate(switchboard_probe_latency_seconds_bucket{probe="api"}[60000ms])))');
    expect(q.count).toBe('sum(increase(switchboard_probe_latency_seconds_count{probe="api"}[60000ms]))');
  });

  it('reads availability from the check counters, gauges over time in the signal\'s unit, counters as their last value', () => {
    expect(fieldQueries({ ...span, source: 'probe:api', name: 'probe.up' }, 5_000).value).toBe(
      '1 - sum(rate(switchboard_probe_failures_total{probe="api"}[5000ms])) / sum(rate(switchboard_probe_checks_total{probe="api"}[5000ms]))',
    );
    const cpu = fieldQueries({ ...span, source: 'container:web', name: 'container.cpu_percent' }, 60_000, { job: 'switchboard' });
    expect(cpu).toEqual({
      value: 'avg(avg_over_time(switchboard_container_cpu_cores{job="switchboard",container="web"}[60000ms])) / 0.01',
      min: 'min(min_over_time(switchboard_container_cpu_cores{job="switchboard",container="web"}[60000ms])) / 0.01',
      max: 'max(max_over_time(switchboard_container_cpu_cores{job="switchboard",container="web"}[60000ms])) / 0.01',
    });
    expect(fieldQueries({ ...span, source: 'mcp:pg', name: 'mcp.restarts_total' }, 60_000)).toEqual({ value: 'max(last_over_time(switchboard_mcp_server_restarts_total{server="pg"}[60000ms]))' });
  });

  it('refuses a source that has no such series, and escapes names', () => {
    expect(() => fieldQueries({ ...span, source: 'switchboard', name: 'probe.up' }, 1_000)).toThrow('Prometheus holds no series for the source "switchboard"');
    expect(() => fieldQueries({ ...span, source: 'container:web', name: 'probe.up' }, 1_000)).toThrow('"probe.up" is not measured for the source "container:web"');
    expect(promqlString('a"b\\c\nd')).toBe('a\\"b\\\\c\\nd');
  });

  it('is what history: { prometheus } asks for, and nothing otherwise', () => {
    expect(prometheusHistoryFor({ prometheus: 'http://127.0.0.1:9090' })?.describe()).toBe('Prometheus at http://127.0.0.1:9090');
    expect(prometheusHistoryFor({})).toBeUndefined();
    expect(prometheusHistoryFor(false)).toBeUndefined();
    expect(prometheusHistoryFor(undefined)).toBeUndefined();
  });

  it('never shows credentials from the URL', () => {
    expect(new PrometheusSeriesSource({ url: 'https://ops:s3cret@prom.example:9090/prefix' }).describe()).toBe('Prometheus at https://prom.example:9090/prefix');
    expect(() => new PrometheusSeriesSource({ url: 'ftp://prom' })).toThrow('a Prometheus URL is http or https, not ftp:');
  });
});
