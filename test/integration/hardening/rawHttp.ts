import { connect } from 'node:net';

export interface RawAnswer {
  /** The status code of the first answer, or undefined when the server closed without one. */
  status: number | undefined;
  headers: Record<string, string>;
  text: string;
}

/**
 * Sends bytes exactly as given over a fresh TCP connection (no client-side
 * URL or header checks) and reads what comes back until the server closes or
 * `waitMs` passes.
 */
export function rawRequest(port: number, bytes: string | Buffer, waitMs = 2000): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const socket = connect(port, '127.0.0.1', () => socket.write(bytes));
    const finish = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve(parseAnswer(Buffer.concat(chunks).toString('latin1')));
    };
    const timer = setTimeout(finish, waitMs);
    socket.on('data', (chunk) => {
      chunks.push(chunk);
      // One answer is enough: stop once its headers (and any declared body) are in.
      const text = Buffer.concat(chunks).toString('latin1');
      const end = text.indexOf('\r\n\r\n');
      if (end === -1) return;
      const head = text.slice(0, end);
      const length = /\r\ncontent-length:\s*(\d+)/i.exec(head)?.[1];
      // 101: the connection is a WebSocket now and nothing more comes as HTTP
      if (/^HTTP\/1\.1 101 /.test(head) || (length !== undefined && text.length >= end + 4 + Number(length))) finish();
    });
    socket.on('error', finish);
    socket.on('close', finish);
  });
}

function parseAnswer(text: string): RawAnswer {
  const end = text.indexOf('\r\n\r\n');
  const head = end === -1 ? text : text.slice(0, end);
  const [statusLine = '', ...lines] = head.split('\r\n');
  const status = /^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1];
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { status: status === undefined ? undefined : Number(status), headers, text: end === -1 ? '' : text.slice(end + 4) };
}

/** A GET with the Host header browser mode expects, plus any extra header lines. */
export function get(port: number, path: string, extraHeaders: string[] = []): string {
  return [`GET ${path} HTTP/1.1`, `Host: 127.0.0.1:${port}`, 'Connection: close', ...extraHeaders, '', ''].join('\r\n');
}
