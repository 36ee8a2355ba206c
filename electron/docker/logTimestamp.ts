/**
 * Docker prefixes each log line with an RFC 3339 timestamp in nanoseconds
 * when asked for `timestamps: true`. This splits it off. The full precision
 * is kept because a tight writer puts many lines into one microsecond.
 */
export interface StampedLine {
  /** Whole seconds since epoch. */
  sec: number;
  /** Nanoseconds within that second. */
  nanos: number;
  /** Milliseconds since epoch (what LogLine.ts holds). */
  ms: number;
  text: string;
}

export type Stamp = Pick<StampedLine, 'sec' | 'nanos'>;

const stamp = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d{1,9}))?Z ?/;

export function splitTimestamp(line: string): StampedLine | undefined {
  const match = stamp.exec(line);
  if (!match) return undefined;
  const sec = Date.parse(`${match[1]}Z`) / 1000;
  const nanos = Number((match[2] ?? '').padEnd(9, '0'));
  return { sec, nanos, ms: sec * 1000 + Math.floor(nanos / 1e6), text: line.slice(match[0].length) };
}

/** true when `a` is later than `b`. */
export function isLater(a: Stamp, b: Stamp): boolean {
  return a.sec > b.sec || (a.sec === b.sec && a.nanos > b.nanos);
}

/** Nanoseconds since epoch as Docker's `since`/`until` query values take them ("seconds.nanoseconds"). */
export function dockerTime(ns: bigint): string {
  const s = ns / 1_000_000_000n;
  const frac = ns % 1_000_000_000n;
  return `${s}.${frac.toString().padStart(9, '0')}`;
}
