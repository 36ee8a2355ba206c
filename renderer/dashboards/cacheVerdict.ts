import type { Verdict } from '../components/StatusPill.js';
import type { CacheSourceState } from '../../shared/contract/cache.js';

/** Whether a cache source meets its hit-rate target, for the Dashboards' cache tab and the Overview's card alike. */
export function cacheVerdict(s: Pick<CacheSourceState, 'error' | 'hitRate' | 'target'>): Verdict {
  if (s.error) return { tone: 'bad', label: 'cannot read' };
  if (s.hitRate === null) return { tone: 'idle', label: 'no lookups yet' };
  return s.hitRate >= s.target ? { tone: 'ok', label: 'on target' } : { tone: 'warn', label: 'below target' };
}
