import http from 'node:http';
import https from 'node:https';
import type { HttpProbeConfig } from '../base/stackFile/probes.js';
import { readPath } from '../base/jsonPath.js';
import { elapsedMs, type ProbeResult } from './probeResult.js';

/** Agents keep connections alive between runs, like a browser or a load balancer's checker would. */
export interface HttpAgents {
  http: http.Agent;
  https: https.Agent;
}

export function createHttpAgents(): HttpAgents {
  // Enough sockets per host that probes of one host never queue behind each other (that would count as latency).
  return { http: new http.Agent({ keepAlive: true, maxSockets: 64 }), https: new https.Agent({ keepAlive: true, maxSockets: 64 }) };
}

const maxBodyBytes = 1024 * 1024;

/** One HTTP(S) check: status, then optional body text and JSON field. Never throws. */
/** Parsed once per probe config rather than on every run (100 probes at 1 s would parse 100 URLs a second). */
const parsedUrls = new WeakMap<HttpProbeConfig, URL>();

function urlOf(config: HttpProbeConfig): URL {
  let url = parsedUrls.get(config);
  if (!url) parsedUrls.set(config, (url = new URL(config.url)));
  return url;
}

export function runHttpProbe(config: HttpProbeConfig, agents: HttpAgents): Promise<ProbeResult> {
  const url = urlOf(config);
  const lib = url.protocol === 'https:' ? https : http;
  const started = process.hrtime.bigint();
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: ProbeResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const req = lib.request(url, {
      method: config.method,
      headers: config.headers,
      agent: url.protocol === 'https:' ? agents.https : agents.http,
    });
    const timer = setTimeout(() => {
      finish({ outcome: 'timeout', latencyMs: config.timeout, error: `no response within ${config.timeout} ms` });
      req.destroy();
    }, config.timeout);
    req.on('error', (err: NodeJS.ErrnoException) => {
      finish({ outcome: 'error', latencyMs: elapsedMs(started), error: `${config.method} ${config.url}: ${err.code ?? err.message}` });
    });
    req.on('response', (res) => {
      // The body is read to the end either way (latency counts the whole response), but only kept when checked.
      const keepBody = config.expect.contains !== undefined || config.expect.json !== undefined;
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (keepBody && size <= maxBodyBytes) chunks.push(chunk);
      });
      res.on('error', (err) => finish({ outcome: 'error', latencyMs: elapsedMs(started), error: `response broke off: ${err.message}` }));
      res.on('end', () => {
        const latencyMs = elapsedMs(started);
        const problem = checkResponse(config, res.statusCode ?? 0, keepBody ? Buffer.concat(chunks).toString('utf8') : '');
        finish(problem ? { outcome: 'fail', latencyMs, error: problem } : { outcome: 'ok', latencyMs });
      });
    });
    if (config.body !== undefined) req.write(config.body);
    req.end();
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
