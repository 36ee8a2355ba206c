/** The spans the Timeline offers; zoom steps through them, pan moves by half of one. */
export const timelineSpans = { '15m': 900_000, '1h': 3_600_000, '6h': 21_600_000, '24h': 86_400_000, '7d': 604_800_000 } as const;
export type TimelineSpan = keyof typeof timelineSpans;
const order = Object.keys(timelineSpans) as TimelineSpan[];

export interface TimelineRange {
  span: TimelineSpan;
  /** Epoch ms the range ends at; undefined = now, and new events keep arriving. */
  end?: number;
}

/** The range a URL names (`span`, `end`), defaulting to the last 24 h. */
export function rangeFromParams(params: URLSearchParams): TimelineRange {
  const span = params.get('span');
  const end = Number(params.get('end'));
  return {
    span: span && span in timelineSpans ? (span as TimelineSpan) : '24h',
    ...(Number.isFinite(end) && end > 0 ? { end } : {}),
  };
}

export function rangeToParams(range: TimelineRange): Record<string, string> {
  return { span: range.span, ...(range.end !== undefined ? { end: String(range.end) } : {}) };
}

/** [from, to) in epoch ms. */
export function rangeBounds(range: TimelineRange, now: number): { from: number; to: number } {
  const to = range.end ?? now;
  return { from: to - timelineSpans[range.span], to };
}

/** Earlier or later by half the span; a pan past now follows now again. */
export function pan(range: TimelineRange, direction: -1 | 1, now: number): TimelineRange {
  const end = (range.end ?? now) + (direction * timelineSpans[range.span]) / 2;
  return end >= now ? { span: range.span } : { span: range.span, end: Math.round(end) };
}

/** One span narrower (in) or wider (out), keeping the range's middle where it was (or its end, while following now). */
export function zoom(range: TimelineRange, direction: 'in' | 'out', now: number): TimelineRange {
  const i = order.indexOf(range.span) + (direction === 'in' ? -1 : 1);
  const span = order[Math.max(0, Math.min(order.length - 1, i))]!;
  if (range.end === undefined) return { span };
  const middle = range.end - timelineSpans[range.span] / 2;
  const end = Math.round(middle + timelineSpans[span] / 2);
  return end >= now ? { span } : { span, end };
}

/** A range of `span` centred on a moment (jumping to an incident from the Overview strip). */
export function rangeAround(at: number, span: TimelineSpan, now: number): TimelineRange {
  const end = Math.round(at + timelineSpans[span] / 2);
  return end >= now ? { span } : { span, end };
}
