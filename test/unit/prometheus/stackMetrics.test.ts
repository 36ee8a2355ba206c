import { spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { EventBus, SignalBus } from '../../../electron/core/stackBus.js';
import { SecretMasker } from '../../../electron/base/secrets/secretMasker.js';
import { StackMetrics } from '../../../electron/prometheus/stackMetrics.js';
import { escapeLabelValue, formatValue } from '../../../electron/prometheus/exposition.js';
import { parseExposition } from '../../support/prometheus/expositionText.js';

/** promtool (Debian's prometheus package) when installed: the reference check of the format. */
function promtoolCheck(text: string): { ran: boolean; ok: boolean; output: string } {
  const result = spawnSync('promtool', ['check', 'metrics'], { input: text, encoding: 'utf8' });
  if (result.error) return { ran: false, ok: false, output: String(result.error) };
  return { ran: true, ok: result.status === 0, output: `${result.stdout}${result.stderr}` };
}

describe('the /metrics exposition', () => {
  let metrics: StackMetrics | undefined;
  afterEach(() => metrics?.dispose());

  function stack() {
    const signals = new SignalBus((e) => { throw e; });
    const events = new EventBus(new SecretMasker(), (e) => { throw e; });
    metrics = new StackMetrics(signals, events);
    return { signals, events, metrics };
  }

  it('writes a latency histogram in seconds with cumulative buckets, _sum and _count, and exact check counters', () => {
    const { signals, metrics } = stack();
    for (const ms of [0.5, 1, 3, 40, 40, 20_000]) {
      signals.record({ source: 'probe:api', name: 'probe.latency_ms', value: ms });
      signals.record({ source: 'probe:api', name: 'probe.up', value: 1 });
    }
    signals.record({ source: 'probe:api', name: 'probe.up', value: 0 });
    const { samples, types } = parseExposition(metrics.render());
    expect(types.get('switchboard_probe_latency_seconds')).toBe('histogram');
    expect(samples.get('switchboard_probe_latency_seconds_bucket{probe="api",le="0.001"}')).toBe(2); // 0.5 ms and exactly 1 ms
    expect(samples.get('switchboard_probe_latency_seconds_bucket{probe="api",le="0.005"}')).toBe(3);
    expect(samples.get('switchboard_probe_latency_seconds_bucket{probe="api",le="0.05"}')).toBe(5);
    expect(samples.get('switchboard_probe_latency_seconds_bucket{probe="api",le="10"}')).toBe(5);
    expect(samples.get('switchboard_probe_latency_seconds_bucket{probe="api",le="+Inf"}')).toBe(6);
    expect(samples.get('switchboard_probe_latency_seconds_count{probe="api"}')).toBe(6);
    expect(samples.get('switchboard_probe_latency_seconds_sum{probe="api"}')).toBeCloseTo(20.0845, 6);
    expect(samples.get('switchboard_probe_checks_total{probe="api"}')).toBe(7);
    expect(samples.get('switchboard_probe_failures_total{probe="api"}')).toBe(1);
    expect(samples.get('switchboard_probe_up{probe="api"}')).toBe(0);
  });

  it('exports every other signal under its stable name and label, in base units', () => {
    const { signals, metrics } = stack();
    signals.record({ source: 'cache:redis', name: 'cache.hit_rate', value: 0.75 });
    signals.record({ source: 'cache:redis', name: 'cache.hits_total', value: 300 });
    signals.record({ source: 'container:web', name: 'container.cpu_percent', value: 150 });
    signals.record({ source: 'container:web', name: 'container.memory_bytes', value: 1024 });
    signals.record({ source: 'container:web', name: 'container.up', value: 1 });
    signals.record({ source: 'container:web', name: 'container.restarts_total', value: 2 });
    signals.record({ source: 'mcp:postgres', name: 'mcp.restarts_total', value: 3 });
    signals.record({ source: 'engine:local', name: 'engine.up', value: 1 });
    const { samples, types } = parseExposition(metrics.render());
    expect(samples.get('switchboard_cache_hit_ratio{cache="redis"}')).toBe(0.75);
    expect(samples.get('switchboard_cache_hits_total{cache="redis"}')).toBe(300);
    expect(types.get('switchboard_cache_hits_total')).toBe('counter');
    expect(samples.get('switchboard_container_cpu_cores{container="web"}')).toBe(1.5);
    expect(samples.get('switchboard_container_memory_bytes{container="web"}')).toBe(1024);
    expect(samples.get('switchboard_container_up{container="web"}')).toBe(1);
    expect(samples.get('switchboard_container_restarts_total{container="web"}')).toBe(2);
    expect(samples.get('switchboard_mcp_server_restarts_total{server="postgres"}')).toBe(3);
    expect(samples.get('switchboard_engine_up{engine="local"}')).toBe(1);
    // A family with no series writes nothing, not an empty HELP block.
    expect(types.has('switchboard_container_healthy')).toBe(false);
  });

  it('shows each MCP server\'s state one-hot, following mcp.state events', () => {
    const { events, signals, metrics } = stack();
    // As the MCP capability does: every transition is an event and an mcp.up signal.
    signals.record({ source: 'mcp:postgres', name: 'mcp.up', value: 1 });
    signals.record({ source: 'mcp:memory', name: 'mcp.up', value: 0 });
    events.publish({ source: 'mcp:postgres', kind: 'mcp.state', severity: 'info', summary: 'ready', details: { state: 'ready', previous: 'starting' } });
    events.publish({ source: 'mcp:memory', kind: 'mcp.state', severity: 'error', summary: 'gave up', details: { state: 'crash-loop' } });
    events.publish({ source: 'mcp:postgres', kind: 'mcp.state', severity: 'warning', summary: '?', details: { state: 'no-such-state' } });
    const { samples } = parseExposition(metrics.render());
    expect(samples.get('switchboard_mcp_server_state{server="postgres",state="ready"}')).toBe(1);
    expect(samples.get('switchboard_mcp_server_state{server="postgres",state="stopped"}')).toBe(0);
    expect(samples.get('switchboard_mcp_server_state{server="memory",state="crash-loop"}')).toBe(1);
    const states = [...samples.keys()].filter((k) => k.startsWith('switchboard_mcp_server_state{server="memory"'));
    expect(states).toHaveLength(7);
    signals.forget('mcp:memory');
    expect(metrics.render()).not.toContain('server="memory"');
  });

  it('writes a container\'s stats only while it runs: a stopped one\'s last CPU is no measurement of now', () => {
    const { signals, metrics } = stack();
    signals.record({ source: 'container:web', name: 'container.up', value: 1 });
    signals.record({ source: 'container:web', name: 'container.memory_bytes', value: 4096 });
    signals.record({ source: 'container:web', name: 'container.restarts_total', value: 1 });
    expect(parseExposition(metrics.render()).samples.get('switchboard_container_memory_bytes{container="web"}')).toBe(4096);
    signals.record({ source: 'container:web', name: 'container.up', value: 0 });
    const { samples } = parseExposition(metrics.render());
    expect(samples.has('switchboard_container_memory_bytes{container="web"}')).toBe(false);
    expect(samples.get('switchboard_container_up{container="web"}')).toBe(0);
    expect(samples.get('switchboard_container_restarts_total{container="web"}')).toBe(1);
  });

  it('drops a probe the signal bus forgot', () => {
    const { signals, metrics } = stack();
    signals.record({ source: 'probe:old', name: 'probe.latency_ms', value: 5 });
    signals.record({ source: 'probe:old', name: 'probe.up', value: 1 });
    expect(metrics.render()).toContain('probe="old"');
    signals.forget('probe:old');
    expect(metrics.render()).not.toContain('probe="old"');
  });

  it('escapes label values and spells infinities the Go way', () => {
    expect(escapeLabelValue('a"b\\c\nd')).toBe('a\\"b\\\\c\\nd');
    expect([formatValue(Infinity), formatValue(-Infinity), formatValue(NaN), formatValue(1e-7)]).toEqual(['+Inf', '-Inf', 'NaN', '1e-7']);
    const { signals, metrics } = stack();
    signals.record({ source: 'container:we"ird\\name', name: 'container.up', value: 1 });
    expect(parseExposition(metrics.render()).samples.get('switchboard_container_up{container="we\\"ird\\\\name"}')).toBe(1);
  });

  it('passes promtool check metrics', () => {
    const { signals, events, metrics } = stack();
    signals.record({ source: 'probe:api', name: 'probe.latency_ms', value: 12 });
    signals.record({ source: 'probe:api', name: 'probe.up', value: 1 });
    signals.record({ source: 'cache:redis', name: 'cache.misses_total', value: 3 });
    signals.record({ source: 'container:web', name: 'container.healthy', value: 1 });
    signals.record({ source: 'mcp:postgres', name: 'mcp.up', value: 1 });
    events.publish({ source: 'mcp:postgres', kind: 'mcp.state', severity: 'info', summary: 'ready', details: { state: 'ready' } });
    expect(metrics.render()).toContain('switchboard_mcp_server_state{server="postgres",state="ready"} 1');
    const check = promtoolCheck(metrics.render());
    if (!check.ran) {
      console.log(`promtool check skipped: promtool is not installed (Debian package prometheus): ${check.output}`);
      return;
    }
    expect(check.output).toBe('');
    expect(check.ok).toBe(true);
  });
});
