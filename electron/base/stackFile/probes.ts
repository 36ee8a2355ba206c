import { z } from 'zod';
import { duration, ratio } from './duration.js';

const common = {
  every: duration.default(5_000),
  timeout: duration.default(2_000),
  slo: z
    .strictObject({
      p50: duration.optional(),
      p95: duration.optional(),
      p99: duration.optional(),
      availability: ratio.optional(),
    })
    .optional(),
};

const httpProbe = z.strictObject({
  ...common,
  url: z.url({ protocol: /^https?$/, error: 'url must be an http:// or https:// address' }),
  method: z.enum(['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH']).default('GET'),
  headers: z.record(z.string(), z.string()).default({}),
  body: z.string().optional(),
  expect: z
    .strictObject({
      status: z.union([z.number().int(), z.array(z.number().int())]).default(200),
      /** The body must contain this text. */
      contains: z.string().optional(),
      /** A JSON field (dot path) and the value it must have, e.g. { path: "status", equals: "ok" }. */
      json: z.strictObject({ path: z.string(), equals: z.unknown() }).optional(),
    })
    .prefault({}),
});

const tcpProbe = z.strictObject({
  ...common,
  /** host:port to connect to. */
  tcp: z.string().regex(/^[^:\s]+:\d{1,5}$/, 'tcp must be host:port, e.g. 127.0.0.1:5432'),
});

const commandProbe = z.strictObject({
  ...common,
  /** Passes when this command exits 0. */
  command: z.array(z.string()).min(1),
  cwd: z.string().optional(),
});

export const probeSchema = z.union([httpProbe, tcpProbe, commandProbe], {
  error: 'a probe needs one of url: (HTTP), tcp: (host:port) or command: ([program, args…])',
});

export type ProbeConfig = z.infer<typeof probeSchema>;
export type HttpProbeConfig = z.infer<typeof httpProbe>;
export type TcpProbeConfig = z.infer<typeof tcpProbe>;
export type CommandProbeConfig = z.infer<typeof commandProbe>;
