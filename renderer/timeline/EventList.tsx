import { useEffect, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { StoredEvent } from '../../shared/contract/history.js';
import { eventTime } from './eventPresentation.js';

/** One row's height; must match .timeline-row in timeline.css. */
export const eventRowHeight = 30;

/**
 * The events, newest first, as a virtualized list: only the rows in view
 * (and a few around them) exist, so 10,000 events scroll like 30.
 */
export function EventList({ events, selected, onSelect, now }: { events: readonly StoredEvent[]; selected: number | undefined; onSelect: (id: number) => void; now: number }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: events.length, getScrollElement: () => scrollRef.current, estimateSize: () => eventRowHeight, overscan: 8, getItemKey: (i) => events[i]!.id });
  const selectedIndex = selected === undefined ? -1 : events.findIndex((e) => e.id === selected);
  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);
  const move = (delta: number) => {
    const next = events[Math.max(0, Math.min(events.length - 1, (selectedIndex < 0 ? -1 : selectedIndex) + delta))];
    if (next) onSelect(next.id);
  };
  return (
    <div
      ref={scrollRef}
      className="timeline-list"
      role="listbox"
      aria-label="Events, newest first"
      tabIndex={0}
      data-rows={events.length}
      onKeyDown={(e) => {
        if (e.key === 'ArrowDown' || e.key === 'j') move(1);
        else if (e.key === 'ArrowUp' || e.key === 'k') move(-1);
        else return;
        e.preventDefault();
      }}
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const e = events[item.index]!;
          const isSelected = e.id === selected;
          return (
            <div
              key={item.key}
              role="option"
              aria-selected={isSelected}
              className={`timeline-row is-${e.severity}${isSelected ? ' is-selected' : ''}`}
              style={{ transform: `translateY(${item.start}px)` }}
              onClick={() => onSelect(e.id)}
            >
              <span className="timeline-row-time">{eventTime(e.at, now)}</span>
              <span className={`timeline-sev is-${e.severity}`}>{e.severity}</span>
              <span className="timeline-row-source">{e.source}</span>
              <span className="timeline-row-kind">{e.kind}</span>
              <span className="timeline-row-summary">{e.summary}</span>
              {e.evidenceCount > 0 ? <span className="timeline-row-evidence" title={`${e.evidenceCount} log ${e.evidenceCount === 1 ? 'line' : 'lines'} kept`}>{e.evidenceCount} {e.evidenceCount === 1 ? 'line' : 'lines'}</span> : null}
            </div>
          );
        })}
      </div>
    </div>
  );
}
