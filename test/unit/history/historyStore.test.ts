import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HistoryStore } from '../../../electron/history/historyStore.js';
import { HistoryRecorder } from '../../../electron/history/historyRecorder.js';
import type { StackEvent } from '../../../shared/stackEvents.js';

const minute = 60_000;
let dir: string;
let path: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'history-store-'));
  path = join(dir, 'stack.db');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const noLogs = { recent: () => [] };
const start = Date.UTC(2026, 10, 30, 12, 0, 0);

describe('the embedded history store', () => {
  it('records events with their evidence, probe samples and per-minute rollups, and reads them back after a reopen', async () => {
    const store = new HistoryStore(path);
    const lines = Array.from({ length: 80 }, (_, i) => ({ ts: start + i, stream: 'stderr', text: `line ${i}` }));
    const recorder = new HistoryRecorder(store, { recent: (_source, count) => lines.slice(-count) });
    const crash: StackEvent = { at: start + 30_000, source: 'mcp:postgres', kind: 'mcp.state', severity: 'error', summary: 'crashed: exit 1', details: { state: 'crashed', exitCode: 1 } };
    recorder.onEvent(crash);
    recorder.onEvent({ at: start + 31_000, source: 'switchboard', kind: 'action', severity: 'info', summary: 'restart mcp:postgres ok' });
    // Two minutes of a probe at 1 s: latencies 1..60 ms in each minute.
    for (let s = 0; s < 120; s++) recorder.onSignal({ at: start + s * 1000, source: 'probe:api', name: 'probe.latency_ms', value: (s % 60) + 1 });
    recorder.flush(start + 2 * minute + 10_000);
    store.close();

    const reopened = new HistoryStore(path);
    const page = reopened.events({ limit: 10 });
    expect(page.events.map((e) => e.kind)).toEqual(['action', 'mcp.state']);
    const stored = reopened.event(page.events[1]!.id)!;
    expect(stored.details).toEqual({ state: 'crashed', exitCode: 1 });
    expect(stored.evidence).toHaveLength(50);
    expect(stored.evidence.at(-1)!.text).toBe('line 79');
    expect(page.events[0]!.evidenceCount).toBe(0);

    const raw = await reopened.range({ source: 'probe:api', name: 'probe.latency_ms', from: start, to: start + 2 * minute, stepMs: 1000 });
    expect(raw).toHaveLength(120);
    const rolled = await reopened.range({ source: 'probe:api', name: 'probe.latency_ms', from: start, to: start + 2 * minute, stepMs: minute });
    expect(rolled).toEqual([
      { at: start, value: 30.5, min: 1, max: 60, count: 60, p50: 30, p95: 57, p99: 60 },
      { at: start + minute, value: 30.5, min: 1, max: 60, count: 60, p50: 30, p95: 57, p99: 60 },
    ]);
    reopened.close();
  });

  it('merges a minute cut in two by a restart instead of keeping only its second part', async () => {
    const first = new HistoryStore(path);
    const before = new HistoryRecorder(first, noLogs);
    for (let s = 0; s < 20; s++) before.onSignal({ at: start + s * 1000, source: 'probe:api', name: 'probe.latency_ms', value: 10 });
    before.dispose();
    first.close();
    const second = new HistoryStore(path);
    const after = new HistoryRecorder(second, noLogs);
    for (let s = 30; s < 60; s++) after.onSignal({ at: start + s * 1000, source: 'probe:api', name: 'probe.latency_ms', value: 40 });
    after.flush(start + 2 * minute);
    const [merged] = await second.range({ source: 'probe:api', name: 'probe.latency_ms', from: start, to: start + minute, stepMs: minute });
    expect(merged).toMatchObject({ at: start, count: 50, min: 10, max: 40, p50: 40 });
    expect(merged!.value).toBeCloseTo((20 * 10 + 30 * 40) / 50, 9);
    second.close();
  });

  it('pages events newest first and filters them by source prefix, kind and severity', () => {
    const store = new HistoryStore(path);
    const recorder = new HistoryRecorder(store, noLogs);
    for (let i = 0; i < 25; i++) {
      recorder.onEvent({ at: start + i, source: i % 2 ? 'container:web' : 'probe:api', kind: i % 2 ? 'container.die' : 'probe.status', severity: i % 5 === 0 ? 'error' : 'info', summary: `e${i}` });
    }
    recorder.flush(start + 1000);
    const first = store.events({ limit: 10 });
    expect(first.events.map((e) => e.summary)).toEqual(['e24', 'e23', 'e22', 'e21', 'e20', 'e19', 'e18', 'e17', 'e16', 'e15']);
    const second = store.events({ limit: 10, beforeId: first.nextBeforeId });
    expect(second.events[0]!.summary).toBe('e14');
    expect(store.events({ limit: 100, sources: ['container:*'] }).events).toHaveLength(12);
    expect(store.events({ limit: 100, kinds: ['probe.status'], severities: ['error'] }).events.map((e) => e.summary)).toEqual(['e20', 'e10', 'e0']);
    expect(store.events({ limit: 100, from: start + 20, to: start + 22 }).events.map((e) => e.summary)).toEqual(['e21', 'e20']);
    store.close();
  });

  it('keeps container stats as 10 s means, and cache hit rate as minutes only', async () => {
    const store = new HistoryStore(path);
    const recorder = new HistoryRecorder(store, noLogs);
    for (let s = 0; s < 60; s++) {
      recorder.onSignal({ at: start + s * 1000, source: 'container:web', name: 'container.cpu_percent', value: s < 10 ? 10 : 20 });
      recorder.onSignal({ at: start + s * 1000, source: 'cache:redis', name: 'cache.hit_rate', value: 0.9 });
    }
    recorder.flush(start + 2 * minute);
    const cpu = await store.range({ source: 'container:web', name: 'container.cpu_percent', from: start, to: start + minute, stepMs: 10_000 });
    expect(cpu.map((p) => p.value)).toEqual([10, 20, 20, 20, 20, 20]);
    const hitRate = await store.range({ source: 'cache:redis', name: 'cache.hit_rate', from: start, to: start + minute, stepMs: 1000 });
    expect(hitRate).toHaveLength(1);
    expect(hitRate[0]).toMatchObject({ at: start, min: 0.9, max: 0.9, count: 60, p50: 0.9, p95: 0.9, p99: 0.9 });
    expect(hitRate[0]!.value).toBeCloseTo(0.9, 9);
    store.close();
  });

  it('prunes by age (fine samples after 24 h, the rest after the retention) and by the size cap, oldest first', async () => {
    const store = new HistoryStore(path);
    const recorder = new HistoryRecorder(store, noLogs);
    const day = 86_400_000;
    const now = start + 10 * day;
    // One probe sample a minute for 10 days, and an event each hour.
    for (let t = start; t < now; t += minute) recorder.onSignal({ at: t, source: 'probe:api', name: 'probe.latency_ms', value: 5 });
    for (let t = start; t < now; t += 3_600_000) recorder.onEvent({ at: t, source: 'probe:api', kind: 'probe.status', severity: 'info', summary: 'up' });
    recorder.flush(now);
    store.prune(now, 7 * day, 1024 ** 3);
    const oldest = store.counts().oldest!;
    expect(oldest).toBeGreaterThanOrEqual(now - 7 * day);
    expect(await store.range({ source: 'probe:api', name: 'probe.latency_ms', from: now - 2 * day, to: now, stepMs: 1000 })).toHaveLength(24 * 60);
    expect(store.events({ limit: 5000 }).events).toHaveLength(7 * 24);

    const before = store.bytes();
    const result = store.prune(now, 7 * day, 128 * 1024);
    expect(result.bySize).toBeGreaterThan(0);
    expect(store.counts().oldest!).toBeGreaterThan(oldest);
    expect(store.bytes()).toBeLessThan(before);
    // What is left is the newest part.
    expect(store.events({ limit: 1 }).events[0]!.at).toBe(now - 3_600_000);
    store.close();
  });
});
