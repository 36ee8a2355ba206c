import { budgetedFrames } from './renderBudget.js';
import { logLevels, logStreams, type LogBatch, type LogLevel, type LogLine, type LogStream } from '../../shared/contract/logs.js';

export const levelNames: readonly LogLevel[] = logLevels;
export const streamNames: readonly LogStream[] = logStreams;
const levelCode = new Map(levelNames.map((l, i) => [l, i]));
const streamCode = new Map(streamNames.map((s, i) => [s, i]));

/** One held line, read back out of the columns. */
export interface StoredLine extends LogLine {
  /** Position in the store: stable while the line is held, increasing with age reversed. */
  index: number;
}

/**
 * The viewer's own bounded buffer: columns in typed arrays plus one string per
 * line, so a million lines cost about 30 bytes each beyond their text and no
 * object per line. Lines have absolute indexes: the oldest held is `first`,
 * the newest `end - 1`; when full, the oldest fall out and `first` moves on.
 * Readers are told at most once per frame, however many batches arrived (and
 * in a flood less often: see renderBudget.ts), and not while the page is
 * hidden (then all at once when it is shown).
 */
export class LogStore {
  private cap = 0;
  private head = 0;
  private seqs = new Float64Array(0);
  private tss = new Float64Array(0);
  private srcs = new Uint16Array(0);
  private strs = new Uint8Array(0);
  private lvls = new Uint8Array(0);
  private texts: string[] = [];
  private readonly sourceIds = new Map<string, number>();
  readonly sourceNames: string[] = [];
  private readonly listeners = new Set<() => void>();
  private scheduled = false;
  private version = 0;

  size = 0;
  /** Absolute index of the oldest held line. */
  first = 0;
  /** Lines appended since the last reset (what "N new lines" counts from). */
  appended = 0;
  /** Lines the connection skipped because this view fell behind. */
  missed = 0;
  /** Lines that fell out of this store because it was full. */
  evicted = 0;
  /** Bumped by every reset: the same index may now hold a different line. */
  epoch = 0;

  constructor(
    readonly capacity = 1_000_000,
    private readonly schedule: (run: () => void) => void = defaultSchedule,
  ) {}

  get end(): number {
    return this.first + this.size;
  }

  /** Starts over with the opening lines (the snapshot's columns). */
  reset(lines: LogBatch): void {
    this.epoch++;
    this.head = 0;
    this.size = 0;
    this.first = 0;
    this.appended = 0;
    this.missed = 0;
    this.evicted = 0;
    this.texts = [];
    this.cap = 0;
    this.ensure(Math.min(this.capacity, Math.max(lines.text.length, 4_096)));
    this.putBatch(lines);
    this.changed();
  }

  /** Batches as the `logs` topic streams them: columns go straight into columns, with no object per line. */
  appendBatches(batches: readonly LogBatch[], dropped = 0): void {
    for (const batch of batches) {
      this.putBatch(batch);
      this.appended += batch.text.length;
    }
    this.missed += dropped;
    this.changed();
  }

  private putBatch(batch: LogBatch): void {
    const srcs = batch.sources.map((name) => this.sourceCode(name));
    let seq = 0;
    let ts = 0;
    for (let i = 0; i < batch.text.length; i++) {
      seq += batch.seq[i] as number;
      ts += batch.ts[i] as number;
      const slot = this.nextSlot();
      this.seqs[slot] = seq;
      this.tss[slot] = ts;
      this.srcs[slot] = srcs[batch.src[i] as number] as number;
      this.strs[slot] = batch.stream[i] as number;
      this.lvls[slot] = batch.level[i] as number;
      this.texts[slot] = batch.text[i] as string;
    }
  }

  /** Older lines fetched by scrolling back; kept only while there is room. */
  prepend(lines: readonly LogLine[]): number {
    const room = Math.min(lines.length, this.capacity - this.size);
    this.ensure(this.size + room);
    for (let i = lines.length - 1; i >= lines.length - room; i--) {
      this.head = (this.head - 1 + this.cap) % this.cap;
      this.put(this.head, lines[i] as LogLine);
      this.size++;
      this.first--;
    }
    if (room > 0) this.changed();
    return room;
  }

  /** Makes room for one more line at the newest end (the oldest falls out when full) and returns its slot. */
  private nextSlot(): number {
    if (this.size === this.capacity) {
      this.head = (this.head + 1) % this.cap;
      this.size--;
      this.first++;
      this.evicted++;
    } else if (this.size === this.cap) {
      this.ensure(Math.min(this.capacity, this.cap * 2));
    }
    const slot = (this.head + this.size) % this.cap;
    this.size++;
    return slot;
  }

  private sourceCode(source: string): number {
    let src = this.sourceIds.get(source);
    if (src === undefined) {
      src = this.sourceNames.length;
      this.sourceIds.set(source, src);
      this.sourceNames.push(source);
    }
    return src;
  }

  private put(slot: number, line: LogLine): void {
    this.seqs[slot] = line.seq;
    this.tss[slot] = line.ts;
    this.srcs[slot] = this.sourceCode(line.source);
    this.strs[slot] = streamCode.get(line.stream) ?? 0;
    this.lvls[slot] = levelCode.get(line.level) ?? 2;
    this.texts[slot] = line.text;
  }

  private ensure(want: number): void {
    if (want <= this.cap) return;
    const cap = Math.max(want, 1);
    const seqs = new Float64Array(cap);
    const tss = new Float64Array(cap);
    const srcs = new Uint16Array(cap);
    const strs = new Uint8Array(cap);
    const lvls = new Uint8Array(cap);
    // The held lines are at most two runs of the ring (head to its end, then from 0): copied run by run, not line by line.
    const firstRun = Math.min(this.size, this.cap - this.head);
    const runs: [number, number, number][] = [
      [this.head, this.head + firstRun, 0],
      [0, this.size - firstRun, firstRun],
    ];
    const texts = new Array<string>(cap);
    for (const [from, to, at] of runs) {
      if (to <= from) continue;
      seqs.set(this.seqs.subarray(from, to), at);
      tss.set(this.tss.subarray(from, to), at);
      srcs.set(this.srcs.subarray(from, to), at);
      strs.set(this.strs.subarray(from, to), at);
      lvls.set(this.lvls.subarray(from, to), at);
      for (let i = from; i < to; i++) texts[at + i - from] = this.texts[i] as string;
    }
    Object.assign(this, { seqs, tss, srcs, strs, lvls, texts, cap, head: 0 });
  }

  private slot(index: number): number {
    return (this.head + (index - this.first)) % this.cap;
  }

  has(index: number): boolean {
    return index >= this.first && index < this.end;
  }

  text(index: number): string {
    return this.texts[this.slot(index)] as string;
  }

  line(index: number): StoredLine {
    const s = this.slot(index);
    return {
      index,
      seq: this.seqs[s] as number,
      ts: this.tss[s] as number,
      source: this.sourceNames[this.srcs[s] as number] as string,
      stream: streamNames[this.strs[s] as number] as LogStream,
      level: levelNames[this.lvls[s] as number] as LogLevel,
      text: this.texts[s] as string,
    };
  }

  /** The seq of the oldest held line (for asking main for older ones). */
  get firstSeq(): number {
    return this.size === 0 ? Infinity : (this.seqs[this.slot(this.first)] as number);
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getVersion = (): number => this.version;

  private changed(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    this.schedule(() => {
      this.scheduled = false;
      this.version++;
      for (const l of this.listeners) l();
    });
  }
}

// Lines keep arriving into the columns while the page is hidden; the list is drawn again once it is shown.
// Drawing takes at most a third of the main thread, so a flood of lines still gets the rest to come in.
const defaultSchedule = budgetedFrames(1 / 3);
