import { useCallback, useEffect, useLayoutEffect, useRef, type ReactNode } from 'react';
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import type { LogStore } from './logStore.js';
import { LogBlock, blockLines } from './LogBlock.js';

/** Height of one unwrapped line; must match .logs-row in logs.css. */
export const rowHeight = 18;

interface Props {
  store: LogStore;
  /** The store's version: a new value means new lines to show. */
  version: number;
  following: boolean;
  onFollowingChange: (following: boolean) => void;
  wrap: boolean;
  showTime: boolean;
  pattern: RegExp | undefined;
  currentHit: number | undefined;
  /** A line to bring into view (search next/previous); changes of `revealKey` repeat it. */
  reveal: number | undefined;
  revealKey: number;
  selFrom: number;
  selTo: number;
  onRowClick: (index: number, extend: boolean) => void;
  /** The reader reached the oldest held line: a chance to fetch older ones. */
  onReachTop: () => void;
  hueOf: (source: string) => number;
  /** Shown above the oldest line (where older lines come from); it scrolls with the lines. */
  header?: ReactNode;
  headerHeight?: number;
  children?: ReactNode;
}

/** As many blocks as fill the view where the scroll is now, plus one (the newest is partly filled), taken from the newest end. */
function newestBlocks(range: Range): number[] {
  const take = Math.min(range.count, range.endIndex - range.startIndex + 2);
  return Array.from({ length: take }, (_, k) => range.count - take + k);
}

/**
 * The scrolling part of the viewer. It virtualizes blocks of lines, keeps
 * the newest line in view while following, stops following the moment the
 * reader scrolls up, and keeps the lines being read still while older ones
 * fall out or are loaded above them.
 */
export function LogViewport(props: Props) {
  const { store, version, following, onFollowingChange, wrap, reveal, revealKey } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const firstBlock = Math.floor(store.first / blockLines);
  const lastBlock = store.size > 0 ? Math.floor((store.end - 1) / blockLines) : firstBlock - 1;
  const count = lastBlock - firstBlock + 1;
  const first = store.first;
  const end = store.end;

  const linesIn = (block: number) => Math.min(end, (block + 1) * blockLines) - Math.max(first, block * blockLines);
  // A new key function whenever the first or last block's size changes makes
  // the virtualizer re-lay out blocks (cheap: one item per block of lines).
  // eslint-disable-next-line react-hooks/exhaustive-deps -- first, end and wrap are the re-layout triggers above
  const getItemKey = useCallback((k: number) => firstBlock + k, [firstBlock, first, end, wrap]);
  // While following, the newest blocks are drawn where the pin is about to scroll to, not where the scroll
  // still is: drawing the old place first, then the new one after the scroll event, built every row twice a frame.
  const rangeExtractor = useCallback((range: Range) => (following ? newestBlocks(range) : defaultRangeExtractor(range)), [following]);
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: (k) => Math.max(1, linesIn(firstBlock + k)) * rowHeight,
    getItemKey,
    overscan: 2,
    rangeExtractor,
    paddingStart: props.header ? (props.headerHeight ?? 0) : 0,
  });

  // Keep the reader's place when lines leave (or arrive) above it.
  const prevFirst = useRef(first);
  useLayoutEffect(() => {
    const el = scrollRef.current;
    const shift = first - prevFirst.current;
    prevFirst.current = first;
    if (!el || following) return;
    if (shift !== 0) el.scrollTop = Math.max(0, el.scrollTop - shift * rowHeight);
  }, [version, following, first, count]);

  // While following, stay pinned whenever the content's height changes: new lines, or the virtualizer's own
  // re-render once it has measured blocks (their real height can differ from the estimate; pinning only on new
  // lines left a gap). Not after renders that leave the height as it was (the one our own scroll causes):
  // reading scrollHeight forces a layout, and doing it twice a frame cost the viewer most of its time in a burst.
  const totalSize = virtualizer.getTotalSize();
  const pinnedAt = useRef(-1);
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el || !following) {
      pinnedAt.current = -1;
      return;
    }
    if (pinnedAt.current === totalSize) return;
    pinnedAt.current = totalSize;
    el.scrollTop = el.scrollHeight;
  });

  useLayoutEffect(() => {
    if (reveal === undefined || !store.has(reveal)) return;
    const el = scrollRef.current;
    const k = Math.floor(reveal / blockLines) - firstBlock;
    virtualizer.scrollToIndex(k, { align: 'center' });
    // Centre the row by hand: scrollIntoView would also scroll the page around the viewer.
    const frame = requestAnimationFrame(() => {
      const row = el?.querySelector(`[data-index="${reveal}"].logs-row`);
      if (!el || !row) return;
      el.scrollTop += row.getBoundingClientRect().top - el.getBoundingClientRect().top - el.clientHeight / 2;
    });
    return () => cancelAnimationFrame(frame);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [reveal, revealKey]);

  const atBottom = (el: HTMLElement) => el.scrollHeight - el.scrollTop - el.clientHeight < rowHeight;
  const onScroll = () => {
    const el = scrollRef.current;
    if (!el) return;
    const bottom = atBottom(el);
    if (following && !bottom) onFollowingChange(false);
    else if (!following && bottom && el.scrollTop > 0) onFollowingChange(true);
    // Reaching the top pauses following too, so this must not wait for the next render to see that.
    if (!bottom && el.scrollTop < rowHeight * 4) props.onReachTop();
  };

  // Wheel and keys pause at once, before the scroll position even moves.
  const onWheel = (e: React.WheelEvent) => {
    if (e.deltaY < 0 && following) onFollowingChange(false);
  };
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (['PageUp', 'ArrowUp', 'Home'].includes(e.key) && following) onFollowingChange(false);
    if (e.key === 'End') onFollowingChange(true);
  };

  useEffect(() => {
    const el = scrollRef.current;
    if (el && following) el.scrollTop = el.scrollHeight;
    pinnedAt.current = -1; // re-pin after the next render too: wrapping changes every block's height
  }, [wrap, following]);

  const onClick = (e: React.MouseEvent) => {
    const row = (e.target as HTMLElement).closest('.logs-row') as HTMLElement | null;
    if (!row || window.getSelection()?.toString()) return;
    props.onRowClick(Number(row.dataset.index), e.shiftKey);
  };

  return (
    <div
      ref={scrollRef}
      className={`logs-viewport${wrap ? ' is-wrapped' : ''}${props.showTime ? '' : ' no-time'}`}
      onScroll={onScroll}
      onWheel={onWheel}
      onKeyDown={onKeyDown}
      onClick={onClick}
      tabIndex={0}
      role="log"
      aria-label="Log lines"
      aria-live="off"
    >
      <div className="logs-canvas" style={{ height: totalSize }}>
        {props.header ? <div className="logs-header">{props.header}</div> : null}
        {virtualizer.getVirtualItems().map((item) => {
          const block = firstBlock + item.index;
          return (
            <LogBlock
              key={item.key as number}
              ref={wrap ? virtualizer.measureElement : undefined}
              virtualIndex={item.index}
              store={store}
              epoch={store.epoch}
              block={block}
              from={Math.max(first, block * blockLines)}
              to={Math.min(end, (block + 1) * blockLines)}
              showTime={props.showTime}
              pattern={props.pattern}
              currentHit={props.currentHit}
              selFrom={props.selFrom}
              selTo={props.selTo}
              hueOf={props.hueOf}
              style={{ transform: `translateY(${item.start}px)` }}
            />
          );
        })}
      </div>
      {props.children}
    </div>
  );
}
