import type { LogLine } from '../../shared/contract/logs.js';

/**
 * Estimated heap cost of one stored line beyond its text: the line object,
 * its ring slot and boxed numbers. Measured by test/bench/logs.bench.ts
 * ("main-process memory with all buffers full"), rounded up so the global
 * cap holds for real memory, not only for counted text.
 */
export const lineOverheadBytes = 200;

export function lineBytes(text: string): number {
  return lineOverheadBytes + text.length;
}

/**
 * One source's lines, oldest first, in a ring that grows on demand up to
 * `capacity` (so a source that writes ten lines costs ten slots, not 50,000).
 */
export class SourceRing {
  private buf: (LogLine | undefined)[] = new Array(16);
  private head = 0;
  count = 0;
  bytes = 0;
  dropped = 0;

  constructor(
    readonly source: string,
    readonly capacity: number,
  ) {}

  /** Adds a line; returns the line it pushed out when the ring was full. */
  push(line: LogLine): LogLine | undefined {
    let evicted: LogLine | undefined;
    if (this.count === this.capacity) {
      evicted = this.shift();
      this.dropped++;
    } else if (this.count === this.buf.length) {
      this.grow();
    }
    this.buf[(this.head + this.count) % this.buf.length] = line;
    this.count++;
    this.bytes += lineBytes(line.text);
    return evicted;
  }

  /** Removes the oldest line (the caller counts it as dropped where it applies). */
  shift(): LogLine | undefined {
    if (this.count === 0) return undefined;
    const line = this.buf[this.head];
    this.buf[this.head] = undefined;
    this.head = (this.head + 1) % this.buf.length;
    this.count--;
    if (line) this.bytes -= lineBytes(line.text);
    return line;
  }

  /** The i-th line, 0 = oldest. */
  at(i: number): LogLine {
    return this.buf[(this.head + i) % this.buf.length] as LogLine;
  }

  get oldestSeq(): number {
    return this.count === 0 ? Infinity : this.at(0).seq;
  }

  /** Index of the first line with seq >= `seq` (count when none): seqs in a ring only increase. */
  indexOfSeq(seq: number): number {
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.at(mid).seq < seq) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private grow(): void {
    const size = Math.min(this.buf.length * 2, this.capacity);
    const next: (LogLine | undefined)[] = new Array(size);
    for (let i = 0; i < this.count; i++) next[i] = this.at(i);
    this.buf = next;
    this.head = 0;
  }
}
