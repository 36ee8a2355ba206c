import type { ServerResponse } from 'node:http';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { contentSecurityPolicy } from './contentSecurityPolicy.js';

/** The headers every page carries; `connectSrc` adds the WebSocket origin the page may talk to. */
export function securityHeaders(connectSrc: string[] = []): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(connectSrc),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}

/**
 * A short plain-text refusal, with the same security headers as a page (a
 * refusal is a document a browser renders too); a response already under way
 * is cut off instead.
 */
export function refuse(res: ServerResponse, status: number, message: string, headers: Record<string, string> = securityHeaders()): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(status, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(message + '\n');
}

/** The same refusal on a socket whose upgrade we decline (no ServerResponse exists there). */
export function refuseUpgrade(socket: Socket, status: number, message: string, headers: Record<string, string> = securityHeaders()): void {
  const lines = [`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}`, 'Connection: close', 'Content-Type: text/plain; charset=utf-8'];
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
  const body = `${message}\n`;
  lines.push(`Content-Length: ${Buffer.byteLength(body)}`);
  socket.end(`${lines.join('\r\n')}\r\n\r\n${body}`);
}
