import { useState } from 'react';
import { ActionButton } from '../components/ActionButton.js';
import { EmptyState } from '../components/EmptyState.js';
import { ErrorBanner } from '../components/ErrorBanner.js';
import { Panel } from '../components/Panel.js';
import { formatMs } from '../components/time.js';
import { useCommand, useTopicState } from '../client/hooks.js';
import { BenchmarkForm } from './BenchmarkForm.js';
import { BenchmarkResultCard } from './BenchmarkResultCard.js';
import { clockTime } from '../components/clock.js';

/** Run a load test against an HTTP probe, watch it, and compare two kept results side by side. */
export function BenchmarkTab({ probe }: { probe?: string }) {
  const { data: probes } = useTopicState('probes');
  const { data, error } = useTopicState('benchmark.runs');
  const forget = useCommand('benchmark.forget');
  // Compare the two newest by default; the operator can pick any two.
  const [picked, setPicked] = useState<string[] | undefined>(undefined);
  const results = data?.results ?? [];
  const compare = (picked ?? results.slice(0, 2).map((r) => r.id)).filter((id) => results.some((r) => r.id === id)).slice(0, 2);
  const shown = compare.map((id) => results.find((r) => r.id === id)!);
  const toggle = (id: string) => setPicked((compare.includes(id) ? compare.filter((x) => x !== id) : [id, ...compare]).slice(0, 2));
  return (
    <div className="dashboards-bench">
      <Panel title="Load test">
        {error ? <ErrorBanner title="Benchmark updates stopped">{error.message}</ErrorBanner> : null}
        {probes ? <BenchmarkForm probes={probes.probes} {...(probe ? { initialProbe: probe } : {})} {...(data?.running ? { running: data.running } : {})} /> : <EmptyState title="Loading probes…" />}
      </Panel>
      <Panel title="Results">
        {results.length === 0 ? (
          <EmptyState title="No benchmark results yet" hint="Run one above; results are kept so a before/after change can be compared side by side." />
        ) : (
          <ul className="rows" aria-label="Benchmark results">
            {results.map((r) => (
              <li key={r.id} className="row dashboards-result-row" aria-label={`result ${r.probe} ${clockTime(r.startedAt)}`}>
                <div className="row-main">
                  <label className="dashboards-compare">
                    <input type="checkbox" checked={compare.includes(r.id)} onChange={() => toggle(r.id)} aria-label="Compare" />
                  </label>
                  <span className="row-name">{r.probe}</span>
                  <span className="muted">{clockTime(r.startedAt)}</span>
                  <span>{Math.round(r.reqPerSec).toLocaleString()} req/s</span>
                  <span className="muted">p99 {formatMs(r.latencyMs.p99)}</span>
                  <span className={r.status === 'completed' ? 'muted' : 'text-warn'}>{r.status}</span>
                </div>
                <div className="row-actions">
                  <ActionButton label="Forget" onClick={() => forget.mutate({ id: r.id })} />
                </div>
              </li>
            ))}
          </ul>
        )}
      </Panel>
      {shown.length ? (
        <div className={`dashboards-compare-grid ${shown.length === 2 ? 'is-pair' : ''}`} aria-label="Comparison">
          {shown.length === 2 ? (
            <>
              <BenchmarkResultCard result={shown[1]!} />
              <BenchmarkResultCard result={shown[0]!} baseline={shown[1]!} />
            </>
          ) : (
            <BenchmarkResultCard result={shown[0]!} />
          )}
        </div>
      ) : null}
    </div>
  );
}
