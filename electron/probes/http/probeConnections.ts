import net from 'node:net';
import tls from 'node:tls';
import { ResponseReader, type ReadResponse } from './responseReader.js';

/** One request as it goes on the wire, built once per probe config. */
export interface WireRequest {
  /** `http:` or `https:`. */
  protocol: string;
  host: string;
  port: number;
  /** Request line, headers and body, ready to write. */
  bytes: Buffer;
  head: boolean;
  /** Safe to send again on a fresh connection when a kept-alive one turns out to be closed. */
  idempotent: boolean;
}

interface IdleSocket {
  socket: net.Socket;
  /** Date.now() after which the server may have closed it. */
  expires: number;
  dropped: () => void;
}

/** One probe run's hold on its connection. */
export interface Attempt {
  socket?: net.Socket;
  cancelled?: boolean;
}

/** Without a `Keep-Alive: timeout=N` from the server, an idle connection is kept this long. */
const defaultIdleMs = 30_000;
/** Given up this long before the server's own keep-alive timeout, so a request rarely meets a closing socket. */
const idleMarginMs = 1_000;

/**
 * Kept-alive connections for probes, per origin, like a browser or a load
 * balancer's checker keeps them: 100 probes at 1 s reuse their sockets instead
 * of opening 100 connections a second.
 */
export class ProbeConnections {
  private readonly idle = new Map<string, IdleSocket[]>();
  private disposed = false;

  /**
   * Sends `request` and reads its response, on a kept-alive connection when one
   * is idle. `attempt.socket` is the socket in use, so a timeout can destroy it
   * and set `attempt.cancelled`, after which nothing is sent again.
   */
  async send(request: WireRequest, keepBodyBytes: number, attempt: Attempt): Promise<ReadResponse> {
    const origin = `${request.protocol}//${request.host}:${request.port}`;
    const reused = this.takeIdle(origin);
    if (reused) {
      attempt.socket = reused;
      try {
        return await this.exchange(origin, reused, request, keepBodyBytes, true);
      } catch (err) {
        // The server closed the kept-alive connection as we wrote (it had not read the request):
        // once more on a fresh one, as browsers do, when sending it twice does no harm.
        if (!(err instanceof StaleConnection)) throw err;
        if (!request.idempotent || attempt.cancelled) throw err.cause;
      }
    }
    const socket = this.connect(request);
    attempt.socket = socket;
    return this.exchange(origin, socket, request, keepBodyBytes, false);
  }

  dispose(): void {
    this.disposed = true;
    for (const list of this.idle.values()) for (const { socket } of list) discard(socket);
    this.idle.clear();
  }

  private connect(request: WireRequest): net.Socket {
    const host = request.host.startsWith('[') ? request.host.slice(1, -1) : request.host;
    if (request.protocol === 'https:') {
      // Certificates are checked as node:https checks them; SNI only for names, as the TLS spec asks.
      return tls.connect({ host, port: request.port, servername: net.isIP(host) ? undefined : host, ALPNProtocols: ['http/1.1'] });
    }
    const socket = net.connect({ host, port: request.port });
    socket.setNoDelay(true);
    return socket;
  }

  private exchange(origin: string, socket: net.Socket, request: WireRequest, keepBodyBytes: number, reused: boolean): Promise<ReadResponse> {
    return new Promise((resolve, reject) => {
      const reader = new ResponseReader(request.head, keepBodyBytes);
      let answered = false;
      const done = (outcome: ReadResponse | Error) => {
        socket.off('data', onData);
        socket.off('end', onEnded);
        socket.off('close', onEnded);
        socket.off('error', onError);
        if (outcome instanceof Error) {
          discard(socket);
          reject(outcome);
          return;
        }
        if (outcome.reusable && !this.disposed && !socket.destroyed) this.putIdle(origin, socket, outcome.keepAliveSeconds);
        else discard(socket);
        resolve(outcome);
      };
      const onData = (chunk: Buffer) => {
        answered = true;
        let response: ReadResponse | undefined;
        try {
          response = reader.push(chunk);
        } catch (err) {
          done(err as Error);
          return;
        }
        if (response) done(response);
      };
      const cutShort = (err: NodeJS.ErrnoException | undefined) => {
        const ending = reader.end();
        if (!(ending instanceof Error)) return done(ending);
        const failure = err ?? Object.assign(new Error(ending.message), { code: answered ? undefined : 'ECONNRESET' });
        done(reused && !answered ? new StaleConnection(failure) : failure);
      };
      // 'end' (the server's FIN) and 'close' both mean no more bytes: whichever comes first decides.
      const onEnded = () => cutShort(undefined);
      const onError = (err: NodeJS.ErrnoException) => cutShort(err);
      socket.on('data', onData);
      socket.on('end', onEnded);
      socket.on('close', onEnded);
      socket.on('error', onError);
      socket.write(request.bytes);
    });
  }

  private takeIdle(origin: string): net.Socket | undefined {
    const list = this.idle.get(origin);
    const now = Date.now();
    while (list?.length) {
      const entry = list.pop()!;
      entry.socket.off('close', entry.dropped);
      entry.socket.off('error', entry.dropped);
      entry.socket.off('data', entry.dropped);
      if (entry.expires > now && !entry.socket.destroyed) return entry.socket.ref();
      discard(entry.socket);
    }
    return undefined;
  }

  private putIdle(origin: string, socket: net.Socket, keepAliveSeconds: number | undefined): void {
    let list = this.idle.get(origin);
    if (!list) this.idle.set(origin, (list = []));
    const idleList = list;
    const entry: IdleSocket = {
      socket,
      expires: Date.now() + (keepAliveSeconds !== undefined ? keepAliveSeconds * 1000 - idleMarginMs : defaultIdleMs),
      // Closed, broken, or talking out of turn while idle: not reusable.
      dropped: () => {
        const at = idleList.indexOf(entry);
        if (at >= 0) idleList.splice(at, 1);
        discard(socket);
      },
    };
    // An idle connection alone does not keep the process running (node:http's agent does the same).
    socket.unref();
    socket.on('close', entry.dropped);
    socket.on('error', entry.dropped);
    socket.on('data', entry.dropped);
    list.push(entry);
  }
}

/** A kept-alive connection that was closed under the request before any answer. */
class StaleConnection extends Error {
  constructor(override readonly cause: Error) {
    super(cause.message);
  }
}

/** Closes a socket that is done with; an error it reports while closing is of no interest any more. */
function discard(socket: net.Socket): void {
  socket.on('error', () => {});
  socket.destroy();
}
