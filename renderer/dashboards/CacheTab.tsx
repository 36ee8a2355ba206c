import { EmptyState } from '../components/EmptyState.js';
import { ErrorBanner } from '../components/ErrorBanner.js';
import { StatusPill } from '../components/StatusPill.js';
import { formatDuration, formatPercent } from '../components/time.js';
import { useTopicState } from '../client/hooks.js';
import type { CacheSourceState } from '../../shared/contract/cache.js';
import { cacheVerdict } from './cacheVerdict.js';
import { HitRateChart } from './charts/HitRateChart.js';

export function CacheTab() {
  const { data, error } = useTopicState('cache');
  return (
    <div className="dashboards-cache">
      {error ? <ErrorBanner title="Cache updates stopped">{error.message}</ErrorBanner> : null}
      {data === undefined ? (
        error ? null : <EmptyState title="Loading cache counters…" />
      ) : data.sources.length === 0 ? (
        <EmptyState
          title="No cache sources configured"
          hint={
            <>
              Add one under <code>cache:</code> in the stack file: <code>{'{ redis: redis://127.0.0.1:6379 }'}</code>, <code>{'{ prometheus: http://…/metrics, hits: cache_hits_total, misses: cache_misses_total }'}</code> or <code>{'{ json: http://…, hits: a.b, misses: a.c }'}</code>.
            </>
          }
        />
      ) : (
        <div className="dashboards-list">
          {data.sources.map((s) => (
            <CacheSourcePanel key={s.name} source={s} />
          ))}
        </div>
      )}
    </div>
  );
}

function CacheSourcePanel({ source: s }: { source: CacheSourceState }) {
  const verdict = cacheVerdict(s);
  return (
    <section className="panel dashboards-cache-source" aria-label={`cache ${s.name}`}>
      <header className="panel-header">
        <div className="dashboards-probe-title">
          <h2 className="panel-title">{s.name}</h2>
          <span className="dashboards-kind">{s.kind.toUpperCase()}</span>
          <code className="dashboards-target" title={s.address}>{s.address}</code>
        </div>
        <StatusPill tone={verdict.tone}>{verdict.label}</StatusPill>
      </header>
      <div className="panel-body">
        {s.error ? <ErrorBanner title="Last reading failed">{s.error}</ErrorBanner> : null}
        <dl className="dashboards-facts">
          <div>
            <dt>Hit rate · {formatDuration(s.windowMs)}</dt>
            <dd className="dashboards-big">{formatPercent(s.hitRate)}</dd>
          </div>
          <div>
            <dt>Target</dt>
            <dd>{formatPercent(s.target, 0)}</dd>
          </div>
          <div>
            <dt>Hits / misses in window</dt>
            <dd>
              {s.hits.toLocaleString()} / {s.misses.toLocaleString()}
            </dd>
          </div>
          <div>
            <dt>Counter resets</dt>
            <dd title="times the counters went backwards (a restart); each starts a new baseline">{s.resets}</dd>
          </div>
          <div>
            <dt>Read every</dt>
            <dd>{formatDuration(s.everyMs)}</dd>
          </div>
        </dl>
        {s.history.length === 0 ? (
          <div className="dashboards-chart-empty">{s.error ? 'No readings yet.' : 'Waiting for a second reading to compute a rate…'}</div>
        ) : (
          <HitRateChart name={s.name} history={s.history} target={s.target} />
        )}
      </div>
    </section>
  );
}
