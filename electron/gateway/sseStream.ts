import type { ServerResponse } from 'node:http';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';

/** A heartbeat on open SSE streams, so proxies and clients see a live connection while a tool runs long. */
const heartbeatMs = 15_000;

/**
 * One Server-Sent Events response, written straight to Node's response (the
 * SDK's transport goes through web streams and a Request/Response adapter,
 * which cost most of the gateway's added latency). Each message is one
 * `event: message` with its id, when it has one, for Last-Event-ID resumes.
 */
export class SseStream {
  private readonly heartbeat: NodeJS.Timeout;
  private ended = false;

  constructor(
    private readonly res: ServerResponse,
    headers: Record<string, string>,
  ) {
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache, no-transform', Connection: 'keep-alive', 'X-Accel-Buffering': 'no', ...headers });
    // headers go now: the client learns the stream is open before the first event
    res.flushHeaders();
    this.heartbeat = setInterval(() => this.write(': keepalive\n\n'), heartbeatMs);
    this.heartbeat.unref();
    res.once('close', () => this.stop());
  }

  /** False once the client hung up or the stream was ended. */
  get open(): boolean {
    return !this.ended && !this.res.destroyed;
  }

  /** A message, or with none the priming event: an id alone, so the client can resume before the first message. */
  event(message: JSONRPCMessage | undefined, id?: string): void {
    this.write(`${message ? 'event: message\n' : ''}${id ? `id: ${id}\n` : ''}data: ${message ? JSON.stringify(message) : ''}\n\n`);
  }

  end(): void {
    if (this.ended) return;
    this.stop();
    this.res.end();
  }

  private write(text: string): void {
    if (this.open) this.res.write(text);
  }

  private stop(): void {
    this.ended = true;
    clearInterval(this.heartbeat);
  }
}
