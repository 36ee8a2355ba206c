import type { ServerResponse } from 'node:http';
import type { ServerEndpoint } from './serverEndpoint.js';
import { sendJson } from './sendJson.js';

/**
 * `POST /mcp/<name>/tools/<tool>` with the arguments as the JSON body: the
 * tool's result as JSON (200), a JSON-RPC error as 502 (503 when no replica
 * is ready) — for scripts and health checks, `curl … -d '{"query":"SELECT 1"}'`.
 */
export async function callToolShortcut(endpoint: ServerEndpoint, tool: string, args: unknown, res: ServerResponse): Promise<void> {
  if (args !== undefined && (typeof args !== 'object' || args === null || Array.isArray(args))) {
    return sendJson(res, 400, { error: 'the body must be a JSON object of the tool\'s arguments, e.g. {"query":"SELECT 1"}' });
  }
  const answer = await endpoint.callOnce('tools/call', { name: tool, arguments: (args ?? {}) as Record<string, unknown> });
  if ('result' in answer) return sendJson(res, 200, answer.result);
  const error = 'error' in answer ? answer.error : { code: 0, message: 'no answer' };
  sendJson(res, error.code === -32002 ? 503 : 502, { error: error.message, code: error.code });
}
