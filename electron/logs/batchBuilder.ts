import type { LogBatch } from '../../shared/contract/logs.js';
import type { SourceRing } from './sourceRing.js';

/**
 * Gathers lines from the hub's rings straight into a LogBatch's columns:
 * no object per line between the rings and the wire. Seq and time go as
 * differences to the line before, which are small numbers in JSON.
 */
export class BatchBuilder {
  private readonly sourceIndex = new Map<SourceRing, number>();
  private readonly out: LogBatch = { sources: [], seq: [], ts: [], src: [], stream: [], level: [], text: [] };
  private prevSeq = 0;
  private prevTs = 0;

  readonly add = (ring: SourceRing, i: number): void => {
    let src = this.sourceIndex.get(ring);
    if (src === undefined) {
      src = this.out.sources.length;
      this.sourceIndex.set(ring, src);
      this.out.sources.push(ring.source);
    }
    const seq = ring.seqAt(i);
    const ts = ring.tsAt(i);
    this.out.seq.push(seq - this.prevSeq);
    this.out.ts.push(ts - this.prevTs);
    this.prevSeq = seq;
    this.prevTs = ts;
    this.out.src.push(src);
    this.out.stream.push(ring.streamCodeAt(i));
    this.out.level.push(ring.levelCodeAt(i));
    this.out.text.push(ring.textAt(i));
  };

  get size(): number {
    return this.out.text.length;
  }

  /** The seq of the newest line added (0 when none). */
  get lastSeq(): number {
    return this.prevSeq;
  }

  get batch(): LogBatch {
    return this.out;
  }
}
