import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { parsePrometheusText, seriesNames, sumSeries } from '../../../electron/cache/prometheusText.js';

describe('Prometheus text format', () => {
  it('reads counters with labels from what prom-client really exposes, next to histograms with +Inf buckets', async () => {
    const registry = new Registry();
    const hits = new Counter({ name: 'cache_hits_total', help: 'hits "quoted"\\ and\nnewline', labelNames: ['cache', 'region'], registers: [registry] });
    new Counter({ name: 'cache_misses_total', help: 'misses', labelNames: ['cache'], registers: [registry] }).inc({ cache: 'items' }, 3);
    new Histogram({ name: 'req_seconds', help: 'h', buckets: [0.1, 1], registers: [registry] }).observe(5);
    new Gauge({ name: 'temperature', help: 'g', registers: [registry] }).set(-Infinity);
    hits.inc({ cache: 'items', region: 'eu' }, 7);
    hits.inc({ cache: 'items', region: 'us' }, 5);
    hits.inc({ cache: 'sessions', region: 'a "quoted" \\ value\nwith newline' }, 2);
    const { samples, problems } = parsePrometheusText(await registry.metrics());
    expect(problems).toEqual([]);
    expect(sumSeries(samples, 'cache_hits_total')).toBe(14);
    expect(sumSeries(samples, 'cache_hits_total', { cache: 'items' })).toBe(12);
    expect(sumSeries(samples, 'cache_hits', { cache: 'items', region: 'us' })).toBe(5);
    expect(sumSeries(samples, 'cache_misses_total', { cache: 'items' })).toBe(3);
    expect(samples.find((s) => s.labels.region?.includes('quoted'))?.labels.region).toBe('a "quoted" \\ value\nwith newline');
    expect(samples.find((s) => s.name === 'req_seconds_bucket' && s.labels.le === '+Inf')?.value).toBe(1);
    expect(samples.find((s) => s.name === 'temperature')?.value).toBe(-Infinity);
  });

  it('handles comments, blank lines, timestamps, exponents, NaN and OpenMetrics exemplars', () => {
    const text = [
      '# a free-form comment',
      '',
      '# HELP x_total some help',
      '# TYPE x_total counter',
      'x_total{a="1",} 1.5e3 1700000000000',
      'x_total{a="2"} 2 # {trace_id="abc"} 1.0',
      'y NaN',
      'z +Inf',
      '# EOF',
    ].join('\n');
    const { samples, problems } = parsePrometheusText(text);
    expect(problems).toEqual([]);
    expect(samples[0]).toEqual({ name: 'x_total', labels: { a: '1' }, value: 1500, timestampMs: 1_700_000_000_000 });
    expect(sumSeries(samples, 'x_total')).toBe(1502);
    expect(Number.isNaN(samples.find((s) => s.name === 'y')!.value)).toBe(true);
    expect(samples.find((s) => s.name === 'z')!.value).toBe(Infinity);
  });

  it('reports a broken line and still reads the rest', () => {
    const { samples, problems } = parsePrometheusText('good 1\nbad{a="1 2\nalso_good 3');
    expect(samples.map((s) => s.name)).toEqual(['good', 'also_good']);
    expect(problems[0]).toMatch(/line 2: unterminated value of label a/);
  });

  it('says a metric is missing rather than calling it zero', () => {
    expect(sumSeries(parsePrometheusText('other 1').samples, 'cache_hits_total')).toBeUndefined();
  });

  it('reads only the series asked for, with the same sums, and still reports a broken line among them', async () => {
    const registry = new Registry();
    const hits = new Counter({ name: 'cache_hits_total', help: 'h', labelNames: ['cache'], registers: [registry] });
    new Histogram({ name: 'cache_hits_seconds', help: 'a name that starts like the counter', buckets: [0.1, 1], registers: [registry] }).observe(5);
    hits.inc({ cache: 'items' }, 7);
    const text = await registry.metrics();
    const all = parsePrometheusText(text).samples;
    const only = parsePrometheusText(text, seriesNames('cache_hits', 'cache_misses')).samples;
    expect(only.map((s) => s.name)).toEqual(['cache_hits_total']);
    expect(sumSeries(only, 'cache_hits', { cache: 'items' })).toBe(sumSeries(all, 'cache_hits', { cache: 'items' }));
    const broken = parsePrometheusText('noise{a="1 2\ncache_hits{a="1 2\ncache_hits 4', seriesNames('cache_hits'));
    expect(broken.samples.map((s) => s.value)).toEqual([4]);
    expect(broken.problems).toEqual([expect.stringMatching(/line 2: unterminated value of label a/)]);
  });
});
