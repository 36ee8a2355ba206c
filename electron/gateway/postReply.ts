import type { ServerResponse } from 'node:http';
import type { JSONRPCMessage, RequestId } from '@modelcontextprotocol/sdk/types.js';
import type { EventLog } from './eventLog.js';
import { SseStream } from './sseStream.js';

/** A call not answered by then becomes an SSE stream: headers and heartbeats flow, and a dropped connection can resume. */
const jsonWindowMs = 1_000;

export interface ReplyOptions {
  /** Mcp-Session-Id and the like, on the response. */
  headers: Record<string, string>;
  events: EventLog;
  /** Whether the client reads a priming event (an id with no data): protocol 2025-11-25 and later. */
  primes: boolean;
  /** Every request of the POST is answered: the session forgets them. */
  done: (reply: PostReply) => void;
}

/**
 * The answer to one POST carrying requests. The spec lets the server answer
 * with plain JSON or an SSE stream; JSON is the cheaper for both ends, so a
 * call answered at once (nothing else sent for it first) gets JSON, and one
 * that sends progress, asks the client something (sampling …) or runs past
 * jsonWindowMs becomes a stream.
 */
export class PostReply {
  private readonly waiting: Set<RequestId>;
  private readonly answers: JSONRPCMessage[] = [];
  private res: ServerResponse | undefined;
  private stream: SseStream | undefined;
  // Node keeps every timer of one duration in one list on one handle: a timer per request is cheap.
  private readonly window: NodeJS.Timeout;

  constructor(
    /** Names the stream's events in the session's event log. */
    readonly streamId: string,
    res: ServerResponse,
    readonly ids: RequestId[],
    private readonly batch: boolean,
    private readonly options: ReplyOptions,
  ) {
    this.waiting = new Set(ids);
    this.res = res;
    res.once('close', () => {
      if (this.res === res && !this.stream) this.res = undefined;
    });
    this.window = setTimeout(() => this.toStream(), jsonWindowMs);
    this.window.unref();
  }

  get finished(): boolean {
    return this.waiting.size === 0;
  }

  /** An answer to one of its requests, or a message the child sent while serving one (progress, sampling …). */
  send(message: JSONRPCMessage): void {
    const id = (message as { id?: RequestId }).id;
    const isAnswer = ('result' in message || 'error' in message) && id !== undefined && this.waiting.has(id);
    if (isAnswer) this.waiting.delete(id);
    if (!this.stream && isAnswer) {
      this.answers.push(message);
      if (this.finished) this.answerJson();
      return;
    }
    this.toStream();
    // no stream ever opened means no event id reached the client: nothing to keep for a resume
    this.stream?.event(message, this.options.events.store(this.streamId, message));
    if (this.finished) this.close();
  }

  /** The client resumed this stream (GET with Last-Event-ID): later events go to `res`. */
  resume(stream: SseStream): void {
    this.stream?.end();
    this.stream = stream;
    if (this.finished) stream.end();
  }

  /** Has a live connection: a resume must wait for it to drop. */
  get connected(): boolean {
    return this.stream ? this.stream.open : this.res !== undefined && !this.res.destroyed;
  }

  /** The session ended: an open stream ends, a JSON answer still waiting gets the answers so far (an error for the rest). */
  close(): void {
    clearTimeout(this.window);
    this.options.done(this);
    if (this.stream) return this.stream.end();
    const res = this.res;
    this.res = undefined;
    if (!res || res.headersSent) return;
    for (const id of this.waiting) this.answers.push({ jsonrpc: '2.0', id, error: { code: -32001, message: 'the session ended before this call was answered' } } as JSONRPCMessage);
    this.waiting.clear();
    res.writeHead(200, { 'Content-Type': 'application/json', ...this.options.headers }).end(JSON.stringify(this.batch ? this.answers : this.answers[0]));
  }

  private answerJson(): void {
    clearTimeout(this.window);
    this.options.done(this);
    const res = this.res;
    this.res = undefined;
    if (!res || res.destroyed) return;
    const body = JSON.stringify(this.batch ? this.answers : this.answers[0]);
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), ...this.options.headers }).end(body);
  }

  /** From here on every message is an event; answers held so far go first. */
  private toStream(): void {
    clearTimeout(this.window);
    if (this.stream || this.finished) return;
    const res = this.res;
    if (!res || res.destroyed) return;
    const stream = new SseStream(res, this.options.headers);
    this.stream = stream;
    if (this.options.primes) stream.event(undefined, this.options.events.store(this.streamId, undefined));
    for (const held of this.answers.splice(0)) stream.event(held, this.options.events.store(this.streamId, held));
  }
}
