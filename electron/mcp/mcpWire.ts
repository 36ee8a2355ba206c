import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import type { Disposable } from '../base/disposable.js';

/** What the child answered to Switchboard's initialize: what a gateway tells its own clients. */
export interface McpWireServer {
  protocolVersion: string;
  capabilities: Record<string, unknown>;
  serverInfo: { name: string; version: string } & Record<string, unknown>;
  instructions?: string;
}

/**
 * Raw JSON-RPC on a supervised, initialized child's stdio, next to
 * Switchboard's own client (the MCP gateway multiplexes its sessions here).
 * Ids the wire's user sends must not be numbers: those are the client's.
 */
export interface McpWire {
  readonly server: McpWireServer;
  /** False once the child's stdio has closed (exit, stop, restart). */
  readonly open: boolean;
  send(message: JSONRPCMessage): Promise<void>;
  /** Sees every message the child writes, before Switchboard's client; returning true keeps it from that client. */
  listen(listener: (message: JSONRPCMessage) => boolean): Disposable;
  /** Runs once, when the child's stdio closes; at once if it already has. */
  onClose(listener: () => void): Disposable;
}
