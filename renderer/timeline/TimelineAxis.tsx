import { memo, useMemo } from 'react';
import type { StoredEvent } from '../../shared/contract/history.js';
import { incidentBins } from './incidentBins.js';
import { clockTimeOrDate } from '../components/clock.js';

const bins = 240;

/**
 * Every event of the range on one time axis: a mark per slice, its height by
 * how many events fell in it and its colour by the worst of them. Clicking a
 * mark picks the newest event in that slice.
 */
export const TimelineAxis = memo(function TimelineAxis({ events, from, to, now, onPick, label }: { events: readonly StoredEvent[]; from: number; to: number; now: number; onPick?: (at: number, until: number) => void; label: string }) {
  const marks = useMemo(() => incidentBins(events, from, to, bins), [events, from, to]);
  const most = marks.reduce((m, b) => Math.max(m, b.count), 1);
  const width = (to - from) / bins;
  return (
    <figure className="timeline-axis" aria-label={label}>
      <svg viewBox={`0 0 ${bins} 40`} preserveAspectRatio="none" role="img" aria-label={`${events.length} events between ${clockTimeOrDate(from, now)} and ${clockTimeOrDate(to, now)}`}>
        <line x1="0" x2={bins} y1="39.5" y2="39.5" className="timeline-axis-base" />
        {marks.map((b) => {
          const h = 8 + 30 * Math.sqrt(b.count / most);
          return (
            <rect key={b.index} x={b.index + 0.1} width={0.8} y={40 - h} height={h} className={`timeline-mark is-${b.worst}`} onClick={onPick ? () => onPick(b.from, b.from + width) : undefined}>
              <title>{`${b.count} event${b.count === 1 ? '' : 's'} from ${clockTimeOrDate(b.from, now)}, worst: ${b.worst}`}</title>
            </rect>
          );
        })}
      </svg>
      <figcaption className="timeline-axis-ticks" aria-hidden="true">
        <span>{clockTimeOrDate(from, now)}</span>
        <span>{clockTimeOrDate(from + (to - from) / 2, now)}</span>
        <span>{clockTimeOrDate(to, now)}</span>
      </figcaption>
    </figure>
  );
});
