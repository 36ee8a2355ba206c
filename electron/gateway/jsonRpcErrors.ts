import type { JSONRPCErrorResponse, RequestId } from '@modelcontextprotocol/sdk/types.js';

/** Error codes the gateway answers with (JSON-RPC's server-error range, -32000 … -32099, plus the standard ones). */
export const rpcCodes = {
  /** The child died or restarted with this call in flight. */
  childExited: -32001,
  /** No ready child to send the call to. */
  unavailable: -32002,
  /** A request from the child that no client session can answer. */
  noClient: -32003,
  /** The per-session cap is reached. */
  tooManySessions: -32004,
  invalidRequest: -32600,
  internal: -32603,
} as const;

/** `id` null answers a message whose id could not be read (or an HTTP-level refusal), as JSON-RPC says. */
export function jsonRpcError(id: RequestId | null, code: number, message: string): JSONRPCErrorResponse {
  return { jsonrpc: '2.0', id, error: { code, message } } as JSONRPCErrorResponse;
}
