import { memo } from 'react';
import type { StoredEvent } from '../../shared/contract/history.js';
import { clockTimeOrDate } from '../components/clock.js';

/**
 * One Timeline row at its offset in the list. Memoised: while scrolling, the list re-renders every
 * frame, and only the rows that come into view need building (a row formats its time, the costliest part).
 */
export const EventRow = memo(function EventRow({ event: e, top, selected, now, onSelect }: { event: StoredEvent; top: number; selected: boolean; now: number; onSelect: (id: number) => void }) {
  return (
    <div
      role="option"
      aria-selected={selected}
      className={`timeline-row is-${e.severity}${selected ? ' is-selected' : ''}`}
      style={{ transform: `translateY(${top}px)` }}
      onClick={() => onSelect(e.id)}
    >
      <span className="timeline-row-time">{clockTimeOrDate(e.at, now)}</span>
      <span className={`timeline-sev is-${e.severity}`}>{e.severity}</span>
      <span className="timeline-row-source">{e.source}</span>
      <span className="timeline-row-kind">{e.kind}</span>
      <span className="timeline-row-summary">{e.summary}</span>
      {e.evidenceCount > 0 ? <span className="timeline-row-evidence" title={`${e.evidenceCount} log ${e.evidenceCount === 1 ? 'line' : 'lines'} kept`}>{e.evidenceCount} {e.evidenceCount === 1 ? 'line' : 'lines'}</span> : null}
    </div>
  );
});
