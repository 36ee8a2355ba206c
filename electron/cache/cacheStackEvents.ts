import { meetsCacheTarget } from '../../shared/cacheTarget.js';
import { sourceId } from '../../shared/sourceId.js';
import type { Disposable } from '../base/disposable.js';
import type { EventWriter, SignalWriter } from '../core/stackBus.js';
import type { CacheService } from './cacheService.js';

/**
 * Each reading as cache signals (hit rate, counters); the hit rate crossing
 * its target, either way, as a `cache.target` event. A cache's first reading
 * is news only when it is below target.
 */
export function publishCacheStackEvents(service: CacheService, events: EventWriter, signals: SignalWriter): Disposable {
  const meeting = new Map<string, boolean>();
  return service.read.on(({ name, ts, hitRate, target, hitsTotal, missesTotal }) => {
    const source = sourceId.cache(name);
    if (hitRate !== null) signals.record({ source, name: 'cache.hit_rate', value: hitRate, at: ts });
    signals.record({ source, name: 'cache.hits_total', value: hitsTotal, at: ts });
    signals.record({ source, name: 'cache.misses_total', value: missesTotal, at: ts });
    const meets = meetsCacheTarget(hitRate, target);
    if (meets === null) return;
    const before = meeting.get(name);
    meeting.set(name, meets);
    if (before === meets || (before === undefined && meets)) return;
    const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
    events.publish({
      source,
      at: ts,
      kind: 'cache.target',
      severity: meets ? 'info' : 'warning',
      summary: meets ? `${name} hit rate back on target: ${pct(hitRate!)} (target ${pct(target)})` : `${name} hit rate below target: ${pct(hitRate!)} (target ${pct(target)})`,
      details: { hitRate, target, meets },
    });
  });
}
