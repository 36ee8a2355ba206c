import { forwardRef, memo, type CSSProperties } from 'react';
import type { LogStore } from './logStore.js';
import { LogRow } from './LogRow.js';

/** Lines per virtual item: the virtualizer lays out 62,500 blocks for a million lines instead of a million rows, while a block stays small enough that a screenful renders few rows beyond what is seen. */
export const blockLines = 16;

interface Props {
  store: LogStore;
  block: number;
  epoch: number;
  /** Held lines of this block: [from, to). */
  from: number;
  to: number;
  showTime: boolean;
  pattern: RegExp | undefined;
  currentHit: number | undefined;
  selFrom: number;
  selTo: number;
  hueOf: (source: string) => number;
  style: CSSProperties;
  virtualIndex: number;
}

const BlockView = forwardRef<HTMLDivElement, Props>(function LogBlock(props, ref) {
  const { store, from, to, showTime, pattern, currentHit, selFrom, selTo, hueOf, style, virtualIndex } = props;
  const rows = [];
  for (let i = from; i < to; i++) {
    const line = store.line(i);
    rows.push(
      <LogRow
        key={i}
        line={line}
        showTime={showTime}
        pattern={pattern}
        current={currentHit === i}
        selected={i >= selFrom && i <= selTo}
        sourceHue={hueOf(line.source)}
      />,
    );
  }
  return (
    <div ref={ref} className="logs-block" style={style} data-index={virtualIndex} role="presentation">
      {rows}
    </div>
  );
});

/** Re-renders only when its lines, the view options or a hit/selection inside it change. */
export const LogBlock = memo(BlockView, (a, b) => {
  const start = a.block * blockLines;
  const stop = start + blockLines;
  const inside = (i: number | undefined) => i !== undefined && i >= start && i < stop;
  const selOverlaps = (p: Props) => p.selTo >= start && p.selFrom < stop;
  return (
    a.from === b.from &&
    a.to === b.to &&
    a.store === b.store &&
    a.epoch === b.epoch &&
    a.showTime === b.showTime &&
    a.pattern === b.pattern &&
    a.style.transform === b.style.transform &&
    a.virtualIndex === b.virtualIndex &&
    (a.currentHit === b.currentHit || (!inside(a.currentHit) && !inside(b.currentHit))) &&
    ((a.selFrom === b.selFrom && a.selTo === b.selTo) || (!selOverlaps(a) && !selOverlaps(b)))
  );
});
