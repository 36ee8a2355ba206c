export const oneMsNs = 1_000_000n;
const firstWindowNs = 2_000_000_000n;

/** What a window that held more than could be read showed of itself. */
export interface Overflow {
  since: bigint;
  /** Bytes read before stopping, and the stamps of the first and last line among them. */
  bytes: number;
  firstNs?: bigint | undefined;
  lastNs?: bigint | undefined;
}

/**
 * How wide each next window of log history is, going back in time. Docker
 * reads a window oldest line first, so when one holds more than may be read,
 * only a narrower window at its newer end can give the lines next to the
 * viewer's. The planner then sizes the next window by how dense the part it
 * did read was (one step in a steady flood), halving the crowded stretch
 * instead where that guess finds nothing (a flood that ended before the
 * viewer's lines); after a window fits, windows are sized by the density
 * seen, and grow four-fold over quiet stretches. Windows are whole
 * milliseconds, so a viewer's millisecond is never split.
 */
export class HistoryWindows {
  private width = firstWindowNs;
  /** From here up to the current end, the log holds more than one window may read. */
  private crowdedFrom: bigint | undefined;
  /** A width that the density of the crowded stretch says would fit. */
  private guess: bigint | undefined;

  /** Width of the window that ends at `until`. */
  widthAt(until: bigint): bigint {
    if (this.crowdedFrom === undefined) return this.width;
    const half = wholeMs((until - this.crowdedFrom + 1n) / 2n);
    return this.guess !== undefined && this.guess < half ? this.guess : half;
  }

  /** The window held more than could be read; the next should hold about `targetBytes`. */
  overflowed(o: Overflow, targetBytes: number): void {
    this.crowdedFrom = o.firstNs !== undefined && o.firstNs > o.since ? (o.firstNs / oneMsNs) * oneMsNs : o.since;
    const spanNs = o.firstNs !== undefined && o.lastNs !== undefined ? o.lastNs - o.firstNs : 0n;
    this.guess = spanNs > 0n && o.bytes > 0 ? sizedFor(spanNs, o.bytes, targetBytes) : undefined;
  }

  /** The window [since, …] of `width` was read whole, `bytes` of it; the next should hold about `targetBytes`. */
  completed(since: bigint, width: bigint, bytes: number, targetBytes: number): void {
    // A guess that found nothing was about a denser stretch further back: halve what is left instead.
    this.guess = undefined;
    if (this.crowdedFrom !== undefined && (bytes > 0 || since <= this.crowdedFrom)) this.crowdedFrom = undefined;
    if (this.crowdedFrom !== undefined) return;
    if (bytes === 0) {
      this.width = width * 4n;
      return;
    }
    const sized = sizedFor(width, bytes, targetBytes);
    this.width = sized > width * 4n ? width * 4n : sized;
  }
}

function sizedFor(widthNs: bigint, bytes: number, targetBytes: number): bigint {
  return wholeMs((widthNs * BigInt(Math.max(1, Math.floor(targetBytes)))) / BigInt(Math.max(1, bytes)));
}

function wholeMs(ns: bigint): bigint {
  const ms = (ns / oneMsNs) * oneMsNs;
  return ms < oneMsNs ? oneMsNs : ms;
}
