import type { StatsSample } from '../../shared/contract/containers.js';

const width = 9;

const reported = (v: number): number | null => (Number.isNaN(v) ? null : v);

/**
 * A container's recent samples in one fixed typed array (15 min at 1 s by
 * default): memory is allocated once and never grows, however long it runs.
 * Fields are written out by name: a loop over names would be a keyed,
 * polymorphic property access for every field of every sample.
 */
export class StatsHistory {
  private readonly data: Float64Array;
  private next = 0;
  private count = 0;

  constructor(readonly capacity = 900) {
    this.data = new Float64Array(capacity * width);
  }

  push(s: StatsSample): void {
    const d = this.data;
    const b = this.next * width;
    d[b] = s.ts;
    d[b + 1] = s.cpuPercent;
    d[b + 2] = s.memUsed;
    d[b + 3] = s.memLimit;
    // NaN stands for "not reported" (null) in the typed array.
    d[b + 4] = s.rxBytesPerSec ?? NaN;
    d[b + 5] = s.txBytesPerSec ?? NaN;
    d[b + 6] = s.blockReadBytesPerSec;
    d[b + 7] = s.blockWriteBytesPerSec;
    d[b + 8] = s.pids;
    this.next = (this.next + 1) % this.capacity;
    if (this.count < this.capacity) this.count++;
  }

  get size(): number {
    return this.count;
  }

  latest(): StatsSample | undefined {
    return this.count === 0 ? undefined : this.at((this.next - 1 + this.capacity) % this.capacity);
  }

  /** Oldest first. */
  toArray(): StatsSample[] {
    const out: StatsSample[] = [];
    const start = (this.next - this.count + this.capacity) % this.capacity;
    for (let i = 0; i < this.count; i++) out.push(this.at((start + i) % this.capacity));
    return out;
  }

  private at(slot: number): StatsSample {
    const d = this.data;
    const b = slot * width;
    return {
      ts: d[b]!,
      cpuPercent: d[b + 1]!,
      memUsed: d[b + 2]!,
      memLimit: d[b + 3]!,
      rxBytesPerSec: reported(d[b + 4]!),
      txBytesPerSec: reported(d[b + 5]!),
      blockReadBytesPerSec: d[b + 6]!,
      blockWriteBytesPerSec: d[b + 7]!,
      pids: d[b + 8]!,
    };
  }
}
