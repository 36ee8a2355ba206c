import { memo, type CSSProperties, type ReactNode } from 'react';
import type { StoredLine } from './logStore.js';
import { ansiSegments, type Segment } from './ansiSegments.js';
import { matchRanges } from './logSearch.js';
import { clockTimeMs } from '../components/clock.js';

interface Props {
  line: StoredLine;
  showTime: boolean;
  pattern: RegExp | undefined;
  /** The search hit that next/previous landed on. */
  current: boolean;
  selected: boolean;
  sourceHue: number;
}

/** Splits the coloured runs at search-hit boundaries so hits are marked inside their colours. */
function renderText(segments: Segment[], ranges: [number, number][]): ReactNode[] {
  const out: ReactNode[] = [];
  let offset = 0;
  let r = 0;
  segments.forEach((seg, si) => {
    const style = seg.color || seg.background ? { color: seg.color, background: seg.background } : undefined;
    const parts: ReactNode[] = [];
    let pos = 0;
    while (pos < seg.text.length) {
      while (r < ranges.length && (ranges[r] as [number, number])[1] <= offset + pos) r++;
      const range = ranges[r];
      if (!range || range[0] >= offset + seg.text.length) {
        parts.push(seg.text.slice(pos));
        break;
      }
      const start = Math.max(range[0] - offset, pos);
      if (start > pos) parts.push(seg.text.slice(pos, start));
      const stop = Math.min(range[1] - offset, seg.text.length);
      parts.push(
        <mark key={`${si}-${start}`} className="logs-hit">
          {seg.text.slice(start, stop)}
        </mark>,
      );
      pos = stop;
    }
    offset += seg.text.length;
    out.push(
      seg.className || style ? (
        <span key={si} className={seg.className || undefined} style={style}>
          {parts}
        </span>
      ) : (
        parts
      ),
    );
  });
  return out;
}

function LogRowView({ line, showTime, pattern, current, selected, sourceHue }: Props) {
  const segments = ansiSegments(line.text);
  const plain = segments.length === 1 ? segments[0]!.text : segments.map((s) => s.text).join('');
  const ranges = pattern ? matchRanges(pattern, plain) : [];
  const classes = ['logs-row', `logs-level-${line.level}`, `logs-stream-${line.stream}`];
  if (current) classes.push('is-current');
  if (selected) classes.push('is-selected');
  return (
    <div className={classes.join(' ')} data-index={line.index} data-seq={line.seq}>
      {showTime ? <span className="logs-time">{clockTimeMs(line.ts)}</span> : null}
      <span className="logs-source" style={{ '--source-hue': sourceHue } as CSSProperties} title={line.source}>
        {line.source}
      </span>
      <span className="logs-level" title={`${line.level} on ${line.stream}`}>
        {line.level}
      </span>
      <span className="logs-text">{ranges.length || segments.length > 1 || segments[0]?.className ? renderText(segments, ranges) : plain}</span>
    </div>
  );
}

export const LogRow = memo(
  LogRowView,
  (a, b) =>
    a.line.seq === b.line.seq &&
    a.line.index === b.line.index &&
    a.showTime === b.showTime &&
    a.pattern === b.pattern &&
    a.current === b.current &&
    a.selected === b.selected,
);
