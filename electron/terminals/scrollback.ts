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

  /** Down to `maxChars`: whole pieces first (no copying), then the oldest kept piece cut at a line start where one is near. */
  private trim(): void {
    let cut = this.size - this.maxChars;
    while (this.chunks.length > 0 && this.chunks[0]!.length <= cut) {
      const dropped = this.chunks.shift()!.length;
      cut -= dropped;
      this.start += dropped;
      this.size -= dropped;
    }
    const first = this.chunks[0];
    if (cut <= 0 || first === undefined) return;
    const newline = first.indexOf('\n', cut);
    if (newline >= 0 && newline - cut < 4096) cut = newline + 1;
    if (cut >= first.length) this.chunks.shift();
    else this.chunks[0] = first.slice(cut);
    this.start += cut;
    this.size -= cut;
  }
}
