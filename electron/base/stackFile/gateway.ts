import { z } from 'zod';
import { text } from './text.js';
import { interval } from './duration.js';

/**
 * The MCP gateway's listener: `gateway: { port: 7421, token: "${SWITCHBOARD_GATEWAY_TOKEN}" }`.
 * Without a token one is generated per run and shown on the MCP screen.
 */
export const gatewaySchema = z.strictObject({
  port: z.number().int().min(0).max(65_535).default(7421),
  token: text.min(16, 'a gateway token needs at least 16 characters; leave it out to have one generated').optional(),
  /** Loopback by default; any other address needs tls, as browser mode does. */
  host: text.min(1).default('127.0.0.1'),
  /** Certificate and key files (PEM), for a bind off loopback. */
  tls: z.strictObject({ cert: text.min(1), key: text.min(1) }).optional(),
  /** Host-header names clients use beyond the loopback ones (needed off loopback). */
  allowHosts: z.array(text.min(1)).default([]),
});

/** How one MCP server is exposed: `gateway: true | false | { mode, replicas, … }`. */
export const serverGatewaySchema = z.union([
  z.boolean(),
  z.strictObject({
    /** shared: one child serves every client session; per-session: a child of its own per session. */
    mode: z.enum(['shared', 'per-session']).default('shared'),
    /** Supervised children behind the endpoint; new sessions go to the least-loaded ready one. */
    replicas: z.number().int().min(1).max(16).default(1),
    /** A session nobody used this long is ended (per-session: its child stops). */
    idleTimeout: interval.default(300_000),
    /** per-session: children at most; one more session is refused with 503. */
    maxSessions: z.number().int().min(1).max(256).default(16),
    /** Log request arguments and results too (off: session, method, tool, duration, outcome only). */
    logPayloads: z.boolean().default(false),
  }),
]);

export type GatewayConfig = z.infer<typeof gatewaySchema>;
export type ServerGatewayConfig = z.infer<typeof serverGatewaySchema>;

/** A server's exposure, spelled out; undefined when it is not exposed. */
export interface ServerExposure {
  mode: 'shared' | 'per-session';
  replicas: number;
  idleTimeout: number;
  maxSessions: number;
  logPayloads: boolean;
}

/** `true` (or the key left out while a gateway is configured) means the defaults; `false` hides the server. */
export function exposureOf(value: ServerGatewayConfig | undefined): ServerExposure | undefined {
  if (value === false) return undefined;
  if (value === undefined || value === true) return { mode: 'shared', replicas: 1, idleTimeout: 300_000, maxSessions: 16, logPayloads: false };
  return { ...value };
}
