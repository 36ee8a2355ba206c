import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';

/** Longer lines are cut: a server flooding one endless line must not grow our memory. */
const maxLineChars = 8 * 1024;

/**
 * Splits a server's stderr into lines for the log hub and keeps the last few
 * for the diagnosis under a failed server ("exited before initialize: …").
 * Holds at most one partial line and `tailSize` lines, whatever the volume.
 */
export class StderrLines {
  private readonly decoder = new StringDecoder('utf8');
  private partial = '';
  private readonly lines: string[] = [];
  private readonly onData = (chunk: Buffer) => this.read(this.decoder.write(chunk));
  private readonly onEnd = () => this.flush();

  constructor(
    private readonly stream: Readable,
    private readonly onLine: (line: string) => void,
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
    let start = 0;
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
      this.emit(this.partial + text.slice(start, nl));
      this.partial = '';
      start = nl + 1;
    }
    this.partial += text.slice(start);
    if (this.partial.length > maxLineChars) this.emit(this.partial);
  }

  private flush(): void {
    this.partial += this.decoder.end();
    if (this.partial) this.emit(this.partial);
  }

  private emit(raw: string): void {
    this.partial = '';
    let line = raw.replace(/\r$/, '');
    if (line.length > maxLineChars) line = `${line.slice(0, maxLineChars)}… (cut at ${maxLineChars} characters)`;
    if (line.trim() === '') return;
    this.lines.push(line);
    if (this.lines.length > this.tailSize) this.lines.shift();
    this.onLine(line);
  }
}
