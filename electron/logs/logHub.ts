import type { LogHubStats, LogInput, LogLine, LogSourceInfo } from '../../shared/contract/logs.js';
import type { Disposable } from '../base/disposable.js';
import { toDisposable } from '../base/disposable.js';
import type { LogWriter } from '../core/logWriter.js';
import { compileFilter, type CompiledFilter, type LineFilter } from './lineFilter.js';
import { levelCode, SourceRing, streamCode } from './sourceRing.js';
import { visitAfter, visitNewest } from './ringMerge.js';
import { BatchBuilder } from './batchBuilder.js';

export interface LogHubOptions {
  /** Lines kept per source before the oldest fall out. */
  linesPerSource?: number;
  /** Estimated bytes kept across all sources before the oldest line anywhere falls out. */
  maxBytes?: number;
  /** Longer lines are cut here so one runaway line cannot eat the cap. */
  maxLineChars?: number;
  /** How long a retired source's lines stay viewable before they are released. */
  retiredKeepMs?: number;
}

interface Subscriber {
  filter: CompiledFilter;
  /** Lines up to this seq were already in the subscriber's snapshot. */
  afterSeq: number;
  onLines: (lines: LogLine[]) => void;
  /** Only told that a matching line came (see `wakeOn`): no batch of lines is built for it. */
  wakeOnly: boolean;
}

// Subscribers get lines in batches: after the current burst of writes, or
// sooner when this many are waiting, so a tight writer cannot pile them up.
const maxPendingLines = 8_192;

/**
 * One hub for every log line Switchboard sees (containers, MCP stderr, probe
 * failures, its own actions). Each source has a bounded ring; a global byte
 * cap evicts the oldest line anywhere; everything that falls out is counted.
 */
export class LogHub implements LogWriter, Disposable {
  readonly linesPerSource: number;
  readonly maxBytes: number;
  private readonly maxLineChars: number;
  private readonly rings = new Map<string, SourceRing>();
  private readonly retiredKeepMs: number;
  /** Sources retired and not written since, with the timer that releases them. */
  private readonly retiring = new Map<string, NodeJS.Timeout>();
  private readonly subscribers = new Set<Subscriber>();
  /** Lines for subscribers that take line objects (not wake-ups), since the last flush. */
  private pending: LogLine[] = [];
  private lineSubscribers = 0;
  private flushQueued = false;
  /** The newest seq already told to subscribers. */
  private flushedSeq = 0;
  private seq = 0;
  private written = 0;
  private bytes = 0;
  private dropped = 0;
  private disposed = false;

  constructor(options: LogHubOptions = {}) {
    this.linesPerSource = options.linesPerSource ?? 50_000;
    this.maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
    this.maxLineChars = options.maxLineChars ?? 16_384;
    this.retiredKeepMs = options.retiredKeepMs ?? 10 * 60_000;
  }

  retire(source: string): void {
    if (this.disposed || !this.rings.has(source) || this.retiring.has(source)) return;
    const timer = setTimeout(() => this.release(source), this.retiredKeepMs);
    timer.unref?.();
    this.retiring.set(source, timer);
  }

  /** Drops a source's ring and its lines; they no longer count against the cap. */
  private release(source: string): void {
    this.retiring.delete(source);
    const ring = this.rings.get(source);
    if (!ring) return;
    this.bytes -= ring.bytes;
    this.rings.delete(source);
  }

  /**
   * Takes one line, or several separated by newlines (a chunk a service did
   * not split, or a batch a service joined: MCP stderr hands over a whole
   * pipe read at once). The source's ring, the time and the retire check are
   * looked up once per call, not once per line.
   */
  write(input: LogInput): void {
    if (this.disposed) return;
    if (this.retiring.size > 0) this.keep(input.source);
    const ring = this.ringOf(input.source);
    const ts = input.ts ?? Date.now();
    const stream = streamCode(input.stream);
    const level = levelCode(input.level);
    const text = input.text;
    if (text.indexOf('\n') === -1) {
      this.add(ring, stream, level, ts, text);
    } else {
      const parts = text.split('\n');
      // A trailing newline ends the last line rather than starting an empty one.
      const end = parts[parts.length - 1] === '' ? parts.length - 1 : parts.length;
      for (let i = 0; i < end; i++) this.add(ring, stream, level, ts, parts[i] as string);
    }
    if (this.subscribers.size > 0) this.queueFlush();
  }

  private ringOf(source: string): SourceRing {
    let ring = this.rings.get(source);
    if (!ring) {
      ring = new SourceRing(source, this.linesPerSource);
      this.rings.set(source, ring);
    }
    return ring;
  }

  private add(ring: SourceRing, stream: number, level: number, ts: number, raw: string): void {
    let text = raw.charCodeAt(raw.length - 1) === 13 ? raw.slice(0, -1) : raw;
    if (text.length > this.maxLineChars) {
      text = `${text.slice(0, this.maxLineChars)} … (${text.length - this.maxLineChars} more characters cut)`;
    }
    const seq = ++this.seq;
    const before = ring.bytes;
    if (ring.push(seq, ts, stream, level, text)) this.dropped++;
    this.bytes += ring.bytes - before;
    this.written++;
    if (this.bytes > this.maxBytes) this.evictForCap();
    // Line objects only for subscribers that asked for them; wake-ups read the rings at flush.
    if (this.lineSubscribers > 0 && ring.count > 0 && ring.seqAt(ring.count - 1) === seq) this.pending.push(ring.at(ring.count - 1));
  }

  /** Drops the oldest lines across all sources until the byte cap holds. */
  private evictForCap(): void {
    while (this.bytes > this.maxBytes) {
      let oldest: SourceRing | undefined;
      for (const ring of this.rings.values()) {
        if (ring.count > 0 && (!oldest || ring.oldestSeq < oldest.oldestSeq)) oldest = ring;
      }
      if (!oldest) return;
      const before = oldest.bytes;
      oldest.shift();
      oldest.dropped++;
      this.dropped++;
      this.bytes -= before - oldest.bytes;
    }
  }

  /** After a write call: subscribers hear of it after the current burst, or at once when many lines wait. */
  private queueFlush(): void {
    if (this.pending.length >= maxPendingLines) this.flush();
    else if (!this.flushQueued) {
      this.flushQueued = true;
      queueMicrotask(() => this.flush());
    }
  }

  private flush(): void {
    this.flushQueued = false;
    const from = this.flushedSeq;
    this.flushedSeq = this.seq;
    const batch = this.pending;
    this.pending = [];
    for (const sub of this.subscribers) {
      if (sub.wakeOnly) {
        // The first match is enough: a viewer's pump reads the lines from the rings itself.
        if (this.anyMatchAfter(sub.filter, Math.max(from, sub.afterSeq))) this.tell(sub, []);
        continue;
      }
      const out: LogLine[] = [];
      for (const line of batch) if (line.seq > sub.afterSeq && sub.filter.line(line)) out.push(line);
      if (out.length > 0) this.tell(sub, out);
    }
  }

  /** Whether a line newer than `afterSeq` matching `filter` is still held. */
  private anyMatchAfter(filter: CompiledFilter, afterSeq: number): boolean {
    let found = false;
    visitAfter(this.rings.values(), filter, afterSeq, 1, () => (found = true));
    return found;
  }

  private tell(sub: Subscriber, lines: LogLine[]): void {
    try {
      sub.onLines(lines);
    } catch {
      // one broken subscriber must not stop the others from getting lines
    }
  }

  /**
   * The newest `tail` lines that match, oldest first, merged across sources
   * by seq (the order the hub received them). With `before`, only lines
   * older than that seq: how a viewer scrolls back.
   */
  query(filter: LineFilter, tail: number, before = Infinity): LogLine[] {
    const out: LogLine[] = [];
    visitNewest(this.rings.values(), compileFilter(filter), tail, before, (ring, i) => out.push(ring.at(i)));
    return out.reverse();
  }

  /** `query` as one batch of columns, what a viewer's opening snapshot carries: no line objects on the way. */
  queryBatch(filter: LineFilter, tail: number): BatchBuilder {
    const rings: SourceRing[] = [];
    const at: number[] = [];
    visitNewest(this.rings.values(), compileFilter(filter), tail, Infinity, (ring, i) => {
      rings.push(ring);
      at.push(i);
    });
    // Visited newest first; a batch goes oldest first.
    const out = new BatchBuilder();
    for (let k = rings.length - 1; k >= 0; k--) out.add(rings[k] as SourceRing, at[k] as number);
    return out;
  }

  /**
   * Up to `limit` matching lines with seq > `afterSeq`, oldest first: how a
   * stream catches up from the hub's buffers at its own pace.
   */
  after(filter: LineFilter, afterSeq: number, limit: number): LogLine[] {
    const out: LogLine[] = [];
    visitAfter(this.rings.values(), compileFilter(filter), afterSeq, limit, (ring, i) => out.push(ring.at(i)));
    return out;
  }

  /** `after` as one batch of columns, what the `logs` topic sends: no line objects on the way. */
  afterBatch(filter: LineFilter, afterSeq: number, limit: number): BatchBuilder {
    const out = new BatchBuilder();
    visitAfter(this.rings.values(), compileFilter(filter), afterSeq, limit, out.add);
    return out;
  }

  /** Live lines matching `filter`, in batches, from the next line written on. */
  subscribe(filter: LineFilter, onLines: (lines: LogLine[]) => void): Disposable {
    return this.addSubscriber(filter, onLines, false);
  }

  /**
   * Calls `onWake` after a burst of writes that holds a line matching `filter`
   * (once per burst, however many match): for readers that take the lines from
   * the rings at their own pace and only need to know when to look.
   */
  wakeOn(filter: LineFilter, onWake: () => void): Disposable {
    return this.addSubscriber(filter, () => onWake(), true);
  }

  private addSubscriber(filter: LineFilter, onLines: (lines: LogLine[]) => void, wakeOnly: boolean): Disposable {
    const sub: Subscriber = { filter: compileFilter(filter), afterSeq: this.seq, onLines, wakeOnly };
    this.subscribers.add(sub);
    if (!wakeOnly) this.lineSubscribers++;
    return toDisposable(() => {
      if (this.subscribers.delete(sub) && !wakeOnly) this.lineSubscribers--;
    });
  }

  sources(): LogSourceInfo[] {
    return [...this.rings.values()]
      .map((r) => ({ source: r.source, lines: r.count, dropped: r.dropped, bytes: r.bytes }))
      .sort((a, b) => a.source.localeCompare(b.source));
  }

  stats(): LogHubStats {
    let lines = 0;
    for (const ring of this.rings.values()) lines += ring.count;
    return {
      sources: this.sources(),
      written: this.written,
      lines,
      bytes: this.bytes,
      dropped: this.dropped,
      linesPerSource: this.linesPerSource,
      maxBytes: this.maxBytes,
      lastSeq: this.seq,
    };
  }

  get lastSeq(): number {
    return this.seq;
  }

  get droppedTotal(): number {
    return this.dropped;
  }

  private keep(source: string): void {
    const timer = this.retiring.get(source);
    if (timer === undefined) return;
    clearTimeout(timer);
    this.retiring.delete(source);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const timer of this.retiring.values()) clearTimeout(timer);
    this.retiring.clear();
    this.subscribers.clear();
    this.lineSubscribers = 0;
    this.pending = [];
    this.rings.clear();
  }
}
