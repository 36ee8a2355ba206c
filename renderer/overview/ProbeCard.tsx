import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { EmptyState } from '../components/EmptyState.js';
import { ErrorBanner } from '../components/ErrorBanner.js';
import { Panel } from '../components/Panel.js';
import { StatusPill } from '../components/StatusPill.js';
import { formatMs, formatPercent } from '../components/time.js';
import { useTopicState, useTopicStream } from '../client/hooks.js';
import { navigate } from '../navigation/router.js';
import type { ProbeSummary } from '../../shared/contract/probes.js';
import { probeVerdict, sloVerdict } from '../dashboards/probeVerdict.js';
import { recentSamples } from './probeSeries.js';

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
  const points = (samples ?? []).map((s) => ({ ts: s.ts, ok: s.outcome === 'ok' ? s.latencyMs : null, fail: s.outcome === 'ok' ? null : s.latencyMs }));
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
      <div className="chart" role="img" aria-label={`latency of ${probe.name}, last ${points.length} samples`} data-points={points.length}>
        <ResponsiveContainer width="100%" height={180}>
          <LineChart data={points} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
            <CartesianGrid stroke="var(--grid)" vertical={false} />
            <XAxis dataKey="ts" type="number" domain={['dataMin', 'dataMax']} tickFormatter={clock} stroke="var(--muted)" fontSize={11} minTickGap={40} />
            <YAxis stroke="var(--muted)" fontSize={11} width={56} tickFormatter={(v: number) => `${v} ms`} />
            <Tooltip labelFormatter={(v) => clock(Number(v))} formatter={(v) => formatMs(Number(v))} contentStyle={{ background: 'var(--panel-2)', border: '1px solid var(--border)' }} />
            {p95Slo ? <ReferenceLine y={p95Slo.threshold} stroke="var(--warn)" strokeDasharray="4 4" label={{ value: `p95 target ${p95Slo.threshold} ms`, fill: 'var(--warn-text)', fontSize: 11, position: 'insideTopRight' }} /> : null}
            <Line dataKey="ok" name="latency" stroke="var(--accent)" dot={false} strokeWidth={1.5} isAnimationActive={false} connectNulls={false} />
            <Line dataKey="fail" name="failed" stroke="var(--bad)" dot={{ r: 2 }} strokeWidth={0} isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </div>
    </div>
  );
}

function clock(ts: number): string {
  return new Date(ts).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}
