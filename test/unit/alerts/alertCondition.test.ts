import { describe, expect, it } from 'vitest';
import { parseCondition } from '../../../electron/base/stackFile/alertCondition.js';
import type { AlertTargetKind } from '../../../electron/base/stackFile/alertMetrics.js';

function parsed(text: string, kind: AlertTargetKind) {
  const result = parseCondition(text, kind);
  if (!result.ok) throw new Error(result.message);
  return result.condition;
}

function problem(text: string, kind: AlertTargetKind): string {
  const result = parseCondition(text, kind);
  if (result.ok) throw new Error(`expected a problem, got ${JSON.stringify(result.condition)}`);
  return result.message;
}

describe('alert conditions', () => {
  it('reads thresholds in the operator’s units', () => {
    expect(parsed('p95 > 100ms', 'probe')).toEqual({ kind: 'compare', metric: 'p95', op: '>', threshold: 100, windowsMs: [300_000] });
    expect(parsed('p99 >= 2s in 1m', 'probe')).toMatchObject({ threshold: 2000, windowsMs: [60_000] });
    expect(parsed('hitRate < 80%', 'cache')).toMatchObject({ threshold: 0.8, windowsMs: [] });
    expect(parsed('hitRate < 0.5', 'cache')).toMatchObject({ threshold: 0.5 });
    expect(parsed('hitRate < target', 'cache')).toMatchObject({ threshold: 'target' });
    expect(parsed('restarts > 3 in 10m', 'container')).toMatchObject({ metric: 'restarts', threshold: 3, windowsMs: [600_000] });
    expect(parsed('memory > 512MB', 'container')).toMatchObject({ threshold: 512e6 });
    expect(parsed('memory > 1GiB', 'container')).toMatchObject({ threshold: 1024 ** 3 });
    expect(parsed('cpu > 80%', 'container')).toMatchObject({ threshold: 80 });
    expect(parsed('burnRate > 14.4x in 1h & 5m', 'probe')).toMatchObject({ threshold: 14.4, windowsMs: [3_600_000, 300_000] });
    expect(parsed('burnRate > 6 in 6h and 30m', 'probe')).toMatchObject({ threshold: 6, windowsMs: [21_600_000, 1_800_000] });
    expect(parsed('up < 1', 'engine')).toMatchObject({ metric: 'up', op: '<', threshold: 1 });
  });

  it('reads states as a list or one comparison', () => {
    expect(parsed('state in [crash-loop, exited]', 'mcp')).toEqual({ kind: 'state', metric: 'state', states: ['crash-loop', 'exited'], negated: false });
    expect(parsed('state not in [ready]', 'mcp')).toMatchObject({ states: ['ready'], negated: true });
    expect(parsed('health == unhealthy', 'container')).toMatchObject({ kind: 'state', states: ['unhealthy'], negated: false });
    expect(parsed('status != ok', 'probe')).toMatchObject({ states: ['ok'], negated: true });
  });

  it('says what a condition looks like when it is none', () => {
    expect(problem('p95 is slow', 'probe')).toBe('"p95 is slow" is not a condition: write it like "p95 > 100ms", "restarts > 3 in 10m" or "state in [crash-loop, exited]"');
  });

  it('suggests the metric the operator meant, or lists what the thing has', () => {
    expect(problem('p96 > 100ms', 'probe')).toBe('a probe has no "p96": did you mean "p95"?');
    expect(problem('temperature > 3', 'engine')).toBe('a Docker engine has no "temperature": it has: up');
  });

  it('tells a number from a state', () => {
    expect(problem('p95 in [fast]', 'probe')).toBe('"p95" is a number: compare it, like p95 > 100ms');
    expect(problem('state > 1', 'mcp')).toBe('"state" is a state, not a number: write state in [stopped, starting]');
    expect(problem('state == ready in 5m', 'mcp')).toBe('"state" is a state: it takes no "in <window>"');
  });

  it('names unknown states with a suggestion', () => {
    expect(problem('state in [crashloop]', 'mcp')).toBe('"crashloop" is not a state of an MCP server: did you mean "crash-loop"?');
    expect(problem('health == sick', 'container')).toBe('"sick" is not a health of a container: it is one of: healthy, unhealthy, starting');
    expect(problem('state in [ ]', 'mcp')).toBe('"state in [ ]" lists no state: name at least one of stopped, starting, ready, degraded, exited, backoff, crash-loop');
  });

  it('asks for windows where a metric needs them and refuses them where it takes none', () => {
    expect(problem('restarts > 3', 'container')).toBe('"restarts" counts events: say over how long, like restarts > 3 in 10m');
    expect(problem('burnRate > 14.4', 'probe')).toBe('"burnRate" needs its windows, like burnRate > 14.4 in 1h & 5m');
    expect(problem('latency > 100ms in 5m', 'probe')).toBe('"latency" is the last sample: it takes no "in <window>" (drop "in 5m", or use for: to require it for a while)');
    expect(problem('restarts > 3 in 10m & 1h', 'container')).toBe('only burnRate takes several windows; "restarts" takes one, like restarts > 3 in 10m');
    expect(problem('restarts > 3 in 10 minutes', 'container')).toBe('"10 minutes" is not a window: write one from 1s to 7d, like 30s, 10m, 1h or 1d');
    expect(problem('restarts > 3 in 500ms', 'container')).toBe('"500ms" is not a window: write one from 1s to 7d, like 30s, 10m, 1h or 1d');
  });

  it('checks the threshold’s unit against the metric', () => {
    expect(problem('p95 > 80%', 'probe')).toBe('"80%" is not a duration like 100ms or 2s, which "p95" is compared with');
    expect(problem('hitRate < 120%', 'cache')).toBe('"120%" is not a ratio like 80% or 0.8, which "hitRate" is compared with');
    expect(problem('memory > lots', 'container')).toBe('"lots" is not a size like 512MB or 1GiB, which "memory" is compared with');
    expect(problem('up < 2', 'engine')).toBe('"2" is not 0 or 1, which "up" is compared with');
    expect(problem('restarts > 2.5 in 10m', 'container')).toBe('"2.5" is not a whole number like 3, which "restarts" is compared with');
    expect(problem('burnRate > fast in 1h', 'probe')).toBe('"fast" is not a factor like 14.4 or 14.4x, which "burnRate" is compared with');
    expect(problem('cpu > hot', 'container')).toBe('"hot" is not a percentage like 80%, which "cpu" is compared with');
    expect(problem('p95 > target', 'probe')).toBe('only hitRate compares with "target" (the cache\'s own target); give "p95" a duration like 100ms or 2s');
  });
});
