import type { ProbeSample } from '../../shared/contract/probes.js';
import type { AppContext } from '../core/appContext.js';
import { toDisposable } from '../base/disposable.js';
import type { ProbeLookup } from './probeLookup.js';
import { ProbeService } from './probeService.js';
import { publishProbeStackEvents } from './probeStackEvents.js';

/** Probe summaries are recomputed at most this often, however many probes report. */
const summaryIntervalMs = 250;
/** Ranges past the fine tier show 1-min buckets: a fresh snapshot each minute instead of raw appends. */
const coarseRefreshMs = 60_000;

/**
 * Wires probes to the contract: the `probes` summary state and each probe's
 * `probe.samples` series. Follows config reloads; everything is disposed with
 * the app. Returns the lookup the composition root hands to the load test.
 */
export function registerProbes(ctx: AppContext): ProbeLookup {
  const service = ctx.disposables.add(new ProbeService({ logs: ctx.logs, baseDir: () => ctx.config.baseDir(), secrets: ctx.secrets }));
  service.apply(ctx.config.current().probes);
  ctx.disposables.add(ctx.config.changed.on((config) => service.apply(config.probes)));
  ctx.disposables.add(publishProbeStackEvents(service, ctx.events, ctx.signals));

  ctx.topics.provide('probes', (_params, sink) => {
    const fresh = service.watchSummaries();
    sink.snapshot(service.state());
    let timer: NodeJS.Timeout | undefined;
    const listener = service.sampled.on(() => {
      timer ??= setTimeout(() => {
        timer = undefined;
        sink.state(service.state());
      }, summaryIntervalMs);
    });
    // Config reloads add and remove probes without a sample arriving (the service applied it first: it subscribed first).
    const reload = ctx.config.changed.on(() => sink.state(service.state()));
    return toDisposable(() => {
      fresh.dispose();
      listener.dispose();
      reload.dispose();
      if (timer) clearTimeout(timer);
    });
  });

  ctx.topics.provide('probe.samples', (params, sink) => {
    const snapshot = service.series(params.probe, params.range);
    if (!snapshot) {
      sink.close({ code: 'not_found', message: `no probe named "${params.probe}" in the stack file` });
      return toDisposable(() => {});
    }
    sink.snapshot(snapshot);
    if (snapshot.resolutionMs >= coarseRefreshMs) {
      const timer = setInterval(() => {
        const next = service.series(params.probe, params.range);
        if (next) sink.snapshot(next);
      }, coarseRefreshMs);
      return toDisposable(() => clearInterval(timer));
    }
    return service.sampled.on(({ probe, sample }: { probe: string; sample: ProbeSample }) => {
      if (probe === params.probe) sink.append(sample);
    });
  });

  return { find: (name) => service.config(name) };
}
