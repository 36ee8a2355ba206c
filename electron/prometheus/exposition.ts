/**
 * Prometheus' text exposition format (version 0.0.4), written by hand: it is
 * a few lines of rules, and a scrape builds one string without a library's
 * per-observation label hashing. Checked by `promtool check metrics` in tests.
 */

export const expositionContentType = 'text/plain; version=0.0.4; charset=utf-8';

export type MetricType = 'gauge' | 'counter' | 'histogram';

/** Label names in the order they are written; values are escaped here. */
export type Labels = ReadonlyArray<readonly [name: string, value: string]>;

/** Builds one exposition: each family's HELP and TYPE once, then its samples. */
export class ExpositionWriter {
  private readonly parts: string[] = [];

  family(name: string, type: MetricType, help: string): void {
    this.parts.push(`# HELP ${name} ${escapeHelp(help)}\n# TYPE ${name} ${type}\n`);
  }

  sample(name: string, labels: Labels, value: number): void {
    this.parts.push(`${name}${labelText(labels)} ${formatValue(value)}\n`);
  }

  /** One histogram series: cumulative `_bucket{le}` lines ending in +Inf, then `_sum` and `_count`. */
  histogram(name: string, labels: Labels, bounds: ArrayLike<number>, counts: ArrayLike<number>, sum: number): void {
    let cumulative = 0;
    for (let i = 0; i < bounds.length; i++) {
      cumulative += counts[i]!;
      this.sample(`${name}_bucket`, [...labels, ['le', formatValue(bounds[i]!)]], cumulative);
    }
    cumulative += counts[bounds.length]!;
    this.sample(`${name}_bucket`, [...labels, ['le', '+Inf']], cumulative);
    this.sample(`${name}_sum`, labels, sum);
    this.sample(`${name}_count`, labels, cumulative);
  }

  text(): string {
    return this.parts.join('');
  }
}

/** Go's float syntax as Prometheus parses it: +Inf, -Inf and NaN are spelled its way. */
export function formatValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  return String(value);
}

function labelText(labels: Labels): string {
  if (labels.length === 0) return '';
  return `{${labels.map(([name, value]) => `${name}="${escapeLabelValue(value)}"`).join(',')}}`;
}

/** In a label value: backslash, double quote and line feed are escaped; nothing else is. */
export function escapeLabelValue(value: string): string {
  return value.replace(/[\\"\n]/g, (c) => (c === '\n' ? '\\n' : `\\${c}`));
}

/** In HELP text: backslash and line feed only. */
function escapeHelp(help: string): string {
  return help.replace(/[\\\n]/g, (c) => (c === '\n' ? '\\n' : '\\\\'));
}
