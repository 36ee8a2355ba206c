import { memo } from 'react';
import { EmptyState } from '../components/EmptyState.js';
import { ErrorBanner } from '../components/ErrorBanner.js';
import { Panel } from '../components/Panel.js';
import { StatusPill } from '../components/StatusPill.js';
import { formatDuration, formatPercent } from '../components/time.js';
import { useTopicState } from '../client/hooks.js';
import type { CacheSourceState } from '../../shared/contract/cache.js';
import { cacheVerdict } from '../dashboards/cacheVerdict.js';
import { HitRateMeter } from './HitRateMeter.js';

const withoutHistory = { history: false };

export function CacheCard() {
  // The card shows the current rate only: without the 15-minute history (up to 1,000 points each second).
  const { data, error } = useTopicState('cache', withoutHistory);
  const sources = data?.sources ?? [];
  return (
    <Panel title="Cache hit rate">
      {error ? <ErrorBanner title="Cache updates stopped">{error.message}</ErrorBanner> : null}
      {data === undefined ? (
        error ? null : <EmptyState title="Loading cache counters…" />
      ) : sources.length === 0 ? (
        <EmptyState title="No cache sources configured" hint={<>Add one under <code>cache:</code> in the stack file (Redis, Prometheus counters or JSON).</>} />
      ) : (
        <ul className="rows" aria-label="Cache sources">
          {sources.map((s) => (
            <CacheRow key={s.name} source={s} />
          ))}
        </ul>
      )}
    </Panel>
  );
}

// Memoised: the topic store keeps an unchanged item's identity, so only rows whose data moved re-render.
const CacheRow = memo(function CacheRow({ source: s }: { source: CacheSourceState }) {
  const verdict = cacheVerdict(s);
  return (
    <li className="row cache-row" aria-label={`cache ${s.name}`}>
      <div className="row-main">
        <span className="row-name">{s.name}</span>
        <span className="big-number">{formatPercent(s.hitRate)}</span>
        <StatusPill tone={verdict.tone}>{verdict.label}</StatusPill>
      </div>
      <HitRateMeter hitRate={s.hitRate} target={s.target} />
      <div className={`row-detail ${s.error ? 'text-bad' : ''}`}>
        {s.error ?? `target ${formatPercent(s.target, 0)} · over ${formatDuration(s.windowMs)} · ${s.kind} ${s.address}`}
      </div>
    </li>
  );
});
