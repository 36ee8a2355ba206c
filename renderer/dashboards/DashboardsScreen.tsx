import { useRoute, navigate } from '../navigation/router.js';
import { isChartRange, type ChartRange } from './chartRanges.js';
import { BenchmarkTab } from './BenchmarkTab.js';
import { CacheTab } from './CacheTab.js';
import { HealthTab } from './HealthTab.js';
import { PrometheusTab } from './PrometheusTab.js';
import './dashboards.css';

const tabs = [
  { id: 'health', title: 'Health & latency' },
  { id: 'cache', title: 'Cache hit rate' },
  { id: 'benchmark', title: 'Benchmark' },
  { id: 'prometheus', title: 'Prometheus' },
] as const;
type TabId = (typeof tabs)[number]['id'];

/** Probes with latency and SLOs, cache hit rates, and the built-in load test; the tab and range live in the URL. */
export function DashboardsScreen() {
  const { params } = useRoute();
  const tab: TabId = tabs.some((t) => t.id === params.get('tab')) ? (params.get('tab') as TabId) : 'health';
  const rangeParam = params.get('range');
  const range: ChartRange = isChartRange(rangeParam) ? rangeParam : '15m';
  return (
    <section className="dashboards" aria-label="Dashboards">
      <div className="dashboards-tabs" role="tablist" aria-label="Dashboards">
        {tabs.map((t) => (
          <button key={t.id} type="button" role="tab" aria-selected={t.id === tab} className={t.id === tab ? 'is-active' : ''} onClick={() => navigate('dashboards', { tab: t.id })}>
            {t.title}
          </button>
        ))}
      </div>
      <div role="tabpanel" aria-label={tabs.find((t) => t.id === tab)!.title}>
        {tab === 'health' ? (
          <HealthTab range={range} />
        ) : tab === 'cache' ? (
          <CacheTab />
        ) : tab === 'prometheus' ? (
          <PrometheusTab />
        ) : (
          <BenchmarkTab {...(params.get('probe') ? { probe: params.get('probe')! } : {})} />
        )}
      </div>
    </section>
  );
}
