import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { decodeComponent, parseRequestUrl } from './requestUrl.js';

/**
 * Browser mode's front door. A page on another site can reach 127.0.0.1 too,
 * so every request must carry the per-run token (URL once, then a cookie), a
 * Host header that names this server (DNS rebinding), and for WebSockets an
 * Origin that is this server.
 */
export class LoopbackGuard {
  readonly cookieName: string;
  private readonly allowedHosts: Set<string>;

  constructor(
    private readonly token: string,
    port: number,
    boundHost: string,
  ) {
    // Cookies are not scoped by port, so two instances must not share a name.
    this.cookieName = `switchboard_${port}`;
    const names = new Set(['127.0.0.1', 'localhost', '[::1]', boundHost.includes(':') ? `[${boundHost}]` : boundHost]);
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
      return url.protocol === 'http:' && this.allowedHosts.has(url.host.toLowerCase());
    } catch {
      return false;
    }
  }

  tokenFromQuery(req: IncomingMessage): string | undefined {
    return parseRequestUrl(req.url)?.searchParams.get('token') ?? undefined;
  }

  tokenFromCookie(req: IncomingMessage): string | undefined {
    const header = req.headers.cookie ?? '';
    for (const part of header.split(';')) {
      const [name, ...rest] = part.trim().split('=');
      // A value that is not percent-encoding is no token: "not signed in", not an error.
      if (name === this.cookieName) return decodeComponent(rest.join('='));
    }
    return undefined;
  }

  tokenMatches(candidate: string | undefined): boolean {
    if (!candidate) return false;
    const a = Buffer.from(candidate);
    const b = Buffer.from(this.token);
    return a.length === b.length && timingSafeEqual(a, b);
  }

  authorized(req: IncomingMessage): boolean {
    return this.tokenMatches(this.tokenFromCookie(req)) || this.tokenMatches(this.tokenFromQuery(req));
  }

  setCookieHeader(): string {
    return `${this.cookieName}=${encodeURIComponent(this.token)}; HttpOnly; SameSite=Strict; Path=/`;
  }
}
