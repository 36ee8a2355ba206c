import type { AlertCondition, Comparison } from '../base/stackFile/alertCondition.js';
import type { SourceReadings } from './sourceReadings.js';

/** What a condition came to for one thing: holds (undefined: nothing observed yet), the value it saw, and when it may change without new input. */
export interface ConditionResult {
  holds: boolean | undefined;
  value?: number | string;
  changesAt?: number;
}

/** The thing's own targets from the stack file: a cache's hit-rate target, a probe's availability SLO. */
export interface TargetsOf {
  target?: number;
  availability?: number;
}

export function checkCondition(condition: AlertCondition, readings: SourceReadings, targets: TargetsOf, now: number): ConditionResult {
  if (condition.kind === 'state') {
    const state = readings.states.get(condition.metric);
    if (state === undefined) return { holds: undefined };
    return { holds: condition.states.includes(state) !== condition.negated, value: state };
  }
  const threshold = condition.threshold === 'target' ? targets.target : condition.threshold;
  if (threshold === undefined) return { holds: undefined };
  const window = condition.windowsMs[0] ?? 0;
  switch (condition.metric) {
    case 'restarts':
    case 'oomKills': {
      const { count, dropsAt } = readings.countWithin(condition.metric, now, window);
      return { holds: compare(count, condition.op, threshold), value: count, ...(dropsAt !== undefined ? { changesAt: dropsAt } : {}) };
    }
    case 'p50':
    case 'p95':
    case 'p99': {
      const values = readings.samplesWithin('latency', now, window).map((s) => s.value);
      if (values.length === 0) return { holds: undefined };
      const value = percentile(values, Number(condition.metric.slice(1)));
      return { holds: compare(value, condition.op, threshold), value };
    }
    case 'availability': {
      const { count, failed } = readings.countsWithin('up', now, window);
      if (count === 0) return { holds: undefined };
      const value = (count - failed) / count;
      return { holds: compare(value, condition.op, threshold), value };
    }
    case 'burnRate':
      return burnRate(condition.windowsMs, condition.op, threshold, readings, targets.availability, now);
    default: {
      const value = readings.last.get(condition.metric);
      if (value === undefined) return { holds: undefined };
      return { holds: compare(value, condition.op, threshold), value };
    }
  }
}

/**
 * The SRE workbook's multi-window burn rate: the error rate over each window
 * divided by the error budget (1 − SLO). Every window must exceed the
 * threshold; the value shown is the smallest burn, the one that decides.
 */
function burnRate(windows: number[], op: Comparison, threshold: number, readings: SourceReadings, slo: number | undefined, now: number): ConditionResult {
  if (slo === undefined || slo >= 1) return { holds: undefined };
  let smallest = Infinity;
  let holds = true;
  for (const window of windows) {
    const { count, failed } = readings.countsWithin('up', now, window);
    // A first failed sample is a 100 % error rate: too few samples say nothing about a budget.
    if (count < minBurnSamples) return { holds: undefined };
    const burn = failed / count / (1 - slo);
    smallest = Math.min(smallest, burn);
    holds &&= compare(burn, op, threshold);
  }
  return { holds, value: Number(smallest.toFixed(2)) };
}

const minBurnSamples = 10;

function compare(value: number, op: Comparison, threshold: number): boolean {
  switch (op) {
    case '>':
      return value > threshold;
    case '>=':
      return value >= threshold;
    case '<':
      return value < threshold;
    case '<=':
      return value <= threshold;
    case '==':
      return value === threshold;
    case '!=':
      return value !== threshold;
  }
}

/** Nearest-rank percentile. */
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
