import { z } from 'zod';
import { stateTopic } from './define.js';

/** What went wrong with a gateway request, in the few kinds an operator tells apart. */
export const gatewayErrorKinds = ['unauthorized', 'forbidden', 'unavailable', 'server error', 'child exited', 'cancelled', 'bad request'] as const;
export type GatewayErrorKind = (typeof gatewayErrorKinds)[number];

/** One supervised child behind an endpoint. */
export interface GatewayReplica {
  /** Its name among the MCP servers: the server's own for the first, "name#2" … for the others. */
  name: string;
  ready: boolean;
  /** Client sessions it serves, and calls in flight on it. */
  sessions: number;
  inFlight: number;
}

/** One exposed server's endpoint and its live figures (last minute). */
export interface GatewayEndpoint {
  name: string;
  url: string;
  mode: 'shared' | 'per-session';
  replicas: GatewayReplica[];
  sessions: number;
  requestsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  /** Requests in the last minute, and its errors by kind. */
  requests: number;
  errors: Partial<Record<GatewayErrorKind, number>>;
  logPayloads: boolean;
}

export interface GatewayState {
  /** False with no `gateway:` section, or when the listener could not start (see problem). */
  listening: boolean;
  configured: boolean;
  /** The base URL, e.g. http://127.0.0.1:7421/mcp */
  url?: string;
  /** The bearer token clients send; shown so it can be copied into a client config. */
  token?: string;
  /** True when the stack file gives none and this run made one up. */
  tokenGenerated: boolean;
  problem?: string;
  endpoints: GatewayEndpoint[];
}

export const gatewayTopics = {
  gateway: stateTopic<GatewayState>()(z.strictObject({}).prefault({})),
};
