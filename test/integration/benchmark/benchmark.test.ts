import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoBackend, type DemoBackend } from '../../../electron/demo/backend/startDemoBackend.js';
import { registerBenchmark } from '../../../electron/benchmark/index.js';
import { registerProbes } from '../../../electron/probes/index.js';
import type { BenchmarksState } from '../../../shared/contract/benchmark.js';
import { fakeAppContext, recordingSink } from '../../support/appContext.js';
import { waitFor } from '../../support/waitFor.js';

let backend: DemoBackend;
beforeAll(async () => {
  backend = await startDemoBackend();
});
afterAll(async () => {
  await backend?.stop();
});

function setup() {
  const ctx = fakeAppContext({
    probes: {
      health: { url: `${backend.url}/health`, every: '1h', slo: { p95: '100ms', p99: '1ms', availability: '99%' } },
      db: { tcp: '127.0.0.1:1', every: '1h' },
      gone: { url: 'http://127.0.0.1:1/health', every: '1h' },
    },
  });
  registerBenchmark(ctx, registerProbes(ctx));
  const { rec, sink, latest } = recordingSink<BenchmarksState, never>();
  ctx.topics.open('benchmark.runs', {}, sink as never);
  return { ctx, rec, latest };
}

describe('built-in load test (Benchmark on an HTTP probe)', () => {
  it('runs ab-style defaults against the demo backend with progress, percentiles, a histogram and an SLO verdict', async () => {
    const { ctx, rec, latest } = setup();
    try {
      const started = await ctx.commands.call('benchmark.run', { probe: 'health' });
      expect(started.ok).toBe(true);
      const result = await waitFor('the result', () => latest()?.results[0], 60_000);
      const progress = rec.states.map((s) => s.running).filter((r) => r !== undefined);
      expect(progress.length).toBeGreaterThan(0);
      expect(progress[0]).toMatchObject({ probe: 'health', requests: 1000, url: `${backend.url}/health` });
      expect(progress.map((p) => p!.fraction).every((f, i, all) => i === 0 || f >= all[i - 1]!)).toBe(true);
      expect(latest()!.running).toBeUndefined();

      expect(result).toMatchObject({ probe: 'health', status: 'completed', requests: 1000, settings: { requests: 1000, concurrency: 10 }, errors: [] });
      expect(result.statusCodes).toEqual({ '200': 1000 });
      expect(result.reqPerSec).toBeGreaterThan(0);
      // The demo backend answers in 5–30 ms with rare 80–150 ms spikes.
      expect(result.latencyMs.p50).toBeGreaterThan(4);
      expect(result.latencyMs.p50).toBeLessThan(result.latencyMs.p99);
      expect(result.latencyMs.p95).toBeLessThanOrEqual(result.latencyMs.p99);
      expect(result.histogram.reduce((n, b) => n + b.count, 0)).toBe(1000);
      expect(result.verdict.map((v) => [v.target, v.pass])).toEqual([
        ['p95 ≤ 100 ms', true],
        ['p99 ≤ 1 ms', false],
        ['availability ≥ 99%', true],
      ]);
      expect(ctx.lines.filter((l) => l.source === 'switchboard').map((l) => l.text)).toEqual([
        expect.stringMatching(/^load test of health started: GET .*\/health, 1000 requests, concurrency 10$/),
        expect.stringMatching(/^load test of health completed: 1000 responses, \d+ req\/s, p50 [\d.]+ ms, p99 [\d.]+ ms, 0 errors$/),
      ]);
    } finally {
      ctx.disposables.dispose();
    }
  });

  it('cancels a running test and keeps its partial result next to earlier ones for comparison', async () => {
    const { ctx, latest } = setup();
    try {
      const first = await ctx.commands.call('benchmark.run', { probe: 'health', requests: 200, concurrency: 5 });
      expect(first.ok).toBe(true);
      await waitFor('the first result', () => latest()?.results.length === 1, 60_000);
      const second = await ctx.commands.call('benchmark.run', { probe: 'health', durationS: 60, concurrency: 4 });
      expect(second.ok).toBe(true);
      await waitFor('the second run to get going', () => (latest()?.running?.done ?? 0) > 20);
      const busy = await ctx.commands.call('benchmark.run', { probe: 'health' });
      expect(busy).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('still running') } });
      expect(await ctx.commands.call('benchmark.cancel', {})).toEqual({ ok: true, value: { cancelled: true } });
      const results = await waitFor('the cancelled result', () => (latest()?.results.length === 2 ? latest()!.results : undefined));
      expect(results[0]).toMatchObject({ status: 'cancelled', settings: { durationS: 60, concurrency: 4 } });
      expect(results[0]!.requests).toBeGreaterThan(20);
      expect(results[0]!.durationMs).toBeLessThan(30_000);
      expect(results[1]).toMatchObject({ status: 'completed', requests: 200 });

      const id = results[1]!.id;
      expect(await ctx.commands.call('benchmark.forget', { id })).toEqual({ ok: true, value: { forgotten: true } });
      expect(latest()!.results.map((r) => r.id)).not.toContain(id);
    } finally {
      ctx.disposables.dispose();
    }
  });

  it('explains what cannot be load-tested, and counts connection errors by kind', async () => {
    const { ctx, latest } = setup();
    try {
      expect(await ctx.commands.call('benchmark.run', { probe: 'db' })).toMatchObject({ ok: false, error: { code: 'invalid_params', message: 'probe "db" is not an HTTP probe; only HTTP probes can be load-tested' } });
      expect(await ctx.commands.call('benchmark.run', { probe: 'nope' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
      expect(await ctx.commands.call('benchmark.run', { probe: 'health', concurrency: 0 })).toMatchObject({ ok: false, error: { code: 'invalid_params' } });
      await ctx.commands.call('benchmark.run', { probe: 'gone', requests: 30, concurrency: 3 });
      const result = await waitFor('the failed run', () => latest()?.results[0]);
      expect(result.requests).toBe(0);
      expect(result.errors[0]).toMatchObject({ kind: 'ECONNREFUSED' });
    } finally {
      ctx.disposables.dispose();
    }
  });
});
