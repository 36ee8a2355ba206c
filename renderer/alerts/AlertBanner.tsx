import { memo } from 'react';
import { useCommand, useTopicState } from '../client/hooks.js';
import { ActionButton } from '../components/ActionButton.js';
import type { AlertView } from '../../shared/contract/alerts.js';
import { needsAttention, severityTone } from './alertVerdict.js';

/** On every screen while something fires and nobody has acknowledged it. */
export function AlertBanner() {
  const { data } = useTopicState('alerts.firing');
  const firing = needsAttention(data?.firing ?? []);
  if (firing.length === 0) return null;
  return <FiringBanner first={firing[0]!} count={firing.length} />;
}

// Memoised: a firing alert's live value moves each second; the banner changes only when what it says does.
const FiringBanner = memo(function FiringBanner({ first, count }: { first: AlertView; count: number }) {
  const acknowledge = useCommand('alerts.acknowledge');
  const tone = severityTone(first.severity);
  return (
    <div className={`alert-banner alert-banner-${tone}`} role="alert">
      <strong>
        {count === 1 ? '1 alert firing' : `${count} alerts firing`} · {first.severity}
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
});
