import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';

/** Longer lines are cut: a server flooding one endless line must not grow our memory. */
const maxLineChars = 8 * 1024;

/**
 * Splits a server's stderr into lines for the log hub and keeps the last few
 * for the diagnosis under a failed server ("exited before initialize: …").
 * Holds at most one partial line and `tailSize` lines, whatever the volume.
 *
 * A chunk's complete lines are split in one native `split` and handed over
 * as one batch: a flooding server sends ~700 lines per 64 KB chunk, and a
 * call, a regex and a tail shift per line held ingest to ~15 MB/s.
 */
export class StderrLines {
  private readonly decoder = new StringDecoder('utf8');
  private partial = '';
  private lines: string[] = [];
  private readonly onData = (chunk: Buffer) => this.read(this.decoder.write(chunk));
  private readonly onEnd = () => this.flush();

  constructor(
    private readonly stream: Readable,
    /** `block` is the lines joined by newlines when the pipe read already was exactly that (nothing trimmed, cut or left out). */
    private readonly onLines: (lines: string[], block: string | undefined) => void,
    private readonly tailSize = 20,
  ) {
    stream.on('data', this.onData);
    stream.once('end', this.onEnd);
  }

  /** The last lines, oldest first. */
  tail(): string[] {
    return [...this.lines];
  }

  dispose(): void {
    this.stream.off('data', this.onData);
    this.stream.off('end', this.onEnd);
    this.flush();
  }

  private read(text: string): void {
    const last = text.lastIndexOf('\n');
    if (last === -1) {
      this.partial += text;
      if (this.partial.length > maxLineChars) this.deliver([this.take()]);
      return;
    }
    const complete = this.partial + text.slice(0, last);
    this.partial = text.slice(last + 1);
    const parts = complete.split('\n');
    if (this.partial.length > maxLineChars) {
      parts.push(this.take());
      this.deliver(parts);
    } else {
      this.deliver(parts, complete);
    }
  }

  private take(): string {
    const raw = this.partial;
    this.partial = '';
    return raw;
  }

  private flush(): void {
    this.partial += this.decoder.end();
    if (this.partial) this.deliver([this.take()]);
  }

  /**
   * Trims a carriage return, cuts runaway lines, leaves out blank ones; keeps the tail; one call for the batch.
   * When nothing was changed, `whole` (the read the lines were split from) goes along: the hub splits that
   * one string instead of a copy joined again (a flood's every byte copied once less, and less garbage).
   */
  private deliver(raw: string[], whole?: string): void {
    const out: string[] = [];
    let changed = false;
    for (const original of raw) {
      let line = original;
      if (line.charCodeAt(line.length - 1) === 13) line = line.slice(0, -1);
      if (line.length > maxLineChars) line = `${line.slice(0, maxLineChars)}… (cut at ${maxLineChars} characters)`;
      if (line !== original) changed = true;
      if (isBlank(line)) {
        changed = true;
        continue;
      }
      out.push(line);
    }
    if (out.length === 0) return;
    this.lines = out.length >= this.tailSize ? out.slice(-this.tailSize) : [...this.lines, ...out].slice(-this.tailSize);
    this.onLines(out, changed ? undefined : whole);
  }
}

/** `line.trim() === ''` without building a trimmed copy of every line. */
function isBlank(line: string): boolean {
  const first = line.charCodeAt(0);
  // Anything above a space that is not a no-break or wide space starts a visible line.
  if (first > 32 && first !== 160 && first < 5760) return false;
  return line.trim() === '';
}
