import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { isLoopbackHost } from './bindPlan.js';
import { decodeComponent, parseRequestUrl } from './requestUrl.js';

export interface GuardOptions {
  /** Served over HTTPS: cookies get Secure and the __Host- prefix, Origins must be https. */
  secure?: boolean;
  /** Host-header names accepted beyond the loopback ones (--allow-host). */
  allowHosts?: string[];
}

/**
 * Browser mode's front door. A page on another site can reach 127.0.0.1 too,
 * so every request must carry the per-run token (URL once, then a cookie), a
 * Host header that names this server (DNS rebinding), and for WebSockets an
 * Origin that is this server.
 */
export class LoopbackGuard {
  readonly cookieName: string;
  private readonly cookieValue: string;
  private readonly allowedHosts: Set<string>;
  private readonly secure: boolean;

  constructor(
    private readonly token: string,
    port: number,
    boundHost: string,
    options: GuardOptions = {},
  ) {
    this.secure = options.secure ?? false;
    // Browsers send localhost cookies to every port, and any server there can set one. Name and value are
    // MACs of this port under the token: another server sees no token, cannot guess the name to plant one,
    // and a cookie from another Switchboard (even one sharing the token) never matches here.
    const mac = (purpose: string) => createHmac('sha256', token).update(`${purpose}:${port}`).digest('base64url');
    // Over HTTPS, __Host- makes the browser refuse the cookie from anything but a Secure, host-only, Path=/ Set-Cookie.
    this.cookieName = `${this.secure ? '__Host-' : ''}switchboard_${mac('cookie name').slice(0, 16)}`;
    this.cookieValue = mac('cookie value');
    // The bound address names this server only when it is loopback; other names are the operator's to list.
    const bound = isLoopbackHost(boundHost) ? [boundHost.includes(':') ? `[${boundHost}]` : boundHost] : [];
    const names = new Set(['127.0.0.1', 'localhost', '[::1]', ...bound, ...(options.allowHosts ?? [])]);
    this.allowedHosts = new Set([...names].map((h) => `${h}:${port}`));
  }

  hostAllowed(req: IncomingMessage): boolean {
    const host = (req.headers.host ?? '').toLowerCase();
    return this.allowedHosts.has(host);
  }

  originAllowed(req: IncomingMessage): boolean {
    const origin = req.headers.origin;
    // Non-browser clients (tests, scripts) send no Origin; browsers always do on WebSockets.
    if (origin === undefined) return true;
    try {
      const url = new URL(origin);
      return url.protocol === (this.secure ? 'https:' : 'http:') && this.allowedHosts.has(url.host.toLowerCase());
    } catch {
      return false;
    }
  }

  tokenFromQuery(req: IncomingMessage): string | undefined {
    return parseRequestUrl(req.url)?.searchParams.get('token') ?? undefined;
  }

  /** True when any cookie of our name carries our value: a planted duplicate is skipped, never an error. */
  cookieMatches(req: IncomingMessage): boolean {
    const header = req.headers.cookie ?? '';
    for (const part of header.split(';')) {
      const [name, ...rest] = part.trim().split('=');
      // A value that is not percent-encoding is no cookie of ours: "not signed in", not an error.
      if (name === this.cookieName && same(decodeComponent(rest.join('=')), this.cookieValue)) return true;
    }
    return false;
  }

  tokenMatches(candidate: string | undefined): boolean {
    return same(candidate, this.token);
  }

  /** `Authorization: Bearer <token>`, for scrapers and scripts (routes such as /metrics); `token` is the route's own. */
  bearerMatches(req: IncomingMessage, token: string): boolean {
    const match = /^Bearer +(\S+) *$/i.exec(req.headers.authorization ?? '');
    return match !== null && same(match[1], token);
  }

  authorized(req: IncomingMessage): boolean {
    return this.cookieMatches(req) || this.tokenMatches(this.tokenFromQuery(req));
  }

  setCookieHeader(): string {
    return `${this.cookieName}=${this.cookieValue}; HttpOnly; SameSite=Strict; Path=/${this.secure ? '; Secure' : ''}`;
  }
}

function same(candidate: string | undefined, expected: string): boolean {
  if (!candidate) return false;
  const a = Buffer.from(candidate);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
