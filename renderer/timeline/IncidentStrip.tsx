import { useMemo } from 'react';
import { Panel } from '../components/Panel.js';
import { navigate } from '../navigation/router.js';
import { ErrorBanner } from '../components/ErrorBanner.js';
import { timelineSpans, rangeAround, rangeToParams } from './timelineRange.js';
import { severitiesFrom } from './eventPresentation.js';
import { useTimelineEvents } from './useTimelineEvents.js';
import { TimelineAxis } from './TimelineAxis.js';
import type { StoredEvent } from '../../shared/contract/history.js';

const filter = { severities: severitiesFrom('warning') };

function worst(events: readonly StoredEvent[]): string {
  const bad = events.filter((e) => e.severity === 'error' || e.severity === 'critical').length;
  const warn = events.length - bad;
  if (events.length === 0) return 'No incidents in the last 24 h.';
  return `${bad} failure${bad === 1 ? '' : 's'} and ${warn} warning${warn === 1 ? '' : 's'} in the last 24 h — newest: ${events[0]!.summary}`;
}

/** The Overview's last 24 h as a strip of incidents (warnings and worse); a mark opens the Timeline there. */
export function IncidentStrip() {
  const now = useMemo(() => Date.now(), []);
  const from = now - timelineSpans['24h'];
  const { events, error } = useTimelineEvents(from, undefined, filter);
  return (
    <Panel title="Incidents · 24 h" className="incident-strip" actions={<button type="button" className="action-button action-default" onClick={() => navigate('timeline', { span: '24h' })}>Open Timeline</button>}>
      {error ? <ErrorBanner title="Could not read history">{error}</ErrorBanner> : null}
      <TimelineAxis
        events={events}
        from={from}
        to={Math.max(now, events[0]?.at ?? now)}
        now={now}
        label="Incidents in the last 24 hours"
        onPick={(at, until) => navigate('timeline', { ...rangeToParams(rangeAround((at + until) / 2, '1h', Date.now())), severity: 'warning' })}
      />
      <p className="incident-strip-summary">{worst(events)}</p>
    </Panel>
  );
}
