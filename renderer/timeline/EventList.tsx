import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { StoredEvent } from '../../shared/contract/history.js';
import { EventRow } from './EventRow.js';

/** One row's height; must match .timeline-row in timeline.css. */
export const eventRowHeight = 30;

/**
 * The events, newest first, as a virtualized list: only the rows in view
 * (and a few around them) exist, so 10,000 events scroll like 30.
 */
export function EventList({ events, selected, onSelect, now }: { events: readonly StoredEvent[]; selected: number | undefined; onSelect: (id: number) => void; now: number }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // Stable per list: the virtualizer re-measures every row whenever getItemKey changes identity, which a fresh closure did on every scroll frame (10,000 rows each time).
  const getItemKey = useCallback((i: number) => events[i]!.id, [events]);
  const virtualizer = useVirtualizer({ count: events.length, getScrollElement: () => scrollRef.current, estimateSize: () => eventRowHeight, overscan: 8, getItemKey });
  // Memoised: the list re-renders every scroll frame, and this walks up to 10,000 events.
  const selectedIndex = useMemo(() => (selected === undefined ? -1 : events.findIndex((e) => e.id === selected)), [events, selected]);
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
          return <EventRow key={item.key} event={e} top={item.start} selected={e.id === selected} now={now} onSelect={onSelect} />;
        })}
      </div>
    </div>
  );
}
