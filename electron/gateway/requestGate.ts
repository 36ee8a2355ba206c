import type { IncomingMessage } from 'node:http';

/** The browser-mode server's guard, as the gateway uses it (the composition root builds it from electron/transport). */
export interface LoopbackChecks {
  hostAllowed(req: IncomingMessage): boolean;
  originAllowed(req: IncomingMessage): boolean;
  tokenMatches(candidate: string | undefined): boolean;
}

/** Builds the guard once the listener knows its port; also says which hosts are loopback. */
export interface GuardFactory {
  guard(token: string, port: number, host: string, options: { secure: boolean; allowHosts: string[] }): LoopbackChecks;
  isLoopbackHost(host: string): boolean;
}

export type Refusal = { status: 401 | 403 | 421; kind: 'unauthorized' | 'forbidden'; message: string };

/**
 * Every gateway request: a Host that names this listener (DNS rebinding),
 * an Origin that is this listener when a browser sends one (the transport
 * spec's 403), and the bearer token.
 */
export function refusal(checks: LoopbackChecks, req: IncomingMessage): Refusal | undefined {
  if (!checks.hostAllowed(req)) return { status: 421, kind: 'forbidden', message: 'wrong Host header: use the URL the MCP screen shows' };
  if (!checks.originAllowed(req)) return { status: 403, kind: 'forbidden', message: 'foreign Origin: the gateway answers only clients of its own origin or without one' };
  const header = req.headers.authorization ?? '';
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!checks.tokenMatches(match?.[1])) {
    return { status: 401, kind: 'unauthorized', message: 'missing or wrong bearer token: send "Authorization: Bearer <token>" (copy it from the MCP screen)' };
  }
  return undefined;
}
