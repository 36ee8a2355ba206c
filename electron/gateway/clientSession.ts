import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import type { JSONRPCMessage, RequestId } from '@modelcontextprotocol/sdk/types.js';
import { EventLog } from './eventLog.js';
import type { ChildClient } from './sharedChild.js';

/** A heartbeat on open SSE streams, so proxies and clients see a live connection while a tool runs long. */
const heartbeatMs = 15_000;

/**
 * One client's MCP session at the gateway: the SDK's Streamable HTTP server
 * transport (POST, SSE or JSON answers, GET stream with resume, DELETE) and
 * what the gateway knows of the client. The endpoint decides where its
 * messages go.
 */
export class ClientSession implements ChildClient {
  readonly transport: StreamableHTTPServerTransport;
  capabilities: Record<string, unknown> = {};
  lastActive = Date.now();
  private closed = false;

  constructor(
    onMessage: (session: ClientSession, message: JSONRPCMessage) => void,
    onClosed: (session: ClientSession) => void,
    onError: (session: ClientSession, error: Error) => void,
  ) {
    this.transport = new StreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      eventStore: new EventLog(),
      keepAliveMs: heartbeatMs,
    });
    this.transport.onmessage = (message) => {
      this.lastActive = Date.now();
      onMessage(this, message);
    };
    this.transport.onclose = () => {
      if (this.closed) return;
      this.closed = true;
      onClosed(this);
    };
    this.transport.onerror = (error) => onError(this, error);
  }

  /** Short, for log lines: the first 8 characters of the Mcp-Session-Id. */
  get id(): string {
    return (this.transport.sessionId ?? 'new').slice(0, 8);
  }

  get sessionId(): string | undefined {
    return this.transport.sessionId;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  start(): Promise<void> {
    return this.transport.start();
  }

  handle(req: IncomingMessage, res: ServerResponse, body?: unknown): Promise<void> {
    this.lastActive = Date.now();
    return this.transport.handleRequest(req, res, body);
  }

  deliver(message: JSONRPCMessage, relatedRequestId?: RequestId): void {
    if (this.closed) return;
    this.transport.send(message, relatedRequestId === undefined ? undefined : { relatedRequestId }).catch(() => {
      // the request's stream is gone (answered, or the client hung up): a notification goes to the GET stream instead
      if (relatedRequestId !== undefined && !('result' in message) && !('error' in message)) void this.transport.send(message).catch(() => {});
    });
  }

  close(): Promise<void> {
    return this.transport.close();
  }
}
