import type { AppContext } from '../core/appContext.js';
import { CacheService } from './cacheService.js';
import { publishCacheStackEvents } from './cacheStackEvents.js';

/** Wires cache hit rates to the `cache` state topic and follows config reloads. */
export function registerCache(ctx: AppContext): CacheService {
  const service = ctx.disposables.add(new CacheService(ctx.logs, ctx.secrets));
  service.apply(ctx.config.current().cache);
  ctx.disposables.add(ctx.config.changed.on((config) => service.apply(config.cache)));
  ctx.disposables.add(publishCacheStackEvents(service, ctx.events, ctx.signals));
  ctx.topics.provide('cache', (params, sink) => {
    sink.snapshot(service.state(params.history));
    // The session keeps only the latest state per flush, so a state per reading is cheap.
    return service.changed.on(() => sink.state(service.state(params.history)));
  });
  return service;
}
