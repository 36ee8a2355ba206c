import { useState } from 'react';
import { ActionButton } from '../components/ActionButton.js';
import { ErrorBanner } from '../components/ErrorBanner.js';
import { formatDuration } from '../components/time.js';
import { useCommand } from '../client/hooks.js';
import type { BenchmarkProgress } from '../../shared/contract/benchmark.js';
import type { ProbeSummary } from '../../shared/contract/probes.js';

/** Settings for a load test (defaults like `ab -n 1000 -c 10`), and the running test's progress with Cancel. */
export function BenchmarkForm({ probes, initialProbe, running }: { probes: ProbeSummary[]; initialProbe?: string; running?: BenchmarkProgress }) {
  const http = probes.filter((p) => p.kind === 'http');
  const [probe, setProbe] = useState(initialProbe && http.some((p) => p.name === initialProbe) ? initialProbe : (http[0]?.name ?? ''));
  const [bound, setBound] = useState<'requests' | 'duration'>('requests');
  const [requests, setRequests] = useState(1000);
  const [durationS, setDurationS] = useState(10);
  const [concurrency, setConcurrency] = useState(10);
  const run = useCommand('benchmark.run');
  const cancel = useCommand('benchmark.cancel');
  if (http.length === 0) {
    return (
      <div className="dashboards-chart-empty">
        No HTTP probes to load-test: add one under <code>probes:</code> in the stack file (<code>url: http://…/health</code>). A benchmark reuses an HTTP probe's request
        (method, headers, body) and its SLO.
      </div>
    );
  }
  const target = http.find((p) => p.name === probe);
  return (
    <div className="dashboards-bench-form">
      <form
        className="dashboards-bench-fields"
        onSubmit={(e) => {
          e.preventDefault();
          run.mutate(bound === 'requests' ? { probe, requests, concurrency } : { probe, durationS, concurrency });
        }}
      >
        <label>
          Probe
          <select value={probe} onChange={(e) => setProbe(e.target.value)} disabled={!!running}>
            {http.map((p) => (
              <option key={p.name} value={p.name}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <fieldset className="dashboards-bound" disabled={!!running}>
          <legend>Stop after</legend>
          <label>
            <input type="radio" name="bound" checked={bound === 'requests'} onChange={() => setBound('requests')} />
            <input type="number" aria-label="Requests" min={1} max={10_000_000} value={requests} onChange={(e) => setRequests(Number(e.target.value))} disabled={bound !== 'requests'} /> requests
          </label>
          <label>
            <input type="radio" name="bound" checked={bound === 'duration'} onChange={() => setBound('duration')} />
            <input type="number" aria-label="Duration in seconds" min={1} max={3600} value={durationS} onChange={(e) => setDurationS(Number(e.target.value))} disabled={bound !== 'duration'} /> seconds
          </label>
        </fieldset>
        <label>
          Concurrency
          <input type="number" aria-label="Concurrency" min={1} max={1000} value={concurrency} onChange={(e) => setConcurrency(Number(e.target.value))} disabled={!!running} />
        </label>
        <ActionButton label="Run benchmark" tone="primary" type="submit" pending={run.isPending} disabled={!!running || !probe} />
      </form>
      {target ? <div className="muted dashboards-bench-target">{target.target}</div> : null}
      {run.error ? <ErrorBanner title="Could not start the load test">{run.error.message}</ErrorBanner> : null}
      {running ? (
        <div className="dashboards-progress" role="group" aria-label={`benchmark of ${running.probe} running`}>
          <div className="dashboards-progress-head">
            <span>
              Load-testing <strong>{running.probe}</strong> · {running.done.toLocaleString()}
              {running.requests ? ` / ${running.requests.toLocaleString()} requests` : ` requests in ${formatDuration(running.elapsedMs)} of ${running.durationS} s`}
            </span>
            <ActionButton label="Cancel" tone="danger" pending={cancel.isPending} onClick={() => cancel.mutate({ id: running.id })} />
          </div>
          <div className="dashboards-progress-bar" role="progressbar" aria-label="Benchmark progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(running.fraction * 100)}>
            <span style={{ width: `${(running.fraction * 100).toFixed(1)}%` }} />
          </div>
        </div>
      ) : null}
    </div>
  );
}
