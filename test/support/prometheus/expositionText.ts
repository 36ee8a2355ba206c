/**
 * A small reader of Prometheus' text exposition for tests: it parses every
 * line strictly and checks the rules a scraper relies on (TYPE before
 * samples, one family block each, cumulative buckets ending at +Inf equal to
 * _count). promtool checks the same where Debian's prometheus is installed.
 */
export interface ParsedExposition {
  types: Map<string, string>;
  /** Keyed `name{a="x",b="y"}` exactly as written (labels in written order). */
  samples: Map<string, number>;
}

const sampleLine = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(.*)\})? (\S+)$/;
const labelPair = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\\n]|\\[\\"n])*)"(,|$)/y;

export function parseExposition(text: string): ParsedExposition {
  if (text !== '' && !text.endsWith('\n')) throw new Error('exposition must end with a line feed');
  const types = new Map<string, string>();
  const samples = new Map<string, number>();
  const closed = new Set<string>();
  let current: string | undefined;
  for (const line of text.split('\n').slice(0, -1)) {
    const meta = /^# (HELP|TYPE) ([a-zA-Z_:][a-zA-Z0-9_:]*) ?(.*)$/.exec(line);
    if (meta) {
      const [, what, family, rest] = meta;
      if (family !== current) {
        if (current) closed.add(current);
        if (closed.has(family!)) throw new Error(`family ${family} appears in two blocks`);
        current = family;
      }
      if (what === 'TYPE') {
        if (!['counter', 'gauge', 'histogram', 'summary', 'untyped'].includes(rest!)) throw new Error(`bad type in: ${line}`);
        types.set(family!, rest!);
      }
      continue;
    }
    const match = sampleLine.exec(line);
    if (!match) throw new Error(`not a sample line: ${JSON.stringify(line)}`);
    const [, name, , labelText = '', valueText] = match;
    const family = familyOf(name!, types);
    if (family !== current) throw new Error(`sample ${name} outside its family's block (TYPE missing or misplaced)`);
    labelPair.lastIndex = 0;
    while (labelPair.lastIndex < labelText.length) {
      if (!labelPair.exec(labelText)) throw new Error(`bad labels in: ${line}`);
    }
    const value = valueText === '+Inf' ? Infinity : valueText === '-Inf' ? -Infinity : valueText === 'NaN' ? NaN : Number(valueText);
    if (Number.isNaN(value) && valueText !== 'NaN') throw new Error(`bad value in: ${line}`);
    const key = `${name}{${labelText}}`;
    if (samples.has(key)) throw new Error(`duplicate sample ${key}`);
    samples.set(key, value);
  }
  checkHistograms(types, samples);
  return { types, samples };
}

function familyOf(name: string, types: Map<string, string>): string {
  for (const suffix of ['_bucket', '_sum', '_count']) {
    const base = name.slice(0, -suffix.length);
    if (name.endsWith(suffix) && types.get(base) === 'histogram') return base;
  }
  return name;
}

function checkHistograms(types: Map<string, string>, samples: Map<string, number>): void {
  for (const [family, type] of types) {
    if (type !== 'histogram') continue;
    const series = new Map<string, Array<[number, number]>>();
    for (const [key, value] of samples) {
      const m = new RegExp(`^${family}_bucket\\{(.*?),?le="([^"]+)"\\}$`).exec(key);
      if (!m) continue;
      const le = m[2] === '+Inf' ? Infinity : Number(m[2]);
      series.set(m[1]!, [...(series.get(m[1]!) ?? []), [le, value]]);
    }
    for (const [labels, buckets] of series) {
      let previous = -Infinity;
      let cumulative = 0;
      for (const [le, value] of buckets) {
        if (le <= previous || value < cumulative) throw new Error(`${family}{${labels}} buckets not ascending and cumulative`);
        previous = le;
        cumulative = value;
      }
      if (previous !== Infinity) throw new Error(`${family}{${labels}} has no +Inf bucket`);
      if (samples.get(`${family}_count{${labels}}`) !== cumulative) throw new Error(`${family}{${labels}} _count differs from the +Inf bucket`);
      if (!samples.has(`${family}_sum{${labels}}`)) throw new Error(`${family}{${labels}} has no _sum`);
    }
  }
}
