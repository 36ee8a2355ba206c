import { logLevels, logStreams, type LogLevel, type LogLine, type LogStream } from '../../shared/contract/logs.js';
import { guessLevel } from '../base/guessLogLevel.js';

/**
 * Estimated heap cost of one stored line beyond its text: its slots in the
 * ring's columns and the string's header. Measured by test/bench/logs.bench.ts
 * ("main-process memory with all buffers full"), rounded up so the global
 * cap holds for real memory, not only for counted text.
 */
export const lineOverheadBytes = 200;

export function lineBytes(text: string): number {
  return lineOverheadBytes + text.length;
}

const streamCodes = new Map<LogStream, number>(logStreams.map((s, i) => [s, i]));
const levelCodes = new Map<LogLevel, number>(logLevels.map((l, i) => [l, i]));
/** A line whose level nobody has asked for yet: guessed on first read, so lines that fall out unread cost no guess. */
export const unguessedLevel = 255;

export function streamCode(stream: LogStream): number {
  return streamCodes.get(stream) ?? 0;
}

export function levelCode(level: LogLevel | undefined): number {
  return level === undefined ? unguessedLevel : (levelCodes.get(level) ?? unguessedLevel);
}

/**
 * One source's lines, oldest first, in a ring of parallel columns (seq, time,
 * stream, level, text) rather than one object per line: a flood of lines
 * costs the garbage collector one string each, not an object and a string.
 * It grows on demand up to `capacity`, so a source that writes ten lines
 * costs ten slots, not 50,000.
 */
export class SourceRing {
  private size = 16;
  private seqs = new Float64Array(16);
  private tss = new Float64Array(16);
  private streams = new Uint8Array(16);
  private levels = new Uint8Array(16);
  private texts: (string | undefined)[] = new Array(16);
  private head = 0;
  count = 0;
  bytes = 0;
  dropped = 0;

  constructor(
    readonly source: string,
    readonly capacity: number,
  ) {}

  /** Adds a line; returns whether the ring was full and its oldest line fell out (counted in `dropped`). */
  push(seq: number, ts: number, stream: number, level: number, text: string): boolean {
    let evicted = false;
    if (this.count === this.capacity) {
      this.shift();
      this.dropped++;
      evicted = true;
    } else if (this.count === this.size) {
      this.grow();
    }
    const s = this.slot(this.count);
    this.seqs[s] = seq;
    this.tss[s] = ts;
    this.streams[s] = stream;
    this.levels[s] = level;
    this.texts[s] = text;
    this.count++;
    this.bytes += lineBytes(text);
    return evicted;
  }

  /** Removes the oldest line (the caller counts it as dropped where it applies). */
  shift(): void {
    if (this.count === 0) return;
    const text = this.texts[this.head] as string;
    this.texts[this.head] = undefined;
    this.head = this.head + 1 === this.size ? 0 : this.head + 1;
    this.count--;
    this.bytes -= lineBytes(text);
  }

  private slot(i: number): number {
    const s = this.head + i;
    return s >= this.size ? s - this.size : s;
  }

  /** Columns of the i-th line, 0 = oldest. */
  seqAt(i: number): number {
    return this.seqs[this.slot(i)] as number;
  }

  tsAt(i: number): number {
    return this.tss[this.slot(i)] as number;
  }

  streamCodeAt(i: number): number {
    return this.streams[this.slot(i)] as number;
  }

  textAt(i: number): string {
    return this.texts[this.slot(i)] as string;
  }

  /** The level's index in `logLevels`, guessed now (once) if the writer gave none. */
  levelCodeAt(i: number): number {
    const s = this.slot(i);
    let code = this.levels[s] as number;
    if (code === unguessedLevel) {
      code = levelCode(guessLevel(this.texts[s] as string, logStreams[this.streams[s] as number] as LogStream));
      this.levels[s] = code;
    }
    return code;
  }

  /** The i-th line as the contract shapes it, 0 = oldest. */
  at(i: number): LogLine {
    return {
      seq: this.seqAt(i),
      ts: this.tsAt(i),
      source: this.source,
      stream: logStreams[this.streamCodeAt(i)] as LogStream,
      level: logLevels[this.levelCodeAt(i)] as LogLevel,
      text: this.textAt(i),
    };
  }

  get oldestSeq(): number {
    return this.count === 0 ? Infinity : this.seqAt(0);
  }

  /** Index of the first line with seq >= `seq` (count when none): seqs in a ring only increase. */
  indexOfSeq(seq: number): number {
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.seqAt(mid) < seq) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private grow(): void {
    const size = Math.min(this.size * 2, this.capacity);
    const seqs = new Float64Array(size);
    const tss = new Float64Array(size);
    const streams = new Uint8Array(size);
    const levels = new Uint8Array(size);
    const texts: (string | undefined)[] = new Array(size);
    for (let i = 0; i < this.count; i++) {
      const s = this.slot(i);
      seqs[i] = this.seqs[s] as number;
      tss[i] = this.tss[s] as number;
      streams[i] = this.streams[s] as number;
      levels[i] = this.levels[s] as number;
      texts[i] = this.texts[s];
    }
    Object.assign(this, { seqs, tss, streams, levels, texts, size, head: 0 });
  }
}
