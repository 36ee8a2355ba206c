import type { JSONRPCMessage, JSONRPCNotification, JSONRPCRequest, RequestId } from '@modelcontextprotocol/sdk/types.js';

/**
 * What a JSON-RPC message is, by its keys alone: the SDK's guards run a zod
 * parse each (and a failing one builds an error), several per message on the
 * gateway's hot path; the messages here were validated when they were read.
 */
export type MessageKind =
  | { kind: 'request'; message: JSONRPCRequest }
  | { kind: 'notification'; message: JSONRPCNotification }
  | { kind: 'response'; message: JSONRPCMessage & { id: RequestId }; error?: { code: number; message: string }; result?: unknown };

export function kindOf(message: JSONRPCMessage): MessageKind {
  const m = message as Record<string, unknown>;
  if (typeof m.method === 'string') return m.id === undefined ? { kind: 'notification', message: message as JSONRPCNotification } : { kind: 'request', message: message as JSONRPCRequest };
  const response = message as JSONRPCMessage & { id: RequestId };
  return 'error' in m ? { kind: 'response', message: response, error: m.error as { code: number; message: string } } : { kind: 'response', message: response, result: m.result };
}
