/**
 * A fetch for the MCP SDK's StreamableHTTPClientTransport (its `fetch` option)
 * built on node:http with a keep-alive agent, for the gateway benchmark: the
 * same SDK client with a lighter HTTP stack than Node's fetch (undici), so the
 * figures show what is the client's HTTP stack and what is the gateway's.
 *
 * What it does, in full: method, headers and string body out; status, status
 * text and headers back; a JSON (or any non-SSE) body is read whole before the
 * promise resolves; a text/event-stream body is handed on as a web stream, so
 * the SDK's GET stream and SSE answers work as with fetch. Redirects are not
 * followed (as `redirect: 'manual'`, which is what the SDK asks for). An abort
 * of `init.signal` ends the request and rejects, as fetch does.
 */
import http, { type IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import type { FetchLike } from '@modelcontextprotocol/sdk/shared/transport.js';

/** The part of a WHATWG Response the SDK's client transport reads. */
class NodeHttpResponse {
  readonly ok: boolean;
  readonly status: number;
  readonly statusText: string;
  readonly type = 'basic';
  readonly redirected = false;
  readonly headers: { get(name: string): string | null; has(name: string): boolean };

  constructor(
    readonly url: string,
    res: IncomingMessage,
    private readonly text_: string | undefined,
    readonly body: ReadableStream<Uint8Array> | null,
  ) {
    this.status = res.statusCode ?? 0;
    this.ok = this.status >= 200 && this.status < 300;
    this.statusText = res.statusMessage ?? '';
    const raw = res.headers;
    const get = (name: string): string | null => {
      const value = raw[name.toLowerCase()];
      return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
    };
    this.headers = { get, has: (name) => get(name) !== null };
  }

  async text(): Promise<string> {
    if (this.text_ !== undefined) return this.text_;
    if (!this.body) return '';
    return new Response(this.body).text();
  }

  async json(): Promise<unknown> {
    return JSON.parse(await this.text()) as unknown;
  }
}

function abortError(signal: AbortSignal): Error {
  return signal.reason instanceof Error ? signal.reason : new DOMException('This operation was aborted', 'AbortError');
}

/** A fetch on its own keep-alive agent; `close()` ends its idle sockets. */
export function keepAliveFetch(): { fetch: FetchLike; close(): void } {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const fetchOnNodeHttp = (input: string | URL, init: RequestInit = {}): Promise<NodeHttpResponse> =>
    new Promise((resolve, reject) => {
      const url = typeof input === 'string' ? new URL(input) : input;
      if (url.protocol !== 'http:') return reject(new TypeError(`keepAliveFetch speaks plain http only, not ${url.protocol}`));
      const headers: Record<string, string> = {};
      new Headers(init.headers).forEach((value, name) => (headers[name] = value));
      const body = init.body;
      if (body !== undefined && body !== null && typeof body !== 'string') return reject(new TypeError('keepAliveFetch sends string bodies only (the SDK sends JSON text)'));
      if (body) headers['content-length'] = String(Buffer.byteLength(body));
      const signal = init.signal ?? undefined;
      if (signal?.aborted) return reject(abortError(signal));
      const req = http.request(url, { method: init.method ?? 'GET', headers, agent });
      const onAbort = () => req.destroy(abortError(signal!));
      // the SDK hands every request the same signal: each takes its listener off again when done
      const done = () => signal?.removeEventListener('abort', onAbort);
      signal?.addEventListener('abort', onAbort);
      req.once('error', (error) => {
        done();
        reject(error);
      });
      req.once('response', (res) => {
        const href = url.href;
        if ((res.headers['content-type'] ?? '').toLowerCase().startsWith('text/event-stream')) {
          res.once('close', done);
          return resolve(new NodeHttpResponse(href, res, undefined, Readable.toWeb(res) as ReadableStream<Uint8Array>));
        }
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.once('error', (error) => {
          done();
          reject(error);
        });
        res.once('end', () => {
          done();
          const text = chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks).toString('utf8');
          resolve(new NodeHttpResponse(href, res, text, null));
        });
      });
      req.end(body ?? undefined);
    });
  return { fetch: fetchOnNodeHttp as unknown as FetchLike, close: () => agent.destroy() };
}
