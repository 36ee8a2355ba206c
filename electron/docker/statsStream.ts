import { connect as connectSocket, isIP, type Socket } from 'node:net';
import { connect as connectTls } from 'node:tls';
import type Docker from 'dockerode';
import { lineReader } from './lineReader.js';
import type { StatsRounds } from './statsRounds.js';
import { StreamedResponse } from './streamedResponse.js';

export interface StatsStreamHandlers {
  /** One line of the body: a sample's JSON (or a keep-alive newline). */
  line(line: string): void;
  /**
   * It is over: refused (the container went away or stopped meanwhile: 404/409), the engine did not
   * answer, or the open stream ended or broke. Not called after close().
   */
  ended(): void;
}

export interface StatsStream {
  /** Stops reading and drops the connection; no handler is called after this. */
  close(): void;
}

type Engine = { options: Docker.DockerOptions; docker: Docker; rounds?: StatsRounds };

/**
 * One container's live stats (`GET /containers/<id>/stats?stream=1`). Over a
 * local socket, tcp or tls it is one request written on a socket of its own
 * and read with a lean response reader: 20 streams deliver 20 chunks a
 * second, and node:http's parser and stream hand-offs were most of the cost of
 * each. SSH engines need docker-modem's ssh2 agent, so they keep dockerode.
 */
export function openStatsStream(engine: Engine, id: string, handlers: StatsStreamHandlers): StatsStream {
  return engine.options.protocol === 'ssh' ? viaDockerode(engine.docker, id, handlers) : direct(engine.options, id, handlers, engine.rounds);
}

/**
 * Where plain sockets read into: one for every stream, as each read is handed on (and what is kept
 * of it copied) before the next one lands.
 */
const readBuffer = Buffer.allocUnsafe(64 * 1024);

function direct(options: Docker.DockerOptions, id: string, handlers: StatsStreamHandlers, rounds: StatsRounds | undefined): StatsStream {
  let finished = false;
  const reader = lineReader((line) => finished || handlers.line(line));
  const response = new StreamedResponse({
    head: ({ status }) => {
      if (status !== 200) finish();
    },
    body: (bytes) => reader.push(bytes),
    end: () => finish(),
    malformed: () => finish(),
  });
  const { socket, readsInPlace } = connectTo(options, (bytes) => {
    response.push(bytes);
    rounds?.arrived();
  });
  // Only a socket that reads in place stops reading when paused (a 'data' socket buffers on).
  if (readsInPlace) rounds?.join(socket);
  const drop = () => {
    finished = true;
    response.stop();
    rounds?.leave(socket);
    socket.destroy();
  };
  const finish = () => {
    if (finished) return;
    drop();
    handlers.ended();
  };
  // Kept for the socket's whole life: a destroyed socket may still report its reset.
  socket.on('error', finish);
  socket.on('end', finish);
  socket.on('close', finish);
  socket.write(requestText(options, id));
  return { close: drop };
}

/**
 * A socket to the engine as docker-modem would open it: its unix socket or named pipe, else
 * host:port, with TLS for https. Plain sockets hand each read straight to `onBytes` (onread),
 * skipping the stream machinery a 'data' event goes through; TLS sockets use 'data'.
 */
function connectTo(options: Docker.DockerOptions, onBytes: (bytes: Buffer) => void): { socket: Socket; readsInPlace: boolean } {
  const onread = {
    buffer: readBuffer,
    callback: (n: number) => {
      onBytes(readBuffer.subarray(0, n));
      return true;
    },
  };
  if (!options.host && options.socketPath) return { socket: connectSocket({ path: options.socketPath, onread }), readsInPlace: true };
  const host = options.host ?? 'localhost';
  const port = Number(options.port);
  if (options.protocol !== 'https') return { socket: connectSocket({ host, port, onread }), readsInPlace: true };
  const socket = connectTls({ host, port, ca: options.ca, cert: options.cert, key: options.key, ...(isIP(host) ? {} : { servername: host }) });
  socket.on('data', onBytes);
  return { socket, readsInPlace: false };
}

function requestText(options: Docker.DockerOptions, id: string): string {
  const prefix = options.version ? `/${options.version}` : '';
  const host = !options.host && options.socketPath ? 'localhost' : `${isIP(options.host ?? '') === 6 ? `[${options.host}]` : options.host}:${options.port}`;
  let extra = '';
  for (const [name, value] of Object.entries(options.headers ?? {})) extra += `${name}: ${value}\r\n`;
  return `GET ${prefix}/containers/${encodeURIComponent(id)}/stats?stream=1 HTTP/1.1\r\nHost: ${host}\r\n${extra}\r\n`;
}

function viaDockerode(docker: Docker, id: string, handlers: StatsStreamHandlers): StatsStream {
  const abort = new AbortController();
  let stream: (NodeJS.ReadableStream & { destroy?: () => void }) | undefined;
  let finished = false;
  docker
    .getContainer(id)
    .stats({ stream: true, abortSignal: abort.signal } as { stream: true })
    .then((opened) => {
      const s = opened as NodeJS.ReadableStream & { destroy?: () => void };
      if (finished) {
        s.on('error', () => {});
        s.destroy?.();
        return;
      }
      stream = s;
      const reader = lineReader((line) => finished || handlers.line(line));
      s.on('data', (chunk: Buffer) => reader.push(chunk));
      const ended = () => {
        if (finished) return;
        finished = true;
        handlers.ended();
      };
      s.on('end', ended);
      s.on('close', ended);
      s.on('error', ended);
    })
    .catch(() => {
      if (finished) return;
      finished = true;
      handlers.ended();
    });
  return {
    close() {
      finished = true;
      abort.abort();
      if (stream) {
        stream.removeAllListeners();
        stream.on('error', () => {});
        stream.destroy?.();
      }
    },
  };
}
