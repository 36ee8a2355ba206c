import type { HttpProbeConfig } from '../base/stackFile/probes.js';
import { readPath } from '../base/jsonPath.js';
import { ProbeConnections, type Attempt, type WireRequest } from './http/probeConnections.js';
import { elapsedMs, type ProbeResult } from './probeResult.js';

const maxBodyBytes = 1024 * 1024;
const idempotent = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);

/** Built once per probe config rather than on every run (100 probes at 1 s would build 100 requests a second). */
const wireRequests = new WeakMap<HttpProbeConfig, WireRequest>();

/** The request as node:http would send it: Host, the config's headers, credentials from the URL, the body's length. */
function wireRequestFor(config: HttpProbeConfig): WireRequest {
  let request = wireRequests.get(config);
  if (request) return request;
  const url = new URL(config.url);
  const given = new Set(Object.keys(config.headers).map((name) => name.toLowerCase()));
  const headers: string[] = [];
  if (!given.has('host')) headers.push(`Host: ${url.host}`);
  for (const [name, value] of Object.entries(config.headers)) headers.push(`${name}: ${value}`);
  if ((url.username || url.password) && !given.has('authorization')) {
    const credentials = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
    headers.push(`Authorization: Basic ${Buffer.from(credentials).toString('base64')}`);
  }
  if (!given.has('connection')) headers.push('Connection: keep-alive');
  const body = config.body === undefined ? undefined : Buffer.from(config.body);
  if (!given.has('content-length') && (body || ['POST', 'PUT', 'PATCH'].includes(config.method))) headers.push(`Content-Length: ${body?.length ?? 0}`);
  const head = Buffer.from(`${config.method} ${url.pathname}${url.search} HTTP/1.1\r\n${headers.join('\r\n')}\r\n\r\n`, 'latin1');
  request = {
    protocol: url.protocol,
    host: url.hostname,
    port: Number(url.port) || (url.protocol === 'https:' ? 443 : 80),
    bytes: body ? Buffer.concat([head, body]) : head,
    head: config.method === 'HEAD',
    idempotent: idempotent.has(config.method),
  };
  wireRequests.set(config, request);
  return request;
}

/** One HTTP(S) check: status, then optional body text and JSON field. Never throws. */
export function runHttpProbe(config: HttpProbeConfig, connections: ProbeConnections): Promise<ProbeResult> {
  const started = process.hrtime.bigint();
  let request: WireRequest;
  try {
    request = wireRequestFor(config);
  } catch (err) {
    return Promise.resolve({ outcome: 'error', latencyMs: 0, error: `${config.method} ${config.url}: ${(err as Error).message}` });
  }
  // The body is read to the end either way (latency counts the whole response), but only kept when checked.
  const keepBody = config.expect.contains !== undefined || config.expect.json !== undefined;
  const attempt: Attempt = {};
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: ProbeResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const timer = setTimeout(() => {
      finish({ outcome: 'timeout', latencyMs: config.timeout, error: `no response within ${config.timeout} ms` });
      attempt.cancelled = true;
      attempt.socket?.destroy();
    }, config.timeout);
    connections.send(request, keepBody ? maxBodyBytes : 0, attempt).then(
      (response) => {
        const latencyMs = elapsedMs(started);
        const problem = checkResponse(config, response.status, keepBody ? response.body.toString('utf8') : '');
        finish(problem ? { outcome: 'fail', latencyMs, error: problem } : { outcome: 'ok', latencyMs });
      },
      (err: NodeJS.ErrnoException) => {
        finish({ outcome: 'error', latencyMs: elapsedMs(started), error: `${config.method} ${config.url}: ${err.code ?? err.message}` });
      },
    );
  });
}

/** Why a response does not meet the probe's expectations, or undefined when it does. */
export function checkResponse(config: HttpProbeConfig, status: number, body: string): string | undefined {
  const expected = Array.isArray(config.expect.status) ? config.expect.status : [config.expect.status];
  if (!expected.includes(status)) return `status ${status} (expected ${expected.join(' or ')})`;
  if (config.expect.contains !== undefined && !body.includes(config.expect.contains)) {
    return `body does not contain "${config.expect.contains}"`;
  }
  if (config.expect.json) {
    let doc: unknown;
    try {
      doc = JSON.parse(body);
    } catch {
      return 'body is not JSON';
    }
    const actual = readPath(doc, config.expect.json.path);
    if (!sameValue(actual, config.expect.json.equals)) {
      return `${config.expect.json.path} is ${JSON.stringify(actual) ?? 'missing'} (expected ${JSON.stringify(config.expect.json.equals)})`;
    }
  }
  return undefined;
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
