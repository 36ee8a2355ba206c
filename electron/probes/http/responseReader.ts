/**
 * Reads one HTTP/1.1 response off a probe's socket, chunk by chunk: the status,
 * the body (kept up to a cap, or only counted) and whether the connection can
 * carry the next request.
 *
 * Why not node:http: a probe sample on node:http's client cost 0.7 ms of CPU,
 * and undici's 0.66 ms, most of it their machinery for streams, agents and
 * headers a health check never looks at. A probe needs only the status, the
 * body's framing (RFC 9112 §6: no body, Content-Length, chunked, or up to the
 * close) and Connection / Keep-Alive, so that is all this reads.
 */
export interface ReadResponse {
  status: number;
  /** The body as received (chunked framing removed), up to `keepBodyBytes`. */
  body: Buffer;
  /** Whether the server lets the connection carry another request. */
  reusable: boolean;
  /** Seconds the server keeps an idle connection open (`Keep-Alive: timeout=N`), when it says. */
  keepAliveSeconds?: number;
}

const maxHeadBytes = 64 * 1024;
const headEnd = Buffer.from('\r\n\r\n');

type Framing = { kind: 'none' } | { kind: 'length'; left: number } | { kind: 'chunked' } | { kind: 'close' };

export class ResponseReader {
  private pending: Buffer | undefined;
  private status = 0;
  private framing: Framing | undefined;
  private reusable = true;
  private keepAliveSeconds: number | undefined;
  private readonly kept: Buffer[] = [];
  private keptBytes = 0;
  /** Chunked: bytes of the current chunk still to come, or -1 while its size line (or the trailers) is awaited. */
  private chunkLeft = -1;
  /** Chunked: the CRLF after a chunk's data is still to skip. */
  private chunkCrlf = false;
  private trailers = false;
  private result: ReadResponse | undefined;

  /** @param headRequest a HEAD response has headers only, whatever its Content-Length says. */
  constructor(
    private readonly headRequest: boolean,
    private readonly keepBodyBytes: number,
  ) {}

  /** Feeds bytes from the socket; returns the response once it is complete. Throws on what is not HTTP. */
  push(chunk: Buffer): ReadResponse | undefined {
    if (this.result) {
      // Bytes after a complete response: the server is out of step with us, so the connection is not reused.
      this.result.reusable = false;
      return this.result;
    }
    let data = this.pending ? Buffer.concat([this.pending, chunk]) : chunk;
    this.pending = undefined;
    while (!this.framing) {
      const end = data.indexOf(headEnd);
      if (end < 0) {
        if (data.length > maxHeadBytes) throw new Error(`response head over ${maxHeadBytes / 1024} KB`);
        this.pending = data;
        return undefined;
      }
      this.readHead(data.toString('latin1', 0, end));
      data = data.subarray(end + 4);
    }
    this.readBody(data);
    const result = this.result as ReadResponse | undefined;
    if (result && (this.pending as Buffer | undefined)?.length) result.reusable = false;
    return result;
  }

  /** The server closed the connection: the response if it was framed by the close, else why it is cut short. */
  end(): ReadResponse | Error {
    if (this.result) return this.result;
    if (this.framing?.kind === 'close') return this.finish(false);
    return new Error(this.framing ? 'response broke off before its end' : 'connection closed before a response');
  }

  private readHead(head: string): void {
    const lines = head.split('\r\n');
    const statusLine = /^HTTP\/1\.([01]) (\d{3})(?: |$)/.exec(lines[0]!);
    if (!statusLine) throw new Error(`not an HTTP response (it starts ${JSON.stringify(lines[0]!.slice(0, 40))})`);
    const status = Number(statusLine[2]);
    // Interim answers (100 Continue, 102 Processing, 103 Early Hints) come before the real one.
    if (status >= 100 && status < 200 && status !== 101) return;
    this.status = status;
    let length: number | undefined;
    let chunked = false;
    let connection = statusLine[1] === '0' ? 'close' : 'keep-alive';
    for (let i = 1; i < lines.length; i++) {
      const line = lines[i]!;
      const colon = line.indexOf(':');
      if (colon <= 0) throw new Error(`malformed header line ${JSON.stringify(line.slice(0, 40))}`);
      const name = line.slice(0, colon).toLowerCase();
      const value = line.slice(colon + 1).trim().toLowerCase();
      if (name === 'content-length') {
        if (!/^\d+$/.test(value) || (length !== undefined && Number(value) !== length)) throw new Error(`bad Content-Length ${JSON.stringify(value)}`);
        length = Number(value);
      } else if (name === 'transfer-encoding') chunked = value.split(',').pop()!.trim() === 'chunked';
      else if (name === 'connection') connection = value.includes('close') ? 'close' : value.includes('keep-alive') ? 'keep-alive' : connection;
      else if (name === 'keep-alive') {
        const timeout = /(?:^|[,\s])timeout=(\d+)/.exec(value);
        if (timeout) this.keepAliveSeconds = Number(timeout[1]);
      }
    }
    this.reusable = connection === 'keep-alive';
    if (this.headRequest || status === 204 || status === 304 || status === 101) this.framing = { kind: 'none' };
    else if (chunked) this.framing = { kind: 'chunked' };
    else if (length !== undefined) this.framing = { kind: 'length', left: length };
    else this.framing = { kind: 'close' };
    if (status === 101) this.reusable = false;
  }

  private readBody(data: Buffer): void {
    const framing = this.framing!;
    if (framing.kind === 'none') {
      this.pending = data.length ? data : undefined;
      this.finish(this.reusable);
    } else if (framing.kind === 'length') {
      const take = Math.min(framing.left, data.length);
      this.keep(data.subarray(0, take));
      framing.left -= take;
      if (framing.left === 0) {
        this.pending = take < data.length ? data.subarray(take) : undefined;
        this.finish(this.reusable);
      }
    } else if (framing.kind === 'close') this.keep(data);
    else this.readChunks(data);
  }

  private readChunks(data: Buffer): void {
    let at = 0;
    while (at < data.length) {
      if (this.chunkLeft > 0) {
        const take = Math.min(this.chunkLeft, data.length - at);
        this.keep(data.subarray(at, at + take));
        this.chunkLeft -= take;
        at += take;
        if (this.chunkLeft === 0) this.chunkCrlf = true;
        continue;
      }
      // A line: the CRLF after a chunk, a size line, or a trailer line.
      const eol = data.indexOf('\r\n', at);
      if (eol < 0) {
        if (data.length - at > maxHeadBytes) throw new Error('chunk size line too long');
        this.pending = data.subarray(at);
        return;
      }
      const line = data.toString('latin1', at, eol);
      at = eol + 2;
      if (this.chunkCrlf) {
        if (line !== '') throw new Error('chunk data longer than its size');
        this.chunkCrlf = false;
      } else if (this.trailers) {
        if (line === '') {
          this.pending = at < data.length ? data.subarray(at) : undefined;
          this.finish(this.reusable);
          return;
        }
      } else {
        const size = /^([0-9a-fA-F]{1,8})[ \t]*(?:;.*)?$/.exec(line);
        if (!size) throw new Error(`bad chunk size ${JSON.stringify(line.slice(0, 20))}`);
        this.chunkLeft = parseInt(size[1]!, 16);
        if (this.chunkLeft === 0) {
          this.chunkLeft = -1;
          this.trailers = true;
        }
      }
    }
  }

  private keep(part: Buffer): void {
    if (!part.length || this.keptBytes >= this.keepBodyBytes) return;
    const room = this.keepBodyBytes - this.keptBytes;
    const piece = part.length > room ? part.subarray(0, room) : part;
    this.kept.push(piece);
    this.keptBytes += piece.length;
  }

  private finish(reusable: boolean): ReadResponse {
    const body = this.kept.length === 1 ? this.kept[0]! : Buffer.concat(this.kept);
    this.result = { status: this.status, body, reusable };
    if (this.keepAliveSeconds !== undefined) this.result.keepAliveSeconds = this.keepAliveSeconds;
    return this.result;
  }
}
