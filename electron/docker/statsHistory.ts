import type { StatsSample } from '../../shared/contract/containers.js';

const fields = ['ts', 'cpuPercent', 'memUsed', 'memLimit', 'rxBytesPerSec', 'txBytesPerSec', 'blockReadBytesPerSec', 'blockWriteBytesPerSec', 'pids'] as const;

/**
 * A container's recent samples in one fixed typed array (15 min at 1 s by
 * default): memory is allocated once and never grows, however long it runs.
 */
export class StatsHistory {
  private readonly data: Float64Array;
  private next = 0;
  private count = 0;

  constructor(readonly capacity = 900) {
    this.data = new Float64Array(capacity * fields.length);
  }

  push(sample: StatsSample): void {
    const base = this.next * fields.length;
    for (let f = 0; f < fields.length; f++) this.data[base + f] = sample[fields[f]!];
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
    const base = slot * fields.length;
    const sample = {} as StatsSample;
    for (let f = 0; f < fields.length; f++) sample[fields[f]!] = this.data[base + f]!;
    return sample;
  }
}
