import type { AppContext } from '../core/appContext.js';
import { BenchmarkService, type LoadTestTargets } from './benchmarkService.js';

/**
 * Wires the load test to the contract: the `benchmark.runs` state (progress of
 * the running test, kept results) and the benchmark.* commands. The probes it
 * targets come from the composition root; the service is disposed with the app.
 */
export function registerBenchmark(ctx: AppContext, probes: LoadTestTargets): void {
  const benchmarks = ctx.disposables.add(new BenchmarkService(probes, ctx.audit, ctx.secrets));

  ctx.topics.provide('benchmark.runs', (_params, sink) => {
    sink.snapshot(benchmarks.state());
    return benchmarks.changed.on((state) => sink.state(state));
  });

  ctx.commands.handle('benchmark.run', (params) => benchmarks.start(params));
  ctx.commands.handle('benchmark.cancel', (params) => ({ cancelled: benchmarks.cancel(params.id) }));
  ctx.commands.handle('benchmark.forget', (params) => ({ forgotten: benchmarks.forget(params.id) }));
}
