import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import type { GatewayErrorKind } from '../../shared/contract/gateway.js';
import { readJsonBody } from './requestBody.js';
import { refusal, type GuardFactory, type LoopbackChecks } from './requestGate.js';
import { sendJson } from './sendJson.js';
import type { ServerEndpoint } from './serverEndpoint.js';
import { callToolShortcut } from './toolShortcut.js';

export interface ListenerOptions {
  host: string;
  port: number;
  token: string;
  tls?: { cert: Buffer; key: Buffer };
  allowHosts: string[];
  guards: GuardFactory;
  /** The endpoints right now (they follow the stack file). */
  endpoint(name: string): ServerEndpoint | undefined;
  catalog(): unknown;
  /** A request refused before it reached an endpoint (counted on that endpoint when the path names one). */
  refused(server: string | undefined, kind: GatewayErrorKind, detail: string): void;
  onError(error: unknown): void;
}

export interface GatewayListener {
  port: number;
  /** e.g. http://127.0.0.1:7421/mcp */
  baseUrl: string;
  close(): Promise<void>;
}

/** The gateway's own HTTP listener: GET /mcp (catalog), /mcp/<name> (Streamable HTTP), POST /mcp/<name>/tools/<tool>. */
export async function startGatewayListener(options: ListenerOptions): Promise<GatewayListener> {
  let checks: LoopbackChecks | undefined;
  const sockets = new Set<Socket>();
  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    route(req, res).catch((error: unknown) => {
      options.onError(error);
      if (!res.headersSent) sendJson(res, 500, { error: 'the gateway could not answer this request' });
      else res.destroy();
    });
  };
  const http = options.tls ? createHttpsServer({ cert: options.tls.cert, key: options.tls.key }, onRequest) : createHttpServer(onRequest);
  // SSE streams stay open for as long as a client holds them; Node's default request timeout would cut them
  http.requestTimeout = 0;
  http.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = pathOf(req.url);
    const parts = path?.split('/').filter(Boolean).map(safeDecode) ?? [];
    const server = parts[0] === 'mcp' ? parts[1] : undefined;
    const refused = refusal(checks!, req);
    if (refused) {
      options.refused(server, refused.kind, refused.message);
      return sendJson(res, refused.status, { error: refused.message }, refused.status === 401 ? { 'WWW-Authenticate': 'Bearer realm="switchboard-gateway"' } : {});
    }
    if (!path || parts[0] !== 'mcp' || parts.some((p) => p === undefined)) return sendJson(res, 404, { error: 'not found: the gateway serves /mcp and /mcp/<server>' });
    if (parts.length === 1) {
      if (req.method !== 'GET') return sendJson(res, 405, { error: 'GET /mcp lists the servers' }, { Allow: 'GET' });
      return sendJson(res, 200, options.catalog());
    }
    const endpoint = options.endpoint(server!);
    if (!endpoint) return sendJson(res, 404, { error: `no exposed MCP server named "${server}": GET /mcp lists them` });
    let body: unknown;
    if (req.method === 'POST') {
      const read = await readJsonBody(req);
      if (!read.ok) {
        options.refused(server, 'bad request', read.message);
        return sendJson(res, read.status, { jsonrpc: '2.0', id: null, error: { code: -32700, message: read.message } });
      }
      body = read.value;
    }
    if (parts.length === 4 && parts[2] === 'tools') {
      if (req.method !== 'POST') return sendJson(res, 405, { error: 'POST the tool arguments as a JSON object' }, { Allow: 'POST' });
      return callToolShortcut(endpoint, parts[3]!, body, res);
    }
    if (parts.length !== 2) return sendJson(res, 404, { error: `not found: /mcp/${server} speaks MCP; /mcp/${server}/tools/<tool> calls one tool` });
    if (req.method === 'POST' && body === undefined) return sendJson(res, 400, { jsonrpc: '2.0', id: null, error: { code: -32700, message: 'empty body: POST a JSON-RPC message' } });
    endpoint.handle(req, res, body);
  }

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port, options.host, () => {
      http.off('error', reject);
      resolve();
    });
  });
  http.on('error', options.onError);
  const port = (http.address() as AddressInfo).port;
  checks = options.guards.guard(options.token, port, options.host, { secure: options.tls !== undefined, allowHosts: options.allowHosts });
  const shownHost = options.allowHosts[0] ?? (options.host.includes(':') ? `[${options.host}]` : options.host);
  return {
    port,
    baseUrl: `${options.tls ? 'https' : 'http'}://${shownHost}:${port}/mcp`,
    close: () =>
      new Promise<void>((resolve) => {
        http.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}

/** A path of these characters alone (no dot segments, escapes, backslashes or a leading "//") is its own WHATWG pathname. */
const plainPath = /^\/(?!\/)[A-Za-z0-9_~\-/]*$/;

function pathOf(target: string | undefined): string | undefined {
  // the usual /mcp/<name> skips a URL parse (~10 µs a request)
  const end = target === undefined ? -1 : target.search(/[?#]/);
  const path = end === -1 ? target : target!.slice(0, end);
  if (path !== undefined && plainPath.test(path)) return path;
  try {
    return new URL(target ?? '/', 'http://placeholder').pathname;
  } catch {
    return undefined;
  }
}

function safeDecode(part: string): string | undefined {
  try {
    return decodeURIComponent(part);
  } catch {
    return undefined;
  }
}
