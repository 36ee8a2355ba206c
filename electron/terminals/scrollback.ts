/**
 * A session's kept output, for a screen that attaches later: the newest
 * `maxChars` characters, cut at a line start where one is near, so a
 * reattached screen does not begin in the middle of a line or escape sequence.
 */
export class Scrollback {
  private chunks: string[] = [];
  private size = 0;
  /** Position of the first kept character in the session's whole output. */
  private start = 0;

  constructor(private readonly maxChars: number) {}

  /** Position just after the newest character: the whole output's length so far. */
  get end(): number {
    return this.start + this.size;
  }

  add(data: string): void {
    if (data === '') return;
    this.chunks.push(data);
    this.size += data.length;
    if (this.size > this.maxChars) this.trim();
  }

  /** What is kept, from `offset` on. */
  read(): { offset: number; data: string } {
    if (this.chunks.length > 1) this.chunks = [this.chunks.join('')];
    return { offset: this.start, data: this.chunks[0] ?? '' };
  }

  private trim(): void {
    let text = this.chunks.join('');
    let cut = text.length - this.maxChars;
    // Prefer starting at a line: look a little past the cut for a newline.
    const newline = text.indexOf('\n', cut);
    if (newline >= 0 && newline - cut < 4096) cut = newline + 1;
    text = text.slice(cut);
    this.start += cut;
    this.chunks = [text];
    this.size = text.length;
  }
}
