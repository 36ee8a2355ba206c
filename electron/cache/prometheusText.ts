/** One sample line of the Prometheus text exposition format. */
export interface PromSample {
  name: string;
  labels: Record<string, string>;
  value: number;
  timestampMs?: number;
}

/**
 * Parses the Prometheus text format (0.0.4, and the OpenMetrics lines it
 * shares): comments and HELP/TYPE lines are skipped, label values may hold
 * escaped quotes, backslashes and newlines, values may be NaN or ±Inf, and an
 * OpenMetrics exemplar after the value is ignored. Lines that don't parse are
 * reported rather than thrown, so one odd line never hides the counters.
 */
export function parsePrometheusText(text: string, only?: ReadonlySet<string>): { samples: PromSample[]; problems: string[] } {
  const samples: PromSample[] = [];
  const problems: string[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '' || line.startsWith('#')) continue;
    if (only && !only.has(metricNameOf(line))) continue;
    try {
      samples.push(parseSampleLine(line));
    } catch (err) {
      if (problems.length < 5) problems.push(`line ${i + 1}: ${(err as Error).message}`);
    }
  }
  return { samples, problems };
}

/** The name a sample line starts with, read without a regex: a /metrics page is mostly series nobody asked for. */
function metricNameOf(line: string): string {
  let end = 0;
  while (end < line.length) {
    const c = line.charCodeAt(end);
    if (c === 123 /* { */ || c === 32 /* space */ || c === 9 /* tab */) break;
    end++;
  }
  return line.slice(0, end);
}

function parseSampleLine(line: string): PromSample {
  const nameMatch = /^[a-zA-Z_:][a-zA-Z0-9_:]*/.exec(line);
  if (!nameMatch) throw new Error(`no metric name in "${line.slice(0, 60)}"`);
  const name = nameMatch[0];
  let pos = name.length;
  const labels: Record<string, string> = {};
  if (line[pos] === '{') {
    pos++;
    for (;;) {
      while (line[pos] === ' ' || line[pos] === ',') pos++;
      if (line[pos] === '}') {
        pos++;
        break;
      }
      const labelMatch = /^[a-zA-Z_][a-zA-Z0-9_]*/.exec(line.slice(pos));
      if (!labelMatch) throw new Error(`bad label name at column ${pos + 1}`);
      pos += labelMatch[0].length;
      while (line[pos] === ' ') pos++;
      if (line[pos] !== '=' || line[pos + 1] !== '"') throw new Error(`expected ="…" after label ${labelMatch[0]}`);
      pos += 2;
      let value = '';
      for (;;) {
        const ch = line[pos];
        if (ch === undefined) throw new Error(`unterminated value of label ${labelMatch[0]}`);
        pos++;
        if (ch === '"') break;
        if (ch === '\\') {
          const next = line[pos++];
          value += next === 'n' ? '\n' : next === '"' ? '"' : next === '\\' ? '\\' : `\\${next ?? ''}`;
        } else value += ch;
      }
      labels[labelMatch[0]] = value;
    }
  }
  // An OpenMetrics exemplar ("# {trace_id=…} 1.0") may follow the value.
  const rest = line.slice(pos).split(' # ')[0]!.trim().split(/\s+/);
  if (!rest[0]) throw new Error(`no value for ${name}`);
  const value = parseValue(rest[0]);
  const sample: PromSample = { name, labels, value };
  if (rest[1] !== undefined) {
    const ts = Number(rest[1]);
    if (Number.isFinite(ts)) sample.timestampMs = ts;
  }
  return sample;
}

function parseValue(text: string): number {
  switch (text) {
    case '+Inf':
    case 'Inf':
      return Infinity;
    case '-Inf':
      return -Infinity;
    case 'NaN':
      return NaN;
  }
  const value = Number(text);
  if (Number.isNaN(value)) throw new Error(`"${text}" is not a number`);
  return value;
}

/**
 * The sum of every series of `metric` whose labels include `filter`. A counter
 * named `cache_hits` is also found as `cache_hits_total`, the name client
 * libraries expose it under. Undefined when no series matched.
 */
/** The names `sumSeries` looks for when asked for `metrics`, to pass to `parsePrometheusText` as `only`. */
export function seriesNames(...metrics: string[]): Set<string> {
  return new Set(metrics.flatMap((m) => [m, `${m}_total`]));
}

export function sumSeries(samples: readonly PromSample[], metric: string, filter: Record<string, string> = {}): number | undefined {
  let sum: number | undefined;
  for (const s of samples) {
    if (s.name !== metric && s.name !== `${metric}_total`) continue;
    if (!Object.entries(filter).every(([k, v]) => s.labels[k] === v)) continue;
    if (!Number.isFinite(s.value)) continue;
    sum = (sum ?? 0) + s.value;
  }
  return sum;
}
