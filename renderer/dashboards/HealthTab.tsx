import { EmptyState } from '../components/EmptyState.js';
import { ErrorBanner } from '../components/ErrorBanner.js';
import { useTopicState } from '../client/hooks.js';
import { navigate } from '../navigation/router.js';
import { chartRanges, type ChartRange } from './chartRanges.js';
import { ProbePanel } from './ProbePanel.js';

export function HealthTab({ range }: { range: ChartRange }) {
  const { data, error } = useTopicState('probes');
  return (
    <div className="dashboards-health">
      <div className="dashboards-toolbar">
        <div className="dashboards-ranges" role="radiogroup" aria-label="Time range">
          {chartRanges.map((r) => (
            <button key={r} type="button" role="radio" aria-checked={r === range} className={r === range ? 'is-active' : ''} onClick={() => navigate('dashboards', { tab: 'health', range: r })}>
              {r}
            </button>
          ))}
        </div>
        <span className="muted">1 s resolution up to 15 min, 1 min beyond; 1 h and longer start from history (10 min steps at 7 d)</span>
      </div>
      {error ? <ErrorBanner title="Probe updates stopped">{error.message}</ErrorBanner> : null}
      {data === undefined ? (
        error ? null : <EmptyState title="Loading probes…" />
      ) : data.probes.length === 0 ? (
        <EmptyState
          title="No health probes configured"
          hint={
            <>
              Add one under <code>probes:</code> in the stack file, e.g. <code>backend-health: {'{ url: http://127.0.0.1:10010/health, every: 5s, slo: { p95: 100ms } }'}</code>
            </>
          }
        />
      ) : (
        <div className="dashboards-list">
          {data.probes.map((p) => (
            <ProbePanel key={p.name} probe={p} range={range} />
          ))}
        </div>
      )}
    </div>
  );
}
