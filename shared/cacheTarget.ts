/**
 * Whether a hit rate meets its target: true, false, or null before any
 * lookup. One rule for the cache card, the Dashboards' cache tab, the
 * `cache.target` event and the "cache below target" alert.
 */
export function meetsCacheTarget(hitRate: number | null, target: number): boolean | null {
  return hitRate === null ? null : hitRate >= target;
}
