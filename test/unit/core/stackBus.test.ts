import { describe, expect, it } from 'vitest';
import { EventBus, SignalBus } from '../../../electron/core/stackBus.js';
import { createAuditLog } from '../../../electron/core/auditLog.js';
import { SecretMasker } from '../../../electron/base/secrets/secretMasker.js';
import type { Signal, StackEvent } from '../../../shared/stackEvents.js';

describe('the event bus', () => {
  it('masks summaries and string details before any listener sees them, and stamps the time', () => {
    const secrets = new SecretMasker();
    secrets.remember(['hunter2-very-secret']);
    const bus = new EventBus(secrets);
    const seen: StackEvent[] = [];
    bus.on((e) => seen.push(e));
    bus.publish({ source: 'mcp:pg', kind: 'mcp.state', severity: 'error', summary: 'crashed: postgres://u:hunter2-very-secret@db/x', details: { reason: 'password=hunter2-very-secret', code: 1 } });
    expect(seen).toHaveLength(1);
    expect(seen[0]!.summary).not.toContain('hunter2-very-secret');
    expect(String(seen[0]!.details!.reason)).not.toContain('hunter2-very-secret');
    expect(seen[0]!.details!.code).toBe(1);
    expect(Math.abs(seen[0]!.at - Date.now())).toBeLessThan(1000);
  });

  it('keeps delivering to the other listeners when one throws, and reports the failure', () => {
    const failures: unknown[] = [];
    const bus = new EventBus(new SecretMasker(), (e) => failures.push(e));
    const seen: string[] = [];
    bus.on(() => {
      throw new Error('history is broken');
    });
    bus.on((e) => seen.push(e.summary));
    bus.publish({ source: 'switchboard', kind: 'config.reload', severity: 'info', summary: 'reloaded' });
    expect(seen).toEqual(['reloaded']);
    expect(String(failures[0])).toContain('history is broken');
  });

  it('stops delivering to a listener once disposed', () => {
    const bus = new EventBus(new SecretMasker());
    const seen: string[] = [];
    const sub = bus.on((e) => seen.push(e.summary));
    bus.publish({ source: 'switchboard', kind: 'config.reload', severity: 'info', summary: 'one' });
    sub.dispose();
    bus.publish({ source: 'switchboard', kind: 'config.reload', severity: 'info', summary: 'two' });
    expect(seen).toEqual(['one']);
  });
});

describe('the signal bus', () => {
  it('keeps the latest value per source and name, and ignores values that are not numbers', () => {
    const bus = new SignalBus();
    const seen: Signal[] = [];
    bus.on((s) => seen.push(s));
    bus.record({ source: 'probe:a', name: 'probe.latency_ms', value: 12, at: 1 });
    bus.record({ source: 'probe:a', name: 'probe.latency_ms', value: 15, at: 2 });
    bus.record({ source: 'probe:a', name: 'probe.up', value: 1, at: 2 });
    bus.record({ source: 'probe:b', name: 'probe.latency_ms', value: Number.NaN });
    expect(seen.map((s) => s.value)).toEqual([12, 15, 1]);
    expect([...bus.latest('probe.latency_ms')]).toEqual([{ source: 'probe:a', name: 'probe.latency_ms', value: 15, at: 2 }]);
    expect([...bus.latest()]).toHaveLength(2);
    bus.forget('probe:a');
    expect([...bus.latest()]).toHaveLength(0);
  });
  it('hands batch listeners a stats tick in one call, and per-signal listeners each signal', () => {
    const bus = new SignalBus();
    const batches: number[][] = [];
    const each: number[] = [];
    bus.onBatch((signals) => batches.push(signals.map((s) => s.value)));
    bus.on((s) => each.push(s.value));
    bus.recordMany([
      { source: 'container:a', name: 'container.cpu_percent', value: 1, at: 1 },
      { source: 'container:b', name: 'container.cpu_percent', value: Number.NaN, at: 1 },
      { source: 'container:b', name: 'container.memory_bytes', value: 2, at: 1 },
    ]);
    bus.record({ source: 'probe:a', name: 'probe.up', value: 1, at: 2 });
    expect(batches).toEqual([[1, 2], [1]]);
    expect(each).toEqual([1, 2, 1]);
    expect([...bus.latest('container.memory_bytes')]).toEqual([{ source: 'container:b', name: 'container.memory_bytes', value: 2, at: 1 }]);
  });
});

describe('the audit trail as events', () => {
  it('publishes an ended action on its target, with outcome and duration, and not the request', () => {
    const bus = new EventBus(new SecretMasker());
    const seen: StackEvent[] = [];
    bus.on((e) => seen.push(e));
    const audit = createAuditLog({ write() {} }, new SecretMasker(), bus);
    audit.action({ action: 'restart', target: 'mcp:postgres', outcome: 'requested' });
    audit.action({ action: 'restart', target: 'mcp:postgres', outcome: 'failed', durationMs: 1234.4, detail: 'exited with code 3' });
    expect(seen).toEqual([
      expect.objectContaining({
        source: 'mcp:postgres',
        kind: 'action',
        severity: 'error',
        summary: 'restart of mcp:postgres failed after 1.2 s: exited with code 3',
        details: { action: 'restart', outcome: 'failed', durationMs: 1234, detail: 'exited with code 3' },
      }),
    ]);
  });
});
