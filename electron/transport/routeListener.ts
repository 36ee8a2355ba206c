import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { HttpRouteLookup } from '../core/httpRoutes.js';
import { refuse } from './answers.js';
import { LoopbackGuard } from './loopbackGuard.js';
import { parseRequestUrl } from './requestUrl.js';
import { answerRoute } from './routeAnswer.js';

export interface RouteListener {
  /** "http://127.0.0.1:<port>" */
  origin: string;
  port: number;
  close(): Promise<void>;
}

/**
 * A loopback HTTP listener for capabilities' routes alone (desktop mode's
 * /metrics), behind the same guard as browser mode: Host header, Origin,
 * bearer token. It serves no page and no WebSocket.
 */
export async function startRouteListener(options: { port: number; routes: HttpRouteLookup; onError?: (error: unknown) => void }): Promise<RouteListener> {
  const host = '127.0.0.1';
  const sockets = new Set<Socket>();
  let guard: LoopbackGuard | undefined;
  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch((error: unknown) => {
      options.onError?.(error);
      refuse(res, 500, 'Switchboard could not answer this request');
    });
  };
  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!guard!.hostAllowed(req)) return refuse(res, 421, 'wrong Host header');
    const route = options.routes.find(parseRequestUrl(req.url)?.pathname ?? '');
    if (!route) return refuse(res, 404, 'not found');
    await answerRoute(guard!, route, req, res);
  }
  const server = createServer(onRequest);
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  // The guard's cookie token is never handed out: this listener answers bearer tokens only.
  guard = new LoopbackGuard(randomBytes(24).toString('base64url'), port, host);
  return {
    origin: `http://${host}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}
