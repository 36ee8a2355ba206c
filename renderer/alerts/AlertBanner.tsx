import { useCommand, useTopicState } from '../client/hooks.js';
import { ActionButton } from '../components/ActionButton.js';
import { needsAttention, severityTone } from './alertVerdict.js';

/** On every screen while something fires and nobody has acknowledged it. */
export function AlertBanner() {
  const { data } = useTopicState('alerts');
  const acknowledge = useCommand('alerts.acknowledge');
  const firing = needsAttention(data?.active ?? []);
  if (firing.length === 0) return null;
  const first = firing[0]!;
  const tone = severityTone(first.severity);
  return (
    <div className={`alert-banner alert-banner-${tone}`} role="alert">
      <strong>
        {firing.length === 1 ? '1 alert firing' : `${firing.length} alerts firing`} · {first.severity}
      </strong>
      <span className="alert-banner-summary">{first.summary}</span>
      <a className="alert-banner-link" href={first.link}>
        Open {first.source}
      </a>
      <a className="alert-banner-link" href="#/alerts">
        All alerts
      </a>
      <ActionButton label="Acknowledge" aria-label={`Acknowledge ${first.rule} on ${first.source}`} pending={acknowledge.isPending} onClick={() => acknowledge.mutate({ id: first.id })} />
    </div>
  );
}
