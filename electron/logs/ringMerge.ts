import { logLevels, logStreams, type LogLevel, type LogStream } from '../../shared/contract/logs.js';
import type { CompiledFilter } from './lineFilter.js';
import type { SourceRing } from './sourceRing.js';

/** Whether the i-th line of a ring (whose source already matched) has a wanted stream and level; a level is guessed only when asked for. */
export function lineMatches(ring: SourceRing, i: number, match: CompiledFilter): boolean {
  if (match.streams && !match.streams.has(logStreams[ring.streamCodeAt(i)] as LogStream)) return false;
  return !match.levels || match.levels.has(logLevels[ring.levelCodeAt(i)] as LogLevel);
}

/** The rings whose source can match, with lines in them. */
function ringsFor(rings: Iterable<SourceRing>, match: CompiledFilter): SourceRing[] {
  const out: SourceRing[] = [];
  for (const ring of rings) if (ring.count > 0 && match.source(ring.source)) out.push(ring);
  return out;
}

/**
 * Visits the newest `tail` matching lines with seq < `before`, newest first,
 * merged across rings by seq (the order the hub received them). A k-way
 * merge from the newest end; k is the number of sources, which stays small.
 */
export function visitNewest(all: Iterable<SourceRing>, match: CompiledFilter, tail: number, before: number, visit: (ring: SourceRing, i: number) => void): void {
  const rings = ringsFor(all, match);
  const cursors = rings.map((ring) => (before === Infinity ? ring.count : ring.indexOfSeq(before)) - 1);
  // Each cursor's seq, kept beside it: only the ring just taken from is read again.
  const heads = rings.map((ring, k) => ((cursors[k] as number) >= 0 ? ring.seqAt(cursors[k] as number) : -1));
  let taken = 0;
  while (taken < tail) {
    let pick = -1;
    let pickSeq = -1;
    for (let k = 0; k < heads.length; k++) {
      const seq = heads[k] as number;
      if (seq > pickSeq) {
        pickSeq = seq;
        pick = k;
      }
    }
    if (pick < 0) return;
    const ring = rings[pick] as SourceRing;
    const at = cursors[pick] as number;
    cursors[pick] = at - 1;
    heads[pick] = at > 0 ? ring.seqAt(at - 1) : -1;
    if (lineMatches(ring, at, match)) {
      visit(ring, at);
      taken++;
    }
  }
}

/**
 * Visits up to `limit` matching lines with seq > `afterSeq`, oldest first,
 * merged across rings by seq: how a stream catches up at its own pace.
 */
export function visitAfter(all: Iterable<SourceRing>, match: CompiledFilter, afterSeq: number, limit: number, visit: (ring: SourceRing, i: number) => void): void {
  const rings: SourceRing[] = [];
  const cursors: number[] = [];
  for (const ring of ringsFor(all, match)) {
    const at = ring.indexOfSeq(afterSeq + 1);
    if (at < ring.count) {
      rings.push(ring);
      cursors.push(at);
    }
  }
  const heads = rings.map((ring, k) => ring.seqAt(cursors[k] as number));
  let taken = 0;
  while (taken < limit) {
    let pick = -1;
    let pickSeq = Infinity;
    for (let k = 0; k < heads.length; k++) {
      const seq = heads[k] as number;
      if (seq < pickSeq) {
        pickSeq = seq;
        pick = k;
      }
    }
    if (pick < 0) return;
    const ring = rings[pick] as SourceRing;
    const at = cursors[pick] as number;
    cursors[pick] = at + 1;
    heads[pick] = at + 1 < ring.count ? ring.seqAt(at + 1) : Infinity;
    if (lineMatches(ring, at, match)) {
      visit(ring, at);
      taken++;
    }
  }
}
