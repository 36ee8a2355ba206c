import { useMemo } from 'react';
import { navigate, useRoute } from '../navigation/router.js';
import { EmptyState } from '../components/EmptyState.js';
import { ErrorBanner } from '../components/ErrorBanner.js';
import { eventKinds, eventSeverities, type EventKind, type EventSeverity } from '../../shared/stackEvents.js';
import { pan, rangeBounds, rangeFromParams, rangeToParams, timelineSpans, zoom, type TimelineRange, type TimelineSpan } from './timelineRange.js';
import { severitiesFrom } from './eventPresentation.js';
import { maxTimelineEvents, useTimelineEvents } from './useTimelineEvents.js';
import { TimelineAxis } from './TimelineAxis.js';
import { EventList } from './EventList.js';
import { EventDetails } from './EventDetails.js';
import { HistoryStatusLine } from './HistoryStatusLine.js';
import './timeline.css';

interface Filters {
  source?: string;
  kind?: EventKind;
  severity?: EventSeverity;
}

function filtersFrom(params: URLSearchParams): Filters {
  const kind = params.get('kind');
  const severity = params.get('severity');
  return {
    ...(params.get('source') ? { source: params.get('source')! } : {}),
    ...((eventKinds as readonly string[]).includes(kind ?? '') ? { kind: kind as EventKind } : {}),
    ...((eventSeverities as readonly string[]).includes(severity ?? '') ? { severity: severity as EventSeverity } : {}),
  };
}

/** Everything that happened in the stack on one time axis; range, filters and the opened event live in the URL. */
export function TimelineScreen() {
  const { params } = useRoute();
  const range = rangeFromParams(params);
  const filters = filtersFrom(params);
  const selected = Number(params.get('event')) || undefined;
  // "Now" is taken when the range or filters change; events after it arrive live.
  const paramsKey = params.toString().replace(/(^|&)event=\d+/, '');
  const now = useMemo(() => Date.now(), [paramsKey]); // eslint-disable-line react-hooks/exhaustive-deps -- re-anchored per range/filter change on purpose
  const { from, to } = rangeBounds(range, now);
  const query = useMemo(
    () => ({ sources: filters.source ? [filters.source] : undefined, kinds: filters.kind ? [filters.kind] : undefined, severities: severitiesFrom(filters.severity) }),
    [filters.source, filters.kind, filters.severity],
  );
  const { events, loading, error, truncated } = useTimelineEvents(from, range.end === undefined ? undefined : to, query);
  // The sources of the events in view (with a source filter on, that one; "all sources" clears it).
  const sources = useMemo(() => {
    const all = new Set(events.map((e) => e.source));
    if (filters.source) all.add(filters.source);
    return [...all].sort();
  }, [events, filters.source]);

  const go = (next: TimelineRange, f: Filters = filters, event?: number) =>
    navigate('timeline', { ...rangeToParams(next), ...(f.source ? { source: f.source } : {}), ...(f.kind ? { kind: f.kind } : {}), ...(f.severity ? { severity: f.severity } : {}), ...(event ? { event: String(event) } : {}) });
  const open = events.find((e) => e.id === selected);

  return (
    <section className="timeline" aria-label="Timeline">
      <HistoryStatusLine now={now} />
      <div className="timeline-toolbar">
        <div className="dashboards-ranges" role="radiogroup" aria-label="Time range">
          {(Object.keys(timelineSpans) as TimelineSpan[]).map((s) => (
            <button key={s} type="button" role="radio" aria-checked={s === range.span} className={s === range.span ? 'is-active' : ''} onClick={() => go({ ...range, span: s })}>
              {s}
            </button>
          ))}
        </div>
        <div className="timeline-pan" role="group" aria-label="Move and zoom">
          <button type="button" onClick={() => go(pan(range, -1, Date.now()))}>‹ Earlier</button>
          <button type="button" onClick={() => go(pan(range, 1, Date.now()))} disabled={range.end === undefined}>Later ›</button>
          <button type="button" onClick={() => go({ span: range.span })} disabled={range.end === undefined}>Now</button>
          <button type="button" onClick={() => go(zoom(range, 'in', Date.now()))} disabled={range.span === '15m'}>Zoom in</button>
          <button type="button" onClick={() => go(zoom(range, 'out', Date.now()))} disabled={range.span === '7d'}>Zoom out</button>
        </div>
        <label className="timeline-filter">
          Source
          <select value={filters.source ?? ''} onChange={(e) => go(range, { ...filters, source: e.target.value || undefined })}>
            <option value="">all sources</option>
            {sources.map((s) => (
              <option key={s} value={s}>{s}</option>
            ))}
          </select>
        </label>
        <label className="timeline-filter">
          Kind
          <select value={filters.kind ?? ''} onChange={(e) => go(range, { ...filters, kind: (e.target.value || undefined) as EventKind | undefined })}>
            <option value="">all kinds</option>
            {eventKinds.map((k) => (
              <option key={k} value={k}>{k}</option>
            ))}
          </select>
        </label>
        <label className="timeline-filter">
          Severity
          <select value={filters.severity ?? ''} onChange={(e) => go(range, { ...filters, severity: (e.target.value || undefined) as EventSeverity | undefined })}>
            <option value="">any severity</option>
            {eventSeverities.map((s) => (
              <option key={s} value={s}>{s} and worse</option>
            ))}
          </select>
        </label>
        <span className="muted timeline-count" role="status">
          {loading ? 'Loading…' : `${events.length.toLocaleString()} events${truncated ? ` (the newest ${maxTimelineEvents.toLocaleString()}; narrow the range for older ones)` : ''}`}
        </span>
      </div>
      <TimelineAxis events={events} from={from} to={range.end ?? Math.max(now, events[0]?.at ?? now)} now={now} label="Events over time" onPick={(at, until) => {
        const pick = events.find((e) => e.at >= at && e.at < until);
        if (pick) go(range, filters, pick.id);
      }} />
      {error ? <ErrorBanner title="Could not read history">{error}</ErrorBanner> : null}
      {!loading && events.length === 0 ? (
        <EmptyState title="No events in this range" hint="Containers, MCP servers, probes, caches and your own actions are recorded here as they happen; widen the range or clear a filter." />
      ) : (
        <div className="timeline-body">
          <EventList events={events} selected={selected} onSelect={(id) => go(range, filters, id)} now={now} />
          {open ? <EventDetails event={open} now={now} /> : <p className="timeline-details muted">Pick an event to see its details and the log lines kept with it.</p>}
        </div>
      )}
    </section>
  );
}
