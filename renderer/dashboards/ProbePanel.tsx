import { memo } from 'react';
import { ActionButton } from '../components/ActionButton.js';
import { StatusPill } from '../components/StatusPill.js';
import { formatMs, formatPercent } from '../components/time.js';
import { navigate } from '../navigation/router.js';
import type { ProbeSummary, SloVerdict } from '../../shared/contract/probes.js';
import type { ChartRange } from './chartRanges.js';
import { latencyTarget } from '../components/charts/latencyTarget.js';
import { ProbeChart } from './ProbeChart.js';
import { probeVerdict, sloVerdict } from './probeVerdict.js';

const windows = ['1m', '5m', '15m'] as const;

/**
 * One probe: what it checks, how it is doing now, its percentiles, SLOs and live latency chart.
 * Memoised: the probes topic sends every probe's summary on each change, and the topic store keeps
 * the identity of those that did not change, so only the panels of probes that moved re-render.
 */
export const ProbePanel = memo(function ProbePanel({ probe, range }: { probe: ProbeSummary; range: ChartRange }) {
  const last = probe.last;
  const verdict = probeVerdict(last);
  return (
    <section className="panel dashboards-probe" aria-label={`probe ${probe.name}`}>
      <header className="panel-header">
        <div className="dashboards-probe-title">
          <h2 className="panel-title">{probe.name}</h2>
          <span className="dashboards-kind">{probe.kind.toUpperCase()}</span>
          <code className="dashboards-target" title={probe.target}>{probe.target}</code>
        </div>
        <div className="panel-actions">
          <StatusPill tone={verdict.tone} title={last?.error}>
            {verdict.label}
          </StatusPill>
          {probe.kind === 'http' ? <ActionButton label="Benchmark" onClick={() => navigate('dashboards', { tab: 'benchmark', probe: probe.name })} /> : null}
        </div>
      </header>
      <div className="panel-body">
        {last && last.outcome !== 'ok' ? <div className="dashboards-last-error text-bad">{last.error ?? last.outcome}</div> : null}
        <div className="dashboards-probe-stats">
          <table className="dashboards-percentiles" aria-label={`percentiles of ${probe.name}`}>
            <thead>
              <tr>
                <th scope="col">window</th>
                <th scope="col">p50</th>
                <th scope="col">p95</th>
                <th scope="col">p99</th>
                <th scope="col">runs</th>
              </tr>
            </thead>
            <tbody>
              {windows.map((w) => {
                const p = probe.windows[w];
                return (
                  <tr key={w}>
                    <th scope="row">{w}</th>
                    <td>{p.count ? formatMs(p.p50) : '—'}</td>
                    <td>{p.count ? formatMs(p.p95) : '—'}</td>
                    <td>{p.count ? formatMs(p.p99) : '—'}</td>
                    <td>{p.count}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <dl className="dashboards-facts">
            <div>
              <dt>Last run</dt>
              <dd>{formatMs(last?.latencyMs)}</dd>
            </div>
            <div>
              <dt>Availability · 15m</dt>
              <dd>{formatPercent(probe.availability15m, 2)}</dd>
            </div>
            <div>
              <dt>Every</dt>
              <dd>{formatMs(probe.everyMs)}</dd>
            </div>
          </dl>
          <ul className="dashboards-slos" aria-label={`SLOs of ${probe.name}`}>
            {probe.slo.length === 0 ? <li className="muted">No SLO set — add <code>slo: {'{ p95: 100ms }'}</code> to the probe.</li> : null}
            {probe.slo.map((v) => (
              <SloRow key={v.target} verdict={v} />
            ))}
          </ul>
        </div>
        <ProbeChart name={probe.name} range={range} everyMs={probe.everyMs} {...latencyTarget(probe.slo)} />
      </div>
    </section>
  );
});

// Memoised: the topic store keeps an unchanged verdict's identity, so only SLOs that moved re-render.
const SloRow = memo(function SloRow({ verdict: v }: { verdict: SloVerdict }) {
  const verdict = sloVerdict(v);
  const actual = v.actual === null ? '—' : v.objective === 'availability' ? formatPercent(v.actual, 2) : formatMs(v.actual);
  return (
    <li className="dashboards-slo">
      <StatusPill tone={verdict.tone}>{verdict.label}</StatusPill>
      <span className="dashboards-slo-target">{v.target}</span>
      <span className="dashboards-slo-actual">now {actual}</span>
      {v.budgetLeft !== undefined ? (
        <span className="dashboards-budget" title="error budget left in the 15 min window">
          <span className="dashboards-budget-bar" aria-hidden="true">
            <span style={{ width: `${Math.round(v.budgetLeft * 100)}%` }} className={v.budgetLeft < 0.25 ? 'is-low' : ''} />
          </span>
          budget {formatPercent(v.budgetLeft, 0)} left
        </span>
      ) : null}
    </li>
  );
});
