import type { AlertView } from '../../shared/contract/alerts.js';
import { ActionButton } from '../components/ActionButton.js';
import { StatusPill } from '../components/StatusPill.js';
import { formatDuration } from '../components/time.js';
import { useCommand } from '../client/hooks.js';
import { alertVerdict } from './alertVerdict.js';

const silenceForMs = 60 * 60_000;

/** One alert: what fires, since when, and what the operator can do about it. */
export function AlertRow({ alert, now }: { alert: AlertView; now: number }) {
  const acknowledge = useCommand('alerts.acknowledge');
  const silence = useCommand('alerts.silence');
  const unsilence = useCommand('alerts.unsilence');
  const verdict = alertVerdict(alert);
  // A resolved alert has nothing left to silence: the tag belongs to active ones.
  const silenced = alert.state !== 'resolved' && (alert.silencedUntil ?? 0) > now;
  const label = `${alert.rule} on ${alert.source}`;
  const since = alert.state === 'resolved' ? `resolved ${formatDuration(now - (alert.resolvedAt ?? alert.since))} ago` : `${alert.state} for ${formatDuration(now - alert.since)}`;
  return (
    <li className="row alert-row" aria-label={label}>
      <div className="row-main">
        <StatusPill tone={verdict.tone}>{verdict.label}</StatusPill>
        <span className="row-name">{alert.rule}</span>
        <a href={alert.link} className="alert-source">
          {alert.source}
        </a>
        <span className="row-since">{since}</span>
        {alert.acknowledged ? <span className="alert-tag">acknowledged</span> : null}
        {silenced ? <span className="alert-tag">silenced for {formatDuration(alert.silencedUntil! - now)}</span> : null}
        {alert.flapping ? <span className="alert-tag alert-tag-warn">flapping</span> : null}
      </div>
      <div className="row-detail" title={alert.summary}>
        {alert.summary}
      </div>
      {alert.state === 'resolved' ? null : (
        <div className="row-actions">
          {alert.state === 'firing' && !alert.acknowledged ? (
            <ActionButton label="Acknowledge" aria-label={`Acknowledge ${label}`} pending={acknowledge.isPending} onClick={() => acknowledge.mutate({ id: alert.id })} />
          ) : null}
          {silenced ? (
            <ActionButton label="End silence" aria-label={`End silence ${label}`} pending={unsilence.isPending} onClick={() => unsilence.mutate({ rule: alert.rule, source: alert.source })} />
          ) : (
            <ActionButton label="Silence 1 h" aria-label={`Silence 1 h ${label}`} pending={silence.isPending} onClick={() => silence.mutate({ rule: alert.rule, source: alert.source, forMs: silenceForMs })} />
          )}
        </div>
      )}
    </li>
  );
}
