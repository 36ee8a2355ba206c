import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fuzzMs } from './fuzzBudget.js';
import { startBrowserMode, tempStack, type BrowserModeProcess } from './browserModeProcess.js';
import { get, rawRequest } from './rawHttp.js';

const budgetMs = fuzzMs(0.35);

/**
 * Generated HTTP requests over raw TCP against a real browser-mode process:
 * methods, raw request targets, headers, cookies and bodies no client library
 * would send. Every one must get a status line; the process must live and
 * still serve the real page at the end.
 */
describe('fuzzing browser mode over HTTP', { timeout: budgetMs + 90_000 }, () => {
  let server: BrowserModeProcess;
  let stack: ReturnType<typeof tempStack>;
  let cookie: string;

  beforeAll(async () => {
    // The Docker engine is named but absent, so no generated request can touch a real container.
    stack = tempStack('name: fuzz\ndocker: { host: "unix:///nonexistent/switchboard-fuzz.sock" }\n');
    server = await startBrowserMode(['--config', stack.file]);
    cookie = (await rawRequest(server.port, get(server.port, `/?token=${server.token}`))).headers['set-cookie']!.split(';')[0]!;
  });

  afterAll(async () => {
    await server?.stop();
    stack?.remove();
  });

  it(`answers every generated request with a status and keeps serving (${Math.round(budgetMs / 1000)} s)`, async () => {
    const port = server.port;
    const cookieName = cookie.slice(0, cookie.indexOf('='));
    const text = (maxLength: number) => fc.string({ unit: 'binary', maxLength });
    // Mostly requests a parser accepts (so they reach Switchboard's own code), some that it must reject.
    const printable = (maxLength: number) => fc.string({ unit: 'grapheme-ascii', maxLength });
    const method = fc.oneof(
      { arbitrary: fc.constantFrom('GET', 'GET', 'GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH', 'TRACE', 'CONNECT'), weight: 8 },
      { arbitrary: fc.stringMatching(/^[A-Z]{1,10}$/), weight: 1 },
      { arbitrary: fc.string({ unit: 'binary-ascii', maxLength: 8 }), weight: 1 },
    );
    const target = fc.oneof(
      fc.constantFrom('/', '//[', '/%', '/%E0%A4%A', '/%00', '/ws', '/ws?token=x', '/index.html', '/assets/', '/../../etc/passwd', '/..%2f..%2fetc/passwd', '*', 'http://evil.example/', '/?token='),
      fc.webPath().map((p) => p || '/'),
      fc.webUrl({ withQueryParameters: true, withFragments: true }),
      fc.tuple(fc.constantFrom('/', '/ws', '/assets/'), printable(300)).map(([a, b]) => a + b.replace(/[\s]/g, '')),
      fc.tuple(fc.constantFrom('/', '/ws', '/assets/'), text(100)).map(([a, b]) => a + b),
      fc.tuple(fc.constantFrom('/', '/ws'), fc.constantFrom(`?token=${server.token}`, '?token=', '?token=%', `?token=${server.token}&token=x`)).map(([a, b]) => a + b),
      fc.nat({ max: 20_000 }).map((n) => `/${'a'.repeat(n)}`),
    );
    const rarely = <T,>(usual: fc.Arbitrary<T>, odd: fc.Arbitrary<T>) => fc.oneof({ arbitrary: usual, weight: 12 }, { arbitrary: odd, weight: 1 });
    const headerValue = fc.oneof(rarely(printable(200), text(100)), fc.constantFrom('', 'websocket', 'Upgrade', 'close', 'keep-alive', '13', 'dGhlIHNhbXBsZSBub25jZQ==', 'chunked', '0', '-1', '99999999999'));
    const header = fc.oneof(
      { arbitrary: fc.tuple(fc.constantFrom('Host', 'Cookie', 'Origin', 'Upgrade', 'Connection', 'Sec-WebSocket-Key', 'Sec-WebSocket-Version', 'Content-Length', 'Transfer-Encoding', 'Expect', 'Accept-Encoding', 'Range'), headerValue), weight: 6 },
      { arbitrary: fc.tuple(fc.stringMatching(/^[A-Za-z-]{1,20}$/), headerValue), weight: 12 },
      { arbitrary: fc.tuple(text(20), text(50)), weight: 1 },
    );
    const websocket = ['Upgrade: websocket', 'Connection: Upgrade', 'Sec-WebSocket-Version: 13', 'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ=='];
    const cookieHeader = fc.oneof(
      fc.constant(`Cookie: ${cookie}`),
      rarely(printable(100), text(100)).map((v) => `Cookie: ${cookieName}=${v}`),
      fc.constantFrom(`Cookie: ${cookieName}=%E0%A4%A`, `Cookie: ${cookie}; ${cookieName}=%`, `Cookie: ${cookieName}=${server.token}`, `Cookie: ${cookieName}`, `Cookie: =; ;;=${cookie}`, 'Cookie: switchboard_1=%'),
    );
    const host = fc.oneof(
      fc.constant(`Host: 127.0.0.1:${port}`),
      fc.constantFrom(`Host: localhost:${port}`, `Host: [::1]:${port}`, `Host: evil.example:${port}`, 'Host: ', `Host: 127.0.0.1:${port}, evil`),
      rarely(printable(60), text(60)).map((h) => `Host: ${h}`),
    );
    const body = fc.uint8Array({ maxLength: 4096 }).map((bytes) => Buffer.from(bytes));
    const request = fc.record({
      method,
      target,
      version: fc.oneof({ arbitrary: fc.constant('HTTP/1.1'), weight: 8 }, { arbitrary: fc.constantFrom('HTTP/1.0', 'HTTP/2.0', 'HTTP/1.1 extra', ''), weight: 1 }),
      host: fc.option(host, { nil: undefined, freq: 8 }),
      cookie: fc.option(cookieHeader, { nil: undefined }),
      upgrade: fc.boolean(),
      headers: fc.array(header, { maxLength: 6 }),
      body: fc.option(body, { nil: undefined }),
      framing: fc.constantFrom('length', 'chunked', 'none', 'lie'),
    });

    let requests = 0;
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const lines = [`${r.method} ${r.target} ${r.version}`.trimEnd()];
        if (r.host) lines.push(r.host);
        if (r.cookie) lines.push(r.cookie);
        if (r.upgrade) lines.push(...websocket);
        for (const [name, value] of r.headers) lines.push(`${name}: ${value}`);
        let payload = Buffer.alloc(0);
        if (r.body && r.framing === 'length') {
          lines.push(`Content-Length: ${r.body.length}`);
          payload = r.body;
        }
        if (r.body && r.framing === 'lie') {
          lines.push(`Content-Length: ${r.body.length + 7}`);
          payload = r.body;
        }
        if (r.body && r.framing === 'chunked') {
          lines.push('Transfer-Encoding: chunked');
          payload = Buffer.concat([Buffer.from(`${r.body.length.toString(16)}\r\n`), r.body, Buffer.from('\r\n0\r\n\r\n')]);
        }
        lines.push('Connection: close');
        const bytes = Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1'), payload]);
        const answer = await rawRequest(port, bytes, 1500);
        requests++;
        statuses.set(answer.status ?? 0, (statuses.get(answer.status ?? 0) ?? 0) + 1);
        expect(server.alive(), `browser mode died:\n${server.stderr().slice(-3000)}`).toBe(true);
        // A body that promises more bytes than it sends may fairly be waited for; everything else gets a status line.
        if (r.framing !== 'lie') expect(answer.status ?? 0, `no status for ${JSON.stringify(bytes.toString('latin1').slice(0, 300))}`).toBeGreaterThanOrEqual(100);
      }),
      { numRuns: Number.MAX_SAFE_INTEGER, interruptAfterTimeLimit: budgetMs, markInterruptAsFailure: false },
    );

    const page = await rawRequest(port, get(port, '/', [`Cookie: ${cookie}`]));
    expect(page.status).toBe(200);
    expect(page.text).toMatch(/<html/i);
    expect(server.stderr()).not.toMatch(/uncaught exception|unhandled promise rejection/);
    const byStatus = [...statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${s || 'none'}×${n}`).join(' ');
    console.log(`fuzz: ${requests} HTTP requests, 0 crashes; statuses ${byStatus}`);
    expect(requests).toBeGreaterThan(50);
  });
});
