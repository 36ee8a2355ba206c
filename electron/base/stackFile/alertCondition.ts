import { alertMetrics, defaultMetricWindowMs, targetKindLabel, type AlertTargetKind, type MetricSpec, type MetricUnit } from './alertMetrics.js';
import { didYouMean } from './nearestName.js';

export type Comparison = '>' | '>=' | '<' | '<=' | '==' | '!=';

/** A rule's `when:`, parsed once at load so evaluation never reads text. */
export type AlertCondition =
  | {
      kind: 'compare';
      metric: string;
      op: Comparison;
      /** In the metric's base unit (ms, 0..1, %, bytes, ×, count); "target" is the thing's own target. */
      threshold: number | 'target';
      /** Empty for last-sample metrics; one for window and count metrics; one or more for burn rates. */
      windowsMs: number[];
    }
  | { kind: 'state'; metric: string; states: string[]; negated: boolean };

export type ConditionParse = { ok: true; condition: AlertCondition } | { ok: false; message: string };

const examples = '"p95 > 100ms", "restarts > 3 in 10m" or "state in [crash-loop, exited]"';
const comparePattern = /^\s*([A-Za-z][\w]*)\s*(>=|<=|==|!=|>|<)\s*([^\s]+)(?:\s+in\s+(.+?))?\s*$/;
const statePattern = /^\s*([A-Za-z][\w]*)\s+(not\s+in|in)\s*\[(.*)\]\s*$/;

/** `when:` text → a condition for a rule on this kind of thing, or one message saying what to write instead. */
export function parseCondition(text: string, kind: AlertTargetKind): ConditionParse {
  const stateMatch = statePattern.exec(text);
  const compareMatch = stateMatch ? null : comparePattern.exec(text);
  const metricName = stateMatch?.[1] ?? compareMatch?.[1];
  if (metricName === undefined) return fail(`"${text}" is not a condition: write it like ${examples}`);
  const metrics = alertMetrics[kind];
  const spec = metrics[metricName];
  if (!spec) return fail(`${targetKindLabel[kind]} has no "${metricName}": ${didYouMean(metricName, Object.keys(metrics), 'it has')}`);

  if (stateMatch) {
    if (spec.shape !== 'state') return fail(`"${metricName}" is a number: compare it, like ${metricName} ${exampleComparison(spec)}`);
    const states = stateMatch[3]!.split(',').map((s) => s.trim()).filter((s) => s !== '');
    if (states.length === 0) return fail(`"${metricName} in [ ]" lists no state: name at least one of ${spec.states!.join(', ')}`);
    for (const state of states) {
      const bad = unknownState(state, spec, kind, metricName);
      if (bad) return fail(bad);
    }
    return { ok: true, condition: { kind: 'state', metric: metricName, states, negated: stateMatch[2] !== 'in' } };
  }

  const [, , op, written, windowText] = compareMatch!;
  if (spec.shape === 'state') {
    if (op !== '==' && op !== '!=') return fail(`"${metricName}" is a state, not a number: write ${metricName} in [${spec.states!.slice(0, 2).join(', ')}]`);
    const bad = windowText !== undefined ? `"${metricName}" is a state: it takes no "in <window>"` : unknownState(written!, spec, kind, metricName);
    if (bad) return fail(bad);
    return { ok: true, condition: { kind: 'state', metric: metricName, states: [written!], negated: op === '!=' } };
  }

  const windows = parseWindows(windowText, metricName, spec);
  if (!windows.ok) return windows;
  const threshold = parseThreshold(written!, metricName, spec);
  if (!threshold.ok) return threshold;
  return { ok: true, condition: { kind: 'compare', metric: metricName, op: op as Comparison, threshold: threshold.value, windowsMs: windows.value } };
}

function fail(message: string): { ok: false; message: string } {
  return { ok: false, message };
}

function unknownState(state: string, spec: MetricSpec, kind: AlertTargetKind, metric: string): string | undefined {
  if (spec.states!.includes(state)) return undefined;
  return `"${state}" is not a ${metric} of ${targetKindLabel[kind]}: ${didYouMean(state, spec.states!, 'it is one of')}`;
}

function parseWindows(text: string | undefined, metric: string, spec: MetricSpec): { ok: true; value: number[] } | { ok: false; message: string } {
  if (text === undefined) {
    if (spec.shape === 'count') return fail(`"${metric}" counts events: say over how long, like ${metric} > 3 in 10m`);
    if (spec.shape === 'burn') return fail(`"${metric}" needs its windows, like ${metric} > 14.4 in 1h & 5m`);
    return { ok: true, value: spec.shape === 'window' ? [defaultMetricWindowMs] : [] };
  }
  if (spec.shape === 'last') return fail(`"${metric}" is the last sample: it takes no "in <window>" (drop "in ${text}", or use for: to require it for a while)`);
  const parts = text.split(/\s*(?:&|\band\b)\s*/);
  if (parts.length > 1 && spec.shape !== 'burn') return fail(`only burnRate takes several windows; "${metric}" takes one, like ${metric} > 3 in 10m`);
  const value: number[] = [];
  for (const part of parts) {
    const ms = durationMs(part);
    if (ms === undefined || ms < 1000 || ms > 7 * 24 * 3_600_000) return fail(`"${part}" is not a window: write one from 1s to 7d, like 30s, 10m, 1h or 1d`);
    value.push(ms);
  }
  return { ok: true, value };
}

const durationUnits: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

function durationMs(text: string): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)\s*$/.exec(text);
  return match ? Number(match[1]) * durationUnits[match[2]!]! : undefined;
}

const byteUnits: Record<string, number> = { b: 1, kb: 1e3, mb: 1e6, gb: 1e9, kib: 1024, mib: 1024 ** 2, gib: 1024 ** 3 };

const unitHelp: Record<MetricUnit, string> = {
  ms: 'a duration like 100ms or 2s',
  ratio: 'a ratio like 80% or 0.8',
  percent: 'a percentage like 80%',
  bytes: 'a size like 512MB or 1GiB',
  factor: 'a factor like 14.4 or 14.4x',
  flag: '0 or 1',
  count: 'a whole number like 3',
};

function parseThreshold(text: string, metric: string, spec: MetricSpec): { ok: true; value: number | 'target' } | { ok: false; message: string } {
  if (text === 'target') {
    return spec.hasTarget ? { ok: true, value: 'target' } : fail(`only hitRate compares with "target" (the cache's own target); give "${metric}" ${unitHelp[spec.unit!]}`);
  }
  const value = thresholdValue(text, spec.unit!);
  if (value === undefined) return fail(`"${text}" is not ${unitHelp[spec.unit!]}, which "${metric}" is compared with`);
  return { ok: true, value };
}

function thresholdValue(text: string, unit: MetricUnit): number | undefined {
  const number = /^\d+(?:\.\d+)?$/.test(text) ? Number(text) : undefined;
  const percent = /^(\d+(?:\.\d+)?)%$/.exec(text);
  switch (unit) {
    case 'ms':
      return number ?? durationMs(text);
    case 'ratio':
      if (percent) return Number(percent[1]) <= 100 ? Number(percent[1]) / 100 : undefined;
      return number !== undefined && number <= 1 ? number : undefined;
    case 'percent':
      return percent ? Number(percent[1]) : number;
    case 'bytes': {
      const match = /^(\d+(?:\.\d+)?)\s*([KMG]i?B|B)$/i.exec(text);
      return match ? Number(match[1]) * byteUnits[match[2]!.toLowerCase()]! : number;
    }
    case 'factor': {
      const match = /^(\d+(?:\.\d+)?)x$/i.exec(text);
      return match ? Number(match[1]) : number;
    }
    case 'flag':
      return number === 0 || number === 1 ? number : undefined;
    case 'count':
      return number !== undefined && Number.isInteger(number) ? number : undefined;
  }
}

function exampleComparison(spec: MetricSpec): string {
  const sample: Record<MetricUnit, string> = { ms: '> 100ms', ratio: '< 80%', percent: '> 80%', bytes: '> 512MB', factor: '> 14.4 in 1h & 5m', flag: '< 1', count: '> 3 in 10m' };
  return sample[spec.unit!];
}
