import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AlertEvaluator } from '../../../electron/alerts/alertEvaluator.js';
import type { Transition } from '../../../electron/alerts/alertBook.js';
import { EventBus, SignalBus } from '../../../electron/core/stackBus.js';
import { SecretMasker } from '../../../electron/base/secrets/secretMasker.js';
import { stackSchema, type StackInput } from '../../../electron/base/stackFile/stack.js';
import { sourceId } from '../../../shared/sourceId.js';
import type { SignalName } from '../../../shared/stackEvents.js';

const rethrow = (error: unknown) => {
  throw error;
};

function setup(input: StackInput = {}) {
  const events = new EventBus(new SecretMasker(), rethrow);
  const signals = new SignalBus(rethrow);
  const evaluator = new AlertEvaluator({ events, signals }, stackSchema.parse(input));
  const transitions: Transition[] = [];
  evaluator.transitions.on((t) => transitions.push(t));
  let changes = 0;
  evaluator.changed.on(() => changes++);
  const signal = (source: string, name: SignalName, value: number) => signals.record({ source, name, value, at: Date.now() });
  const fired = () => transitions.map((t) => `${t.kind} ${t.alert.rule} ${t.alert.source}${t.send ? '' : ' (not sent)'}`);
  return { events, signals, evaluator, transitions, fired, signal, changes: () => changes };
}

describe('alert evaluation', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: new Date('2026-12-01T10:00:00Z') });
  });
  afterEach(() => vi.useRealTimers());

  it('holds a probe failure pending for its for:, fires once by the deadline timer, resolves when it passes', () => {
    const { evaluator, signal, fired } = setup();
    const probe = sourceId.probe('backend-health');
    signal(probe, 'probe.up', 0);
    expect(evaluator.state().active).toMatchObject([{ rule: 'probe-down', state: 'pending' }]);
    vi.advanceTimersByTime(30_000);
    signal(probe, 'probe.up', 0);
    expect(fired()).toEqual([]);
    // No sample arrives at the 60 s mark: the one deadline timer fires the alert.
    vi.advanceTimersByTime(30_000);
    expect(fired()).toEqual(['firing probe-down probe:backend-health']);
    const firing = evaluator.state().active[0]!;
    expect(firing).toMatchObject({ state: 'firing', severity: 'error', firingId: 'probe-down|probe:backend-health#1', link: '#/dashboards?tab=health&probe=backend-health' });
    expect(firing.summary).toBe('probe failing for 1 min — probe backend-health: up = 0');
    expect(evaluator.state().worst).toBe('error');
    signal(probe, 'probe.up', 0);
    signal(probe, 'probe.up', 0);
    expect(fired()).toHaveLength(1);
    signal(probe, 'probe.up', 1);
    expect(fired()).toEqual(['firing probe-down probe:backend-health', 'resolved probe-down probe:backend-health']);
    expect(evaluator.state().active).toEqual([]);
    expect(evaluator.state().resolved).toMatchObject([{ rule: 'probe-down', state: 'resolved' }]);
  });

  it('forgets a pending alert whose condition stops holding before for: ends', () => {
    const { evaluator, signal, fired } = setup();
    signal(sourceId.probe('p'), 'probe.up', 0);
    vi.advanceTimersByTime(20_000);
    signal(sourceId.probe('p'), 'probe.up', 1);
    vi.advanceTimersByTime(120_000);
    expect(fired()).toEqual([]);
    expect(evaluator.state().active).toEqual([]);
  });

  it('keeps no timer when nothing is pending: idle costs nothing', () => {
    const { signal } = setup();
    signal(sourceId.probe('p'), 'probe.up', 1);
    signal(sourceId.probe('p'), 'probe.latency_ms', 12);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('fires the MCP crash-loop rule at once from the server’s state event', () => {
    const { events, fired, evaluator } = setup();
    events.publish({ source: sourceId.mcp('postgres'), kind: 'mcp.state', severity: 'error', summary: 'crash-loop', details: { state: 'crash-loop', previous: 'backoff' } });
    expect(fired()).toEqual(['firing mcp-crash-loop mcp:postgres']);
    expect(evaluator.state().active[0]).toMatchObject({ severity: 'critical', link: '#/mcp?server=postgres' });
    events.publish({ source: sourceId.mcp('postgres'), kind: 'mcp.state', severity: 'info', summary: 'ready', details: { state: 'ready', previous: 'starting' } });
    expect(fired()).toEqual(['firing mcp-crash-loop mcp:postgres', 'resolved mcp-crash-loop mcp:postgres']);
  });

  it('counts restarts in a sliding window and resolves when they slide out, by the timer', () => {
    const { events, fired } = setup();
    const web = sourceId.container('web');
    for (let i = 0; i < 4; i++) {
      events.publish({ source: web, kind: 'container.restart', severity: 'warning', summary: 'restarted' });
      vi.advanceTimersByTime(1_000);
    }
    expect(fired()).toEqual(['firing container-restarting container:web']);
    vi.advanceTimersByTime(10 * 60_000);
    expect(fired()).toEqual(['firing container-restarting container:web', 'resolved container-restarting container:web']);
  });

  it('fires container OOM and unhealthy from the engine’s events', () => {
    const { events, fired } = setup();
    events.publish({ source: sourceId.container('db'), kind: 'container.oom', severity: 'error', summary: 'OOM-killed' });
    events.publish({ source: sourceId.container('db'), kind: 'container.health', severity: 'error', summary: 'unhealthy', details: { status: 'unhealthy' } });
    expect(fired()).toEqual(['firing container-oom-killed container:db', 'firing container-unhealthy container:db']);
  });

  it('fires engine-unreachable after 30 s of engine.up = 0', () => {
    const { signal, fired } = setup();
    signal(sourceId.engine('local'), 'engine.up', 0);
    vi.advanceTimersByTime(29_999);
    expect(fired()).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(fired()).toEqual(['firing engine-unreachable engine:local']);
  });

  it('compares a cache with its own target from the stack file', () => {
    const { signal, fired, evaluator } = setup({ cache: { backend: { redis: 'redis://127.0.0.1:6379', target: '90%' } }, alerts: { 'cache-below-target': { cache: '*', when: 'hitRate < target', for: '1m' } } });
    signal(sourceId.cache('backend'), 'cache.hit_rate', 0.85);
    vi.advanceTimersByTime(60_000);
    expect(fired()).toEqual(['firing cache-below-target cache:backend']);
    expect(evaluator.state().active[0]!.summary).toBe('hitRate < target — cache backend: hitRate = 85.0%');
  });

  it('tells listeners when a pending alert’s summary changes, not when its value moves within the digits it shows', () => {
    const { signal, changes, evaluator } = setup({ cache: { backend: { redis: 'redis://127.0.0.1:6379', target: '90%' } } });
    signal(sourceId.cache('backend'), 'cache.hit_rate', 0.8501);
    const before = changes();
    expect(evaluator.state().active).toMatchObject([{ state: 'pending', summary: expect.stringMatching(/hitRate = 85\.0%$/) }]);
    signal(sourceId.cache('backend'), 'cache.hit_rate', 0.8502);
    expect(changes()).toBe(before);
    signal(sourceId.cache('backend'), 'cache.hit_rate', 0.86);
    expect(changes()).toBe(before + 1);
    expect(evaluator.state().active[0]!.summary).toMatch(/hitRate = 86\.0%$/);
  });

  it('fires the fast SLO burn when both windows burn over 14.4× the budget', () => {
    const { signal, fired } = setup({ probes: { api: { url: 'http://127.0.0.1:1/', slo: { availability: '99%' } } }, alerts: { 'probe-down': { off: true } } });
    const api = sourceId.probe('api');
    // An hour at 99.5 % (half the budget's rate), then a burst of failures: only when the 1 h window burns too does it fire.
    for (let i = 0; i < 720; i++) {
      signal(api, 'probe.up', i % 200 === 199 ? 0 : 1);
      vi.advanceTimersByTime(5_000);
    }
    expect(fired()).toEqual([]);
    let failures = 0;
    while (!fired().includes('firing slo-burn-fast probe:api') && failures < 300) {
      signal(api, 'probe.up', 0);
      failures++;
      vi.advanceTimersByTime(5_000);
    }
    // 5 minutes of failures burn the short window at 100×; the 1 h window needs 14.4 % errors too (~100 of 720 samples).
    expect(failures).toBeGreaterThan(60);
    expect(failures).toBeLessThan(120);
    // The slow burn (6×) fired first, as it should: it is the lower bar.
    expect(fired()).toEqual(['firing slo-burn-slow probe:api', 'firing slo-burn-fast probe:api']);
  });

  it('computes availability over its window only', () => {
    const { signal, fired, evaluator } = setup({ alerts: { flaky: { probe: 'api', when: 'availability < 90% in 1m' }, 'probe-down': { off: true } } });
    const api = sourceId.probe('api');
    // Old failures slide out of the minute: only the last 60 s count.
    for (let i = 0; i < 30; i++) {
      signal(api, 'probe.up', 0);
      vi.advanceTimersByTime(1_000);
    }
    expect(fired()).toEqual(['firing flaky probe:api']);
    for (let i = 0; i < 60; i++) {
      signal(api, 'probe.up', i % 20 === 0 ? 0 : 1);
      vi.advanceTimersByTime(1_000);
    }
    expect(fired()).toEqual(['firing flaky probe:api', 'resolved flaky probe:api']);
    // It resolves the moment the minute is back at 90 %, not when it is all clean.
    expect(evaluator.state().resolved[0]!.summary).toMatch(/^availability < 90% in 1m — probe api: availability = 9\d\.\d%$/);
  });

  it('fires a stack-file rule on latency percentiles and leaves turned-off built-ins out', () => {
    const { signal, fired, evaluator } = setup({ alerts: { slow: { probe: 'api', when: 'p95 > 100ms in 1m', severity: 'critical' }, 'probe-down': { off: true } } });
    for (let i = 0; i < 20; i++) signal(sourceId.probe('api'), 'probe.latency_ms', i < 18 ? 20 : 400);
    expect(fired()).toEqual(['firing slow probe:api']);
    const rules = evaluator.state().rules;
    expect(rules.find((r) => r.name === 'probe-down')).toMatchObject({ builtIn: true, on: false });
    expect(rules.find((r) => r.name === 'slow')).toMatchObject({ builtIn: false, on: true, watches: 'probe api', when: 'p95 > 100ms in 1m' });
  });

  it('does not send a firing that is silenced, and the silence expires by the timer', () => {
    const { evaluator, events, fired, changes } = setup();
    const mcp = sourceId.mcp('pg');
    evaluator.book.silence('mcp-crash-loop', undefined, Date.now() + 60_000);
    evaluator.touched();
    const crash = () => events.publish({ source: mcp, kind: 'mcp.state', severity: 'error', summary: 's', details: { state: 'crash-loop' } });
    const ready = () => events.publish({ source: mcp, kind: 'mcp.state', severity: 'info', summary: 's', details: { state: 'ready' } });
    crash();
    expect(fired()).toEqual(['firing mcp-crash-loop mcp:pg (not sent)']);
    expect(evaluator.state().active[0]!.silencedUntil).toBe(Date.now() + 60_000);
    ready();
    const before = changes();
    vi.advanceTimersByTime(60_000);
    expect(evaluator.state().silences).toEqual([]);
    expect(changes()).toBeGreaterThan(before);
    crash();
    expect(fired().at(-1)).toBe('firing mcp-crash-loop mcp:pg');
  });

  it('acknowledges a firing until the next one', () => {
    const { evaluator, events } = setup();
    const mcp = sourceId.mcp('pg');
    events.publish({ source: mcp, kind: 'mcp.state', severity: 'error', summary: 's', details: { state: 'crash-loop' } });
    const id = evaluator.state().active[0]!.id;
    expect(evaluator.book.acknowledge(id)).toMatchObject({ acknowledged: true });
    expect(evaluator.book.acknowledge(id)).toBeUndefined();
    expect(evaluator.state().active[0]!.acknowledged).toBe(true);
    events.publish({ source: mcp, kind: 'mcp.state', severity: 'info', summary: 's', details: { state: 'ready' } });
    events.publish({ source: mcp, kind: 'mcp.state', severity: 'error', summary: 's', details: { state: 'crash-loop' } });
    expect(evaluator.state().active[0]).toMatchObject({ acknowledged: false, firingId: `${id}#2` });
  });

  it('guards against flapping: after 4 firings in 30 min it stays firing, sends nothing more, and resolves once settled', () => {
    const { events, fired, evaluator } = setup();
    const mcp = sourceId.mcp('pg');
    const crash = () => events.publish({ source: mcp, kind: 'mcp.state', severity: 'error', summary: 's', details: { state: 'crash-loop' } });
    const ready = () => events.publish({ source: mcp, kind: 'mcp.state', severity: 'info', summary: 's', details: { state: 'ready' } });
    for (let i = 0; i < 4; i++) {
      crash();
      vi.advanceTimersByTime(60_000);
      ready();
      vi.advanceTimersByTime(60_000);
    }
    // The 4th firing is flapping: it was still sent (the operator must hear it started), its resolution waits.
    expect(fired().filter((f) => f.startsWith('resolved'))).toHaveLength(3);
    expect(evaluator.state().active[0]).toMatchObject({ state: 'firing', flapping: true });
    crash();
    vi.advanceTimersByTime(60_000);
    ready();
    expect(fired()).toHaveLength(7);
    vi.advanceTimersByTime(5 * 60_000);
    expect(fired().at(-1)).toBe('resolved mcp-crash-loop mcp:pg');
    expect(evaluator.state().active).toEqual([]);
  });

  it('follows a stack file edit: a removed rule’s alerts leave, a new rule sees what is known', () => {
    const { evaluator, signal, fired } = setup();
    signal(sourceId.probe('api'), 'probe.latency_ms', 500);
    const api = { api: { url: 'http://127.0.0.1:1/' } };
    evaluator.setConfig(stackSchema.parse({ probes: api, alerts: { slow: { probe: 'api', when: 'latency > 100ms' } } }));
    expect(fired()).toEqual(['firing slow probe:api']);
    evaluator.setConfig(stackSchema.parse({ probes: api }));
    expect(evaluator.state().active).toEqual([]);
  });

  it('resolves the alerts of a thing that is gone: a probe taken out of the stack file, a removed container', () => {
    const { evaluator, events, signal, fired } = setup({ probes: { api: { url: 'http://127.0.0.1:1/' } }, alerts: { slow: { probe: 'api', when: 'latency > 100ms' } } });
    signal(sourceId.probe('api'), 'probe.latency_ms', 500);
    events.publish({ source: sourceId.container('db'), kind: 'container.oom', severity: 'critical', summary: 'oom' });
    evaluator.setConfig(stackSchema.parse({ alerts: { slow: { probe: 'api', when: 'latency > 100ms' } } }));
    events.publish({ source: sourceId.container('db'), kind: 'container.destroy', severity: 'info', summary: 'removed' });
    expect(fired()).toEqual(['firing slow probe:api', 'firing container-oom-killed container:db', 'resolved slow probe:api', 'resolved container-oom-killed container:db']);
    expect(evaluator.state().active).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
  });
});
