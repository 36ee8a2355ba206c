/**
 * Prometheus' text exposition format (version 0.0.4), written by hand: it is
 * a few lines of rules, and a scrape builds one string without a library's
 * per-observation label hashing. Checked by `promtool check metrics` in tests.
 */

export const expositionContentType = 'text/plain; version=0.0.4; charset=utf-8';

export type MetricType = 'gauge' | 'counter' | 'histogram';

/** Label names and values in the order they are written; `labelText` escapes them. */
export type Labels = ReadonlyArray<readonly [name: string, value: string]>;

/**
 * Builds one exposition: each family's HELP and TYPE once, then its samples.
 * Labels come rendered (`labelText`), so a series' labels are escaped once
 * however many lines (a histogram's buckets) carry them.
 */
export class ExpositionWriter {
  private out = '';

  family(name: string, type: MetricType, help: string): void {
    this.out += `# HELP ${name} ${escapeHelp(help)}\n# TYPE ${name} ${type}\n`;
  }

  /** `labels` as labelText renders them ('probe="api"'), or '' for none. */
  sample(name: string, labels: string, value: number): void {
    this.out += labels === '' ? `${name} ${formatValue(value)}\n` : `${name}{${labels}} ${formatValue(value)}\n`;
  }

  /** One histogram series: cumulative `_bucket{le}` lines ending in +Inf, then `_sum` and `_count`. */
  histogram(name: string, labels: string, bounds: readonly string[], counts: ArrayLike<number>, sum: number): void {
    const prefix = labels === '' ? `${name}_bucket{le="` : `${name}_bucket{${labels},le="`;
    let cumulative = 0;
    for (let i = 0; i < bounds.length; i++) {
      cumulative += counts[i]!;
      this.out += `${prefix}${bounds[i]}"} ${formatValue(cumulative)}\n`;
    }
    cumulative += counts[bounds.length]!;
    this.out += `${prefix}+Inf"} ${formatValue(cumulative)}\n`;
    this.sample(`${name}_sum`, labels, sum);
    this.sample(`${name}_count`, labels, cumulative);
  }

  text(): string {
    return this.out;
  }
}

/** 'a="x",b="y"': what goes between a sample's braces. */
export function labelText(labels: Labels): string {
  return labels.map(([name, value]) => `${name}="${escapeLabelValue(value)}"`).join(',');
}

/** Go's float syntax as Prometheus parses it: +Inf, -Inf and NaN are spelled its way. */
export function formatValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  return String(value);
}

/** In a label value: backslash, double quote and line feed are escaped; nothing else is. */
export function escapeLabelValue(value: string): string {
  return value.replace(/[\\"\n]/g, (c) => (c === '\n' ? '\\n' : `\\${c}`));
}

/** In HELP text: backslash and line feed only. */
function escapeHelp(help: string): string {
  return help.replace(/[\\\n]/g, (c) => (c === '\n' ? '\\n' : '\\\\'));
}
