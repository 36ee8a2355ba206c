import { StatusPill } from '../components/StatusPill.js';
import { formatMs, formatPercent } from '../components/time.js';
import type { BenchmarkResult } from '../../shared/contract/benchmark.js';
import { LatencyHistogramChart } from './charts/LatencyHistogramChart.js';
import { clockTime, dateClockTime } from '../components/clock.js';

const percentiles = ['p50', 'p90', 'p95', 'p99', 'max'] as const;

/** One kept load-test result; with `baseline`, each figure shows its change against it. */
export function BenchmarkResultCard({ result: r, baseline }: { result: BenchmarkResult; baseline?: BenchmarkResult }) {
  const errorCount = r.errors.reduce((n, e) => n + e.count, 0);
  return (
    <article className="dashboards-result" aria-label={`benchmark result ${r.probe} ${clockTime(r.startedAt)}`}>
      <header className="dashboards-result-head">
        <strong>{r.probe}</strong>
        <span className="muted">{dateClockTime(r.startedAt)}</span>
        <StatusPill tone={r.status === 'completed' ? (errorCount ? 'warn' : 'ok') : r.status === 'cancelled' ? 'idle' : 'bad'}>{r.status}</StatusPill>
      </header>
      <div className="muted dashboards-result-settings">
        {r.settings.requests !== undefined ? `${r.settings.requests.toLocaleString()} requests` : `${r.settings.durationS} s`} · concurrency {r.settings.concurrency} · {r.url}
      </div>
      {r.error ? <div className="text-bad">{r.error}</div> : null}
      <dl className="dashboards-facts">
        <div>
          <dt>Requests / s</dt>
          <dd className="dashboards-big">
            {Math.round(r.reqPerSec).toLocaleString()}
            <Delta now={r.reqPerSec} before={baseline?.reqPerSec} higherIsBetter />
          </dd>
        </div>
        <div>
          <dt>Responses</dt>
          <dd>{r.requests.toLocaleString()}</dd>
        </div>
        <div>
          <dt>Took</dt>
          <dd>{formatMs(r.durationMs)}</dd>
        </div>
        <div>
          <dt>Errors</dt>
          <dd className={errorCount ? 'text-bad' : ''}>{errorCount.toLocaleString()}</dd>
        </div>
      </dl>
      <table className="dashboards-percentiles" aria-label="latency percentiles">
        <thead>
          <tr>
            {percentiles.map((p) => (
              <th key={p} scope="col">
                {p}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            {percentiles.map((p) => (
              <td key={p}>
                {formatMs(r.latencyMs[p])}
                <Delta now={r.latencyMs[p]} before={baseline?.latencyMs[p]} />
              </td>
            ))}
          </tr>
        </tbody>
      </table>
      {r.histogram.length ? <LatencyHistogramChart name={r.probe} buckets={r.histogram} /> : <div className="dashboards-chart-empty">No responses to draw.</div>}
      {r.errors.length ? (
        <ul className="dashboards-errors" aria-label="errors by kind">
          {r.errors.map((e) => (
            <li key={e.kind}>
              <code>{e.kind}</code> × {e.count.toLocaleString()}
            </li>
          ))}
        </ul>
      ) : null}
      <ul className="dashboards-slos" aria-label="verdict against the probe's SLO">
        {r.verdict.length === 0 ? <li className="muted">The probe has no SLO to judge this run against.</li> : null}
        {r.verdict.map((v) => (
          <li key={v.target} className="dashboards-slo">
            <StatusPill tone={v.pass === null ? 'idle' : v.pass ? 'ok' : 'bad'}>{v.pass === null ? 'no data' : v.pass ? 'pass' : 'fail'}</StatusPill>
            <span className="dashboards-slo-target">{v.target}</span>
            <span className="dashboards-slo-actual">this run {v.actual === null ? '—' : v.objective === 'availability' ? formatPercent(v.actual, 2) : formatMs(v.actual)}</span>
          </li>
        ))}
      </ul>
    </article>
  );
}

/** "+12%" in green or red depending on which way is better. */
function Delta({ now, before, higherIsBetter = false }: { now: number; before: number | undefined; higherIsBetter?: boolean }) {
  if (before === undefined || before === 0) return null;
  const change = (now - before) / before;
  if (Math.abs(change) < 0.005) return <span className="dashboards-delta">±0%</span>;
  const better = higherIsBetter ? change > 0 : change < 0;
  return <span className={`dashboards-delta ${better ? 'is-better' : 'is-worse'}`}>{`${change > 0 ? '+' : ''}${(change * 100).toFixed(0)}%`}</span>;
}
