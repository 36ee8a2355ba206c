import { EmptyState } from '../components/EmptyState.js';
import { ErrorBanner } from '../components/ErrorBanner.js';
import { Panel } from '../components/Panel.js';
import { StatusPill } from '../components/StatusPill.js';
import { formatMs, formatPercent } from '../components/time.js';
import { useTopicState, useTopicStream } from '../client/hooks.js';
import { navigate } from '../navigation/router.js';
import type { ProbeSample, ProbeSummary } from '../../shared/contract/probes.js';
import { probeVerdict, sloVerdict } from '../dashboards/probeVerdict.js';
import { maxOverviewSamples, recentSamples } from './probeSeries.js';
import { LatencyChart } from '../components/charts/LatencyChart.js';
import { latencyTarget } from '../components/charts/latencyTarget.js';

const noSamples: ProbeSample[] = [];

export function ProbeCard() {
  const { data, error } = useTopicState('probes');
  const probe = data?.probes[0];
  return (
    <Panel
      title={probe ? `Health · ${probe.name}` : 'Health'}
      className="probe-card"
      actions={<button className="link-button" onClick={() => navigate('dashboards')}>Dashboards →</button>}
    >
      {error ? <ErrorBanner title="Probe updates stopped">{error.message}</ErrorBanner> : null}
      {data === undefined ? (
        error ? null : <EmptyState title="Loading probes…" />
      ) : !probe ? (
        <EmptyState title="No health probes configured" hint={<>Add one under <code>probes:</code> in the stack file, e.g. <code>url: http://127.0.0.1:10010/health</code>.</>} />
      ) : (
        <ProbeDetail probe={probe} />
      )}
    </Panel>
  );
}

function ProbeDetail({ probe }: { probe: ProbeSummary }) {
  const { data: samples } = useTopicStream('probe.samples', { probe: probe.name }, recentSamples, 'overview-recent');
  const p95Slo = probe.slo.find((s) => s.objective === 'p95');
  const last = probe.last;
  const verdict = probeVerdict(last);
  return (
    <div className="probe-detail">
      <dl className="stat-strip">
        <div>
          <dt>Status</dt>
          <dd>
            <StatusPill tone={verdict.tone} title={last?.error}>
              {verdict.label}
            </StatusPill>
          </dd>
        </div>
        <div>
          <dt>Last</dt>
          <dd>{formatMs(last?.latencyMs)}</dd>
        </div>
        <div>
          <dt>p95 · 5 min</dt>
          <dd>{probe.windows['5m'].count ? formatMs(probe.windows['5m'].p95) : '—'}</dd>
        </div>
        <div>
          <dt>Availability</dt>
          <dd>{formatPercent(probe.availability15m, 2)}</dd>
        </div>
        {p95Slo ? (
          <div>
            <dt>SLO</dt>
            <dd>
              <StatusPill tone={sloVerdict(p95Slo).tone}>{p95Slo.target}</StatusPill>
            </dd>
          </div>
        ) : null}
      </dl>
      {/* The time the kept samples span at the probe's interval: five minutes for a probe a second. */}
      <LatencyChart name={probe.name} samples={samples ?? noSamples} rangeMs={maxOverviewSamples * probe.everyMs} height={180} {...latencyTarget(probe.slo)} />
    </div>
  );
}
