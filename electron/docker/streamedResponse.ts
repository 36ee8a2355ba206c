/** What an HTTP/1.1 response's head says that a streaming reader needs. */
export interface ResponseHead {
  status: number;
  chunked: boolean;
}

const headEnd = Buffer.from('\r\n\r\n');
/** A head or a chunk-size line longer than this is not an engine talking: give up rather than buffer it. */
const maxHeadBytes = 64 * 1024;
const maxSizeLine = 1024;

/**
 * Reads one streamed HTTP/1.1 response from raw socket bytes: the head, then
 * the body's bytes (chunked transfer decoded, else passed through until the
 * connection closes). What node:http does for a stats stream, without its
 * parser, IncomingMessage and stream hand-offs for every one-second chunk.
 */
export class StreamedResponse {
  private head: Buffer | undefined = Buffer.alloc(0);
  private chunked = false;
  /** Body bytes left in the current chunk; -1 while a chunk-size line is being read. */
  private left = -1;
  private sizeLine = '';
  /** The CRLF after a chunk's data, possibly cut across two reads. */
  private skip = 0;
  private done = false;

  constructor(
    private readonly handlers: {
      head(head: ResponseHead): void;
      body(bytes: Buffer): void;
      /** The last chunk came (chunked bodies only). */
      end(): void;
      malformed(why: string): void;
    },
  ) {}

  push(bytes: Buffer): void {
    if (this.done) return;
    let data = bytes;
    if (this.head) {
      const joined = this.head.length ? Buffer.concat([this.head, data]) : data;
      const at = joined.indexOf(headEnd);
      if (at === -1) {
        if (joined.length > maxHeadBytes) this.fail('response head too long');
        else this.head = Buffer.from(joined);
        return;
      }
      this.head = undefined;
      const parsed = parseHead(joined.toString('latin1', 0, at));
      if (!parsed) return this.fail('not an HTTP response');
      this.chunked = parsed.chunked;
      this.handlers.head(parsed);
      if (this.done) return; // the head's handler closed the stream
      data = joined.subarray(at + headEnd.length);
    }
    if (!this.chunked) {
      if (data.length) this.handlers.body(data);
      return;
    }
    this.chunks(data);
  }

  private chunks(data: Buffer): void {
    let i = 0;
    while (i < data.length && !this.done) {
      if (this.skip > 0) {
        const n = Math.min(this.skip, data.length - i);
        this.skip -= n;
        i += n;
      } else if (this.left > 0) {
        const n = Math.min(this.left, data.length - i);
        this.handlers.body(data.subarray(i, i + n));
        this.left -= n;
        i += n;
        if (this.left === 0) {
          this.left = -1;
          this.skip = 2;
        }
      } else {
        const nl = data.indexOf(10, i);
        if (nl === -1) {
          this.sizeLine += data.toString('latin1', i);
          if (this.sizeLine.length > maxSizeLine) this.fail('chunk size line too long');
          return;
        }
        const line = this.sizeLine + data.toString('latin1', i, nl);
        this.sizeLine = '';
        i = nl + 1;
        // "1a2;ext=x\r": parseInt stops at the first character that is not hex.
        const size = Number.parseInt(line, 16);
        if (!(size >= 0)) return this.fail(`bad chunk size "${line.trim().slice(0, 20)}"`);
        if (size === 0) {
          this.done = true;
          this.handlers.end();
          return;
        }
        this.left = size;
      }
    }
  }

  /** Stop reading: nothing more is handed on. */
  stop(): void {
    this.done = true;
  }

  private fail(why: string): void {
    this.done = true;
    this.handlers.malformed(why);
  }
}

function parseHead(text: string): ResponseHead | undefined {
  const status = /^HTTP\/1\.[01] (\d{3})/.exec(text);
  if (!status) return undefined;
  return { status: Number(status[1]), chunked: /\r\ntransfer-encoding:[^\r]*\bchunked\b/i.test(text) };
}
