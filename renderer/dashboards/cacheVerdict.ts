import type { Verdict } from '../components/StatusPill.js';
import type { CacheSourceState } from '../../shared/contract/cache.js';
import { meetsCacheTarget } from '../../shared/cacheTarget.js';

/** Whether a cache source meets its hit-rate target, for the Dashboards' cache tab and the Overview's card alike. */
export function cacheVerdict(s: Pick<CacheSourceState, 'error' | 'hitRate' | 'target'>): Verdict {
  if (s.error) return { tone: 'bad', label: 'cannot read' };
  const meets = meetsCacheTarget(s.hitRate, s.target);
  if (meets === null) return { tone: 'idle', label: 'no lookups yet' };
  return meets ? { tone: 'ok', label: 'on target' } : { tone: 'warn', label: 'below target' };
}
