import { z } from 'zod';
import { text } from './text.js';
import { interval, latency, ratio } from './duration.js';

// What Node's HTTP client accepts; anything else makes the request throw before it is sent.
const headerName = z.string().regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, 'a header name is letters, digits and !#$%&\'*+-.^_`|~ only');
const headerValue = z.string().regex(/^[\t\x20-\x7e\x80-\xff]*$/, 'a header value is one line of printable text (no line breaks or control characters)');

const common = {
  every: interval.default(5_000),
  timeout: interval.default(2_000),
  slo: z
    .strictObject({
      p50: latency.optional(),
      p95: latency.optional(),
      p99: latency.optional(),
      availability: ratio.optional(),
    })
    .optional(),
};

const httpProbe = z.strictObject({
  ...common,
  url: z.url({ protocol: /^https?$/, error: 'url must be an http:// or https:// address' }),
  method: z.enum(['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH']).default('GET'),
  headers: z.record(headerName, headerValue).default({}),
  body: z.string().optional(),
  expect: z
    .strictObject({
      status: z.union([z.number().int(), z.array(z.number().int())]).default(200),
      /** The body must contain this text. */
      contains: z.string().optional(),
      /** A JSON field (dot path) and the value it must have, e.g. { path: "status", equals: "ok" }. */
      json: z.strictObject({ path: text, equals: z.unknown() }).optional(),
    })
    .prefault({}),
});

const tcpProbe = z.strictObject({
  ...common,
  /** host:port to connect to. */
  tcp: text.regex(/^[^:\s]+:\d{1,5}$/, 'tcp must be host:port, e.g. 127.0.0.1:5432'),
});

const commandProbe = z.strictObject({
  ...common,
  /** Passes when this command exits 0. */
  command: z.array(text).min(1),
  cwd: text.optional(),
});

export const probeSchema = z.union([httpProbe, tcpProbe, commandProbe], {
  error: 'a probe needs one of url: (HTTP), tcp: (host:port) or command: ([program, args…])',
});

export type ProbeConfig = z.infer<typeof probeSchema>;
export type HttpProbeConfig = z.infer<typeof httpProbe>;
export type TcpProbeConfig = z.infer<typeof tcpProbe>;
export type CommandProbeConfig = z.infer<typeof commandProbe>;
