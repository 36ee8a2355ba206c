import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { SUPPORTED_PROTOCOL_VERSIONS, type JSONRPCMessage, type RequestId } from '@modelcontextprotocol/sdk/types.js';
import { EventLog } from './eventLog.js';
import { isJsonRpcMessage } from './messageKind.js';
import { PostReply } from './postReply.js';
import type { ChildClient } from './sharedChild.js';
import { SseStream } from './sseStream.js';

const getStreamId = '_GET_stream';

/**
 * One client's MCP session at the gateway, speaking the Streamable HTTP
 * transport on Node's request and response directly: POST (answered as JSON
 * or SSE, see PostReply), the GET stream with Last-Event-ID resume, DELETE.
 * The endpoint decides where its messages go.
 */
export class ClientSession implements ChildClient {
  capabilities: Record<string, unknown> = {};
  lastActive = Date.now();
  private session: string | undefined;
  private closed = false;
  /** Protocol version the client asked for at initialize: whether it reads priming events. */
  private protocolVersion = '';
  private readonly events = new EventLog();
  private getStream: SseStream | undefined;
  /** Each request in flight → the POST that carried it. */
  private readonly replies = new Map<RequestId, PostReply>();
  private readonly streams = new Map<string, PostReply>();
  private streamSeq = 0;

  constructor(
    private readonly onMessage: (session: ClientSession, message: JSONRPCMessage) => void,
    private readonly onClosed: (session: ClientSession) => void,
  ) {}

  /** Short, for log lines: the first 8 characters of the Mcp-Session-Id. */
  get id(): string {
    return (this.session ?? 'new').slice(0, 8);
  }

  get sessionId(): string | undefined {
    return this.session;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** POST, GET or DELETE on this session; `body` is the parsed POST body. */
  handle(req: IncomingMessage, res: ServerResponse, body?: unknown): void {
    this.lastActive = Date.now();
    if (req.method === 'POST') return this.post(req, res, body);
    if (req.method === 'GET') return this.get(req, res);
    if (req.method === 'DELETE') return this.delete(req, res);
    refuse(res, 405, -32000, 'Method not allowed.', { Allow: 'GET, POST, DELETE' });
  }

  /** On the POST stream of `relatedRequestId` while that call is open, else on the GET stream (kept for a resume). */
  deliver(message: JSONRPCMessage, relatedRequestId?: RequestId): void {
    if (this.closed) return;
    const answer = 'result' in message || 'error' in message;
    const reply = this.replies.get(answer ? (message as { id: RequestId }).id : (relatedRequestId as RequestId));
    if (reply) return reply.send(message);
    // an answer whose POST is gone has no one to go to; anything else goes to the GET stream
    if (answer) return;
    const eventId = this.events.store(getStreamId, message);
    if (this.getStream?.open) this.getStream.event(message, eventId);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const reply of new Set(this.replies.values())) reply.close();
    this.getStream?.end();
    this.onClosed(this);
  }

  private post(req: IncomingMessage, res: ServerResponse, body: unknown): void {
    const accept = req.headers.accept ?? '';
    if (!accept.includes('application/json') || !accept.includes('text/event-stream')) return refuse(res, 406, -32000, 'Not Acceptable: Client must accept both application/json and text/event-stream');
    if (!/^application\/json\s*(;|$)/i.test(req.headers['content-type'] ?? '')) return refuse(res, 415, -32000, 'Unsupported Media Type: Content-Type must be application/json');
    const batch = Array.isArray(body);
    const messages = (batch ? body : [body]) as unknown[];
    if (messages.length === 0 || !messages.every(isJsonRpcMessage)) return refuse(res, 400, -32700, 'Parse error: Invalid JSON-RPC message');
    const initialize = messages.find((m) => 'method' in m && m.method === 'initialize' && 'id' in m);
    if (initialize) {
      if (this.session !== undefined) return refuse(res, 400, -32600, 'Invalid Request: Server already initialized');
      if (messages.length > 1) return refuse(res, 400, -32600, 'Invalid Request: Only one initialization request is allowed');
      this.session = randomUUID();
      const asked = (initialize as { params?: { protocolVersion?: unknown } }).params?.protocolVersion;
      this.protocolVersion = typeof asked === 'string' ? asked : '';
    } else if (!this.validSession(req, res)) return;
    const ids = messages.flatMap((m) => ('method' in m && 'id' in m && m.id !== undefined ? [m.id] : []));
    if (ids.length === 0) {
      res.writeHead(202).end();
      for (const message of messages) this.onMessage(this, message);
      return;
    }
    const version = initialize ? this.protocolVersion : headerOf(req, 'mcp-protocol-version') ?? this.protocolVersion;
    const streamId = `post-${++this.streamSeq}`;
    const reply = new PostReply(streamId, res, ids, batch, {
      headers: this.headers(),
      events: this.events,
      primes: version >= '2025-11-25',
      done: (r) => this.forget(r),
    });
    for (const id of ids) this.replies.set(id, reply);
    this.streams.set(streamId, reply);
    for (const message of messages) this.onMessage(this, message);
  }

  private get(req: IncomingMessage, res: ServerResponse): void {
    if (!(req.headers.accept ?? '').includes('text/event-stream')) return refuse(res, 406, -32000, 'Not Acceptable: Client must accept text/event-stream');
    if (!this.validSession(req, res)) return;
    const lastEventId = headerOf(req, 'last-event-id');
    if (lastEventId) return this.resume(lastEventId, res);
    if (this.getStream?.open) return refuse(res, 409, -32000, 'Conflict: Only one SSE stream is allowed per session');
    this.getStream = new SseStream(res, this.headers());
  }

  /** Replays what the client missed on a stream, then carries on with it (the GET stream, or a POST's still in flight). */
  private resume(lastEventId: string, res: ServerResponse): void {
    const streamId = this.events.streamOf(lastEventId);
    if (!streamId) return refuse(res, 400, -32000, 'Invalid event ID format');
    const reply = this.streams.get(streamId);
    if ((streamId === getStreamId && this.getStream?.open) || reply?.connected) return refuse(res, 409, -32000, 'Conflict: Stream already has an active connection');
    const stream = new SseStream(res, this.headers());
    for (const event of this.events.after(lastEventId)) stream.event(event.message, event.id);
    if (streamId === getStreamId) this.getStream = stream;
    else if (reply) reply.resume(stream);
    else stream.end(); // that POST was answered in full: the replay was all that was left
  }

  private delete(req: IncomingMessage, res: ServerResponse): void {
    if (!this.validSession(req, res)) return;
    res.writeHead(200).end();
    void this.close();
  }

  /** After initialize: the Mcp-Session-Id (the endpoint found this session by it) and a protocol version we speak. */
  private validSession(req: IncomingMessage, res: ServerResponse): boolean {
    if (this.session === undefined) {
      refuse(res, 400, -32000, 'Bad Request: Server not initialized');
      return false;
    }
    const version = headerOf(req, 'mcp-protocol-version');
    if (version !== undefined && !SUPPORTED_PROTOCOL_VERSIONS.includes(version)) {
      refuse(res, 400, -32000, `Bad Request: Unsupported protocol version: ${version} (supported versions: ${SUPPORTED_PROTOCOL_VERSIONS.join(', ')})`);
      return false;
    }
    return true;
  }

  private forget(reply: PostReply): void {
    for (const id of reply.ids) if (this.replies.get(id) === reply) this.replies.delete(id);
    this.streams.delete(reply.streamId);
  }

  private headers(): Record<string, string> {
    return this.session ? { 'mcp-session-id': this.session } : {};
  }
}

function headerOf(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The transport's refusals: a JSON-RPC error with no id, as the SDK's own server transport words them. */
function refuse(res: ServerResponse, status: number, code: number, message: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers }).end(JSON.stringify({ jsonrpc: '2.0', error: { code, message }, id: null }));
}
