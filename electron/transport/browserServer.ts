import { randomBytes } from 'node:crypto';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { maxClientMessageBytes, type ServerMessage } from '../../shared/protocol.js';
import type { CommandRegistry } from '../core/commandRegistry.js';
import type { HttpRouteLookup } from '../core/httpRoutes.js';
import type { TopicRegistry } from '../core/topicRegistry.js';
import { refuse, refuseUpgrade, securityHeaders } from './answers.js';
import { LoopbackGuard } from './loopbackGuard.js';
import { parseRequestUrl } from './requestUrl.js';
import { answerRoute } from './routeAnswer.js';
import { Session } from './session.js';
import { serveStatic } from './staticFiles.js';

export interface BrowserServerOptions {
  host?: string;
  port?: number;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  commands: CommandRegistry;
  topics: TopicRegistry;
  token?: string;
  /** Certificate and key: serve HTTPS/WSS (required off loopback, see bindPlan.ts). */
  tls?: { cert: Buffer | string; key: Buffer | string };
  /** Host-header names accepted beyond the loopback ones; the first is the one the printed URL uses. */
  allowHosts?: string[];
  /** Where a request that failed unexpectedly is reported (it is answered 500 either way); default stderr. */
  onError?: (error: unknown, where: string) => void;
  /** Open WebSocket sessions at most (tabs, windows, scripts); one more is refused with 503. */
  maxSessions?: number;
  /** Capabilities' routes (/metrics), each behind its own bearer token instead of the page's cookie. */
  routes?: HttpRouteLookup;
}

export interface BrowserServer {
  /** The URL to open, token included. */
  url: string;
  port: number;
  token: string;
  sessionCount(): number;
  close(): Promise<void>;
}

const websocketPath = '/ws';
/** Far more tabs than a person opens, few enough that a runaway script cannot hold unbounded session state. */
const defaultMaxSessions = 32;

/** Serves the renderer and the contract over a WebSocket, on loopback, behind a token. */
export async function startBrowserServer(options: BrowserServerOptions): Promise<BrowserServer> {
  const host = options.host ?? '127.0.0.1';
  const token = options.token ?? randomBytes(24).toString('base64url');
  const sessions = new Set<Session>();
  const sockets = new Set<Socket>();
  let guard: LoopbackGuard | undefined;

  const reportError = options.onError ?? ((error: unknown, where: string) => console.error(`browser mode: ${where} failed:`, error));

  const wss = new WebSocketServer({ noServer: true, maxPayload: maxClientMessageBytes });
  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    handleHttp(req, res).catch((error: unknown) => {
      reportError(error, `${req.method} request`);
      refuse(res, 500, 'Switchboard could not answer this request');
    });
  };
  const scheme = options.tls ? 'https' : 'http';
  const http = options.tls ? createHttpsServer({ cert: options.tls.cert, key: options.tls.key }, onRequest) : createHttpServer(onRequest);
  http.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });

  async function handleHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const g = guard!;
    if (!g.hostAllowed(req)) return refuse(res, 421, 'wrong Host header: open Switchboard by the address it printed');
    const url = parseRequestUrl(req.url);
    if (!url) return refuse(res, 400, 'the request path is not a URL');
    const route = options.routes?.find(url.pathname);
    if (route) return answerRoute(g, route, req, res);
    const headers = securityHeaders([`${options.tls ? 'wss' : 'ws'}://${req.headers.host}`]);
    if (g.tokenMatches(g.tokenFromQuery(req))) {
      // Trade the URL token for a cookie, and drop it from the address bar and history.
      url.searchParams.delete('token');
      res.writeHead(303, { ...headers, 'Set-Cookie': g.setCookieHeader(), Location: url.pathname + url.search });
      res.end();
      return;
    }
    if (!g.cookieMatches(req)) {
      return refuse(res, 401, 'this Switchboard needs its token: open the full URL it printed (…/?token=…)');
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'method not allowed', headers);
    await serveStatic(options.staticDir, url.pathname, res, headers);
  }

  http.on('upgrade', (req: IncomingMessage, socket: Socket, head: Buffer) => {
    // Until ws takes the socket over, a client that resets it must not raise an unheard 'error'.
    socket.on('error', () => socket.destroy());
    try {
      upgrade(req, socket, head);
    } catch (error) {
      reportError(error, 'WebSocket upgrade');
      refuseUpgrade(socket, 500, 'Switchboard could not answer this request');
    }
  });

  // CONNECT (a proxy request) is nothing browser mode serves; unheard, Node would drop the connection without a word.
  http.on('connect', (_req: IncomingMessage, socket: Socket) => {
    socket.on('error', () => socket.destroy());
    refuseUpgrade(socket, 405, 'method not allowed');
  });

  function upgrade(req: IncomingMessage, socket: Socket, head: Buffer): void {
    const g = guard!;
    const url = parseRequestUrl(req.url);
    if (!url) return refuseUpgrade(socket, 400, 'the request path is not a URL');
    const reason =
      url.pathname !== websocketPath ? 'unknown path'
      : !g.hostAllowed(req) ? 'wrong Host header'
      : !g.originAllowed(req) ? 'foreign Origin'
      : !g.authorized(req) ? 'missing or wrong token'
      : undefined;
    if (reason) return refuseUpgrade(socket, reason === 'unknown path' ? 404 : 403, reason);
    const maxSessions = options.maxSessions ?? defaultMaxSessions;
    if (sessions.size >= maxSessions) return refuseUpgrade(socket, 503, `too many open sessions (max ${maxSessions}): close another Switchboard tab or window`);
    wss.handleUpgrade(req, socket, head, (ws) => attach(ws, socket));
  }

  function attach(ws: WebSocket, socket: Socket): void {
    let corked = false;
    const session = new Session(
      {
        send: (message: ServerMessage) => {
          if (ws.readyState !== ws.OPEN) return;
          // What one flush sends (a message per topic) leaves in one write: the socket is corked until the end of this tick.
          if (!corked) {
            corked = true;
            socket.cork();
            process.nextTick(() => {
              corked = false;
              socket.uncork();
            });
          }
          ws.send(wireText(message));
        },
        backlog: () => ws.bufferedAmount,
      },
      options.commands,
      options.topics,
    );
    sessions.add(session);
    let alive = true;
    const heartbeat = setInterval(() => {
      // A client that stopped answering is gone: free what it subscribed to.
      if (!alive) return ws.terminate();
      alive = false;
      ws.ping();
    }, 30_000);
    ws.on('pong', () => (alive = true));
    ws.on('message', (data, isBinary) => {
      if (isBinary) return session.receive(undefined);
      session.receiveText(data.toString());
    });
    ws.on('close', () => {
      clearInterval(heartbeat);
      session.dispose();
      sessions.delete(session);
    });
    ws.on('error', () => ws.terminate());
  }

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (http.address() as AddressInfo).port;
  guard = new LoopbackGuard(token, port, host, { secure: options.tls !== undefined, allowHosts: options.allowHosts ?? [] });
  const shownHost = options.allowHosts?.[0] ?? (host.includes(':') ? `[${host}]` : host);

  return {
    url: `${scheme}://${shownHost}:${port}/?token=${token}`,
    port,
    token,
    sessionCount: () => sessions.size,
    async close() {
      for (const client of wss.clients) client.terminate();
      for (const session of sessions) session.dispose();
      sessions.clear();
      wss.close();
      await new Promise<void>((resolve) => {
        http.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
    },
  };
}

/** A value JSON cannot carry (a BigInt, a cycle) becomes an error the client can match to its call, not a throw. */
function wireText(message: ServerMessage): string {
  try {
    return JSON.stringify(message);
  } catch (err) {
    const error = { code: 'internal' as const, message: `the answer could not be sent: ${err instanceof Error ? err.message : String(err)}` };
    return JSON.stringify(message.t === 'result' ? { t: 'result', id: message.id, ok: false, error } : { t: 'error', error });
  }
}
