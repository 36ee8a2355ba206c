import { useEffect, useState } from 'react';
import { useClient, useConnectionStatus } from '../client/hooks.js';
import { navigate } from '../navigation/router.js';
import { ActionButton } from '../components/ActionButton.js';
import { ErrorBanner } from '../components/ErrorBanner.js';
import { StatusPill } from '../components/StatusPill.js';
import type { StoredEvent, StoredEventWithEvidence } from '../../shared/contract/history.js';
import { detailEntries, severityTone, sourceScreen } from './eventPresentation.js';
import { clockTimeOrDate } from '../components/clock.js';

/** One event opened: what it says, its details (reason, exit code…), the log lines kept with it, and where to go next. */
export function EventDetails({ event, now }: { event: StoredEvent; now: number }) {
  const client = useClient();
  // Asked again once connected: a call made while the socket (re)connects is refused, not queued.
  const connected = useConnectionStatus() === 'open';
  const [full, setFull] = useState<StoredEventWithEvidence | null | undefined>(undefined);
  const [error, setError] = useState<string>();
  useEffect(() => {
    let cancelled = false;
    setFull(undefined);
    setError(undefined);
    if (event.evidenceCount === 0 || !connected) return;
    client.call('history.event', { id: event.id }).then(
      (e) => !cancelled && setFull(e),
      (e: { message?: string }) => !cancelled && setError(e.message ?? String(e)),
    );
    return () => {
      cancelled = true;
    };
  }, [client, connected, event.id, event.evidenceCount]);
  const screen = sourceScreen(event);
  const details = detailEntries(event);
  return (
    <section className="timeline-details" aria-label="Event details">
      <header className="timeline-details-head">
        <StatusPill tone={severityTone[event.severity]}>{event.severity}</StatusPill>
        <span className="timeline-details-kind">{event.kind}</span>
        <time dateTime={new Date(event.at).toISOString()}>{clockTimeOrDate(event.at, now)}</time>
      </header>
      <p className="timeline-details-summary">{event.summary}</p>
      <p className="muted">
        Source <code>{event.source}</code>
      </p>
      {details.length > 0 ? (
        <dl className="timeline-details-facts">
          {details.map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      <div className="timeline-details-actions">
        {screen ? (
          <ActionButton label={screen.label} onClick={() => navigate(screen.screen, screen.params)} />
        ) : null}
        <ActionButton label={`Logs of ${event.source} at ${clockTimeOrDate(event.at, now)}`} onClick={() => navigate('logs', { source: event.source, at: String(event.at) })} />
      </div>
      {event.evidenceCount > 0 ? (
        <figure className="timeline-evidence" aria-label="Evidence">
          <figcaption>
            Last {event.evidenceCount} log lines of {event.source} before it
          </figcaption>
          {error ? <ErrorBanner title="Could not read the evidence">{error}</ErrorBanner> : null}
          {full === undefined && !error ? <p className="muted">Loading…</p> : null}
          {full ? (
            <pre className="timeline-evidence-lines">
              {full.evidence.map((l, i) => (
                <div key={i} className={l.stream === 'stderr' ? 'is-stderr' : ''}>
                  <span className="timeline-evidence-time">{clockTimeOrDate(l.ts, now)}</span> {l.text}
                </div>
              ))}
            </pre>
          ) : null}
        </figure>
      ) : (
        <p className="muted">No log lines are kept with this event (only failures keep their source’s last lines).</p>
      )}
    </section>
  );
}
