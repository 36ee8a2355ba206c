import { useTopicState } from '../client/hooks.js';
import { formatDuration } from '../components/time.js';
import { formatBytes } from '../containers/containerFormat.js';
import { clockTimeOrDate } from '../components/clock.js';

/** Where history is kept and how much: path, size against its cap, oldest entry, retention. */
export function HistoryStatusLine({ now }: { now: number }) {
  const { data, error } = useTopicState('history.status');
  if (error) return <p className="timeline-status text-bad">History status unavailable: {error.message}</p>;
  if (!data) return <p className="timeline-status muted">Reading history status…</p>;
  if (!data.enabled) return <p className="timeline-status muted" role="status">History is off: {data.reason}</p>;
  return (
    <dl className="timeline-status" aria-label="History store">
      <div>
        <dt>Store</dt>
        <dd>
          <code title={data.path}>{data.path}</code>
        </dd>
      </div>
      <div>
        <dt>Size</dt>
        <dd>
          {formatBytes(data.bytes)} of {formatBytes(data.maxBytes)}
        </dd>
      </div>
      <div>
        <dt>Oldest</dt>
        <dd>{data.oldest !== undefined ? `${clockTimeOrDate(data.oldest, now)} (${formatDuration(now - data.oldest)} ago)` : '—'}</dd>
      </div>
      <div>
        <dt>Keeps</dt>
        <dd>{formatDuration(data.retainMs)}</dd>
      </div>
      <div>
        <dt>Events</dt>
        <dd>{data.events.toLocaleString()}</dd>
      </div>
      {data.problem ? (
        <div>
          <dt>Problem</dt>
          <dd className="text-bad">{data.problem}</dd>
        </div>
      ) : null}
    </dl>
  );
}
