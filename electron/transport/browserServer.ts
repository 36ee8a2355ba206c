import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { maxClientMessageBytes, type ServerMessage } from '../../shared/protocol.js';
import type { CommandRegistry } from '../core/commandRegistry.js';
import type { TopicRegistry } from '../core/topicRegistry.js';
import { contentSecurityPolicy } from './contentSecurityPolicy.js';
import { LoopbackGuard } from './loopbackGuard.js';
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

/** Serves the renderer and the contract over a WebSocket, on loopback, behind a token. */
export async function startBrowserServer(options: BrowserServerOptions): Promise<BrowserServer> {
  const host = options.host ?? '127.0.0.1';
  const token = options.token ?? randomBytes(24).toString('base64url');
  const sessions = new Set<Session>();
  const sockets = new Set<Socket>();
  let guard: LoopbackGuard | undefined;

  const wss = new WebSocketServer({ noServer: true, maxPayload: maxClientMessageBytes });
  const http = createServer((req, res) => void handleHttp(req, res));
  http.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });

  async function handleHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const g = guard!;
    if (!g.hostAllowed(req)) return refuse(res, 421, 'wrong Host header: open Switchboard by the address it printed');
    const url = new URL(req.url ?? '/', 'http://placeholder');
    const headers = securityHeaders(`ws://${req.headers.host}`);
    if (g.tokenMatches(g.tokenFromQuery(req))) {
      // Trade the URL token for a cookie, and drop it from the address bar and history.
      url.searchParams.delete('token');
      res.writeHead(303, { ...headers, 'Set-Cookie': g.setCookieHeader(), Location: url.pathname + url.search });
      res.end();
      return;
    }
    if (!g.tokenMatches(g.tokenFromCookie(req))) {
      return refuse(res, 401, 'this Switchboard needs its token: open the full URL it printed (…/?token=…)');
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'method not allowed');
    await serveStatic(options.staticDir, url.pathname, res, headers);
  }

  http.on('upgrade', (req: IncomingMessage, socket: Socket, head: Buffer) => {
    const g = guard!;
    const path = new URL(req.url ?? '/', 'http://placeholder').pathname;
    const reason =
      path !== websocketPath ? 'unknown path'
      : !g.hostAllowed(req) ? 'wrong Host header'
      : !g.originAllowed(req) ? 'foreign Origin'
      : !g.authorized(req) ? 'missing or wrong token'
      : undefined;
    if (reason) {
      socket.end(`HTTP/1.1 ${reason === 'unknown path' ? 404 : 403} Forbidden\r\nConnection: close\r\nContent-Type: text/plain\r\n\r\n${reason}\n`);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => attach(ws));
  });

  function attach(ws: WebSocket): void {
    const session = new Session(
      {
        send: (message: ServerMessage) => {
          if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
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
  guard = new LoopbackGuard(token, port, host);
  const shownHost = host.includes(':') ? `[${host}]` : host;

  return {
    url: `http://${shownHost}:${port}/?token=${token}`,
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

function securityHeaders(wsOrigin: string): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy([wsOrigin]),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}

function refuse(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(message + '\n');
}
