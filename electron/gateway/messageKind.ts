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

/**
 * A client's message has the shape of JSON-RPC 2.0: a request or
 * notification (method, optional id and object params) or a response (id
 * and result or error). The child validates what it is sent; a whole-message
 * schema parse here would only add latency to every call.
 */
export function isJsonRpcMessage(value: unknown): value is JSONRPCMessage {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const m = value as Record<string, unknown>;
  if (m.jsonrpc !== '2.0') return false;
  const idOk = m.id === undefined || typeof m.id === 'string' || (typeof m.id === 'number' && Number.isInteger(m.id));
  if (typeof m.method === 'string') return idOk && (m.params === undefined || (typeof m.params === 'object' && m.params !== null));
  if (m.id === undefined || !idOk) return false;
  if ('result' in m) return typeof m.result === 'object' && m.result !== null;
  const error = m.error as Record<string, unknown> | undefined;
  return typeof error === 'object' && error !== null && typeof error.code === 'number' && typeof error.message === 'string';
}
