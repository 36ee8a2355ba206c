import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { probeSchema, type HttpProbeConfig } from '../../../electron/base/stackFile/probes.js';
import { ProbeConnections } from '../../../electron/probes/http/probeConnections.js';
import { runHttpProbe } from '../../../electron/probes/httpProbe.js';

/**
 * The probes' own HTTP client against real servers: node:http's, and raw
 * sockets for what a well-behaved server never does on purpose.
 */
const servers: { close(): void; closeAllConnections?(): void }[] = [];
let connections: ProbeConnections;

afterEach(() => {
  connections?.dispose();
  for (const s of servers.splice(0)) {
    s.closeAllConnections?.();
    s.close();
  }
});

const probe = (config: Record<string, unknown>) => probeSchema.parse({ every: '1s', timeout: '2s', ...config }) as HttpProbeConfig;

async function listen<T extends net.Server>(server: T): Promise<{ server: T; port: number }> {
  servers.push(server as never);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, port: (server.address() as net.AddressInfo).port };
}

describe('HTTP probes on their own connections', () => {
  it('keeps one connection alive across runs, as a load balancer’s checker does', async () => {
    connections = new ProbeConnections();
    const { server, port } = await listen(http.createServer((_req, res) => res.end('{"status":"ok"}')));
    let opened = 0;
    server.on('connection', () => opened++);
    const config = probe({ url: `http://127.0.0.1:${port}/health`, expect: { json: { path: 'status', equals: 'ok' } } });
    for (let i = 0; i < 5; i++) expect(await runHttpProbe(config, connections)).toMatchObject({ outcome: 'ok' });
    expect(opened).toBe(1);
  });

  it('opens a fresh connection once the server’s keep-alive timeout has passed, so no run meets a closing socket', async () => {
    connections = new ProbeConnections();
    const { server, port } = await listen(http.createServer((_req, res) => res.end('ok')));
    server.keepAliveTimeout = 1_500; // says "Keep-Alive: timeout=1"; kept for 1 s less than that, so never reused
    let opened = 0;
    server.on('connection', () => opened++);
    const config = probe({ url: `http://127.0.0.1:${port}/` });
    for (let i = 0; i < 3; i++) expect(await runHttpProbe(config, connections)).toMatchObject({ outcome: 'ok' });
    expect(opened).toBe(3);
  });

  it('reads chunked answers written in pieces, and a 100 Continue before the answer', async () => {
    connections = new ProbeConnections();
    const { port } = await listen(
      http.createServer((_req, res) => {
        res.writeContinue();
        res.write('{"status":');
        setTimeout(() => res.end('"ok","checks":{"db":"up"}}'), 20);
      }),
    );
    expect(await runHttpProbe(probe({ url: `http://127.0.0.1:${port}/`, expect: { json: { path: 'checks.db', equals: 'up' } } }), connections)).toMatchObject({ outcome: 'ok' });
    expect(await runHttpProbe(probe({ url: `http://127.0.0.1:${port}/`, expect: { contains: 'down' } }), connections)).toMatchObject({
      outcome: 'fail',
      error: 'body does not contain "down"',
    });
  });

  it('sends what node:http would: Host, the config’s headers, the body with its length, credentials from the URL', async () => {
    connections = new ProbeConnections();
    const seen: { method?: string; url?: string; headers: http.IncomingHttpHeaders; body: string }[] = [];
    const { port } = await listen(
      http.createServer((req, res) => {
        let body = '';
        req.on('data', (c: Buffer) => (body += c.toString()));
        req.on('end', () => {
          seen.push({ method: req.method, url: req.url, headers: req.headers, body });
          res.statusCode = req.method === 'HEAD' ? 200 : 201;
          res.end(req.method === 'HEAD' ? undefined : 'created');
        });
      }),
    );
    const post = probe({ url: `http://ops:s%3Acret@127.0.0.1:${port}/api/check?deep=1`, method: 'POST', headers: { 'X-Probe': 'switchboard' }, body: '{"q":"SELECT 1"}', expect: { status: 201 } });
    expect(await runHttpProbe(post, connections)).toMatchObject({ outcome: 'ok' });
    expect(await runHttpProbe(probe({ url: `http://127.0.0.1:${port}/`, method: 'HEAD' }), connections)).toMatchObject({ outcome: 'ok' });
    expect(seen[0]).toMatchObject({
      method: 'POST',
      url: '/api/check?deep=1',
      body: '{"q":"SELECT 1"}',
      headers: { host: `127.0.0.1:${port}`, 'x-probe': 'switchboard', 'content-length': '16', authorization: `Basic ${Buffer.from('ops:s:cret').toString('base64')}` },
    });
    expect(seen[1]).toMatchObject({ method: 'HEAD', url: '/' });
  });

  it('sends a GET again on a fresh connection when the kept-alive one was closed under it, but never a POST', async () => {
    connections = new ProbeConnections();
    // Answers the first request on each connection, then closes the connection as the next request arrives, unanswered.
    let opened = 0;
    const { port } = await listen(
      net.createServer((socket) => {
        opened++;
        let answered = false;
        socket.on('data', () => {
          if (answered) return void socket.destroy();
          answered = true;
          socket.write('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok');
        });
      }),
    );
    const get = probe({ url: `http://127.0.0.1:${port}/` });
    expect(await runHttpProbe(get, connections)).toMatchObject({ outcome: 'ok' });
    expect(await runHttpProbe(get, connections)).toMatchObject({ outcome: 'ok' });
    expect(opened).toBe(2);
    // The second GET's connection is now kept alive, and the server closes it on the next request.
    const post = probe({ url: `http://127.0.0.1:${port}/`, method: 'POST' });
    expect(await runHttpProbe(post, connections)).toMatchObject({ outcome: 'error', error: `POST http://127.0.0.1:${port}/: ECONNRESET` });
    expect(opened).toBe(2);
  });

  it('names what is wrong: not HTTP, cut short, refused, timed out', async () => {
    connections = new ProbeConnections();
    const { port: sshPort } = await listen(net.createServer((s) => s.end('SSH-2.0-OpenSSH_9.2\r\n\r\n')));
    const { port: cutPort } = await listen(net.createServer((s) => s.once('data', () => s.end('HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nhalf'))));
    const { port: silentPort } = await listen(net.createServer(() => {}));
    const run = (url: string, extra: Record<string, unknown> = {}) => runHttpProbe(probe({ url, ...extra }), connections);
    expect(await run(`http://127.0.0.1:${sshPort}/`)).toMatchObject({ outcome: 'error', error: `GET http://127.0.0.1:${sshPort}/: not an HTTP response (it starts "SSH-2.0-OpenSSH_9.2")` });
    expect(await run(`http://127.0.0.1:${cutPort}/`)).toMatchObject({ outcome: 'error', error: `GET http://127.0.0.1:${cutPort}/: response broke off before its end` });
    expect(await run('http://127.0.0.1:1/')).toMatchObject({ outcome: 'error', error: 'GET http://127.0.0.1:1/: ECONNREFUSED' });
    const timedOut = await run(`http://127.0.0.1:${silentPort}/`, { timeout: '200ms' });
    expect(timedOut).toMatchObject({ outcome: 'timeout', error: 'no response within 200 ms', latencyMs: 200 });
  });
});

describe('HTTPS probes', () => {
  let dir: string;
  let key: Buffer;
  let cert: Buffer;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'sbtest-tls-'));
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-days', '1', '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost'], { stdio: 'ignore' });
    key = readFileSync(join(dir, 'key.pem'));
    cert = readFileSync(join(dir, 'cert.pem'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('checks the certificate as node:https does, and says why it is refused', async () => {
    connections = new ProbeConnections();
    const { port } = await listen(https.createServer({ key, cert }, (_req, res) => res.end('ok')));
    expect(await runHttpProbe(probe({ url: `https://localhost:${port}/` }), connections)).toMatchObject({
      outcome: 'error',
      error: `GET https://localhost:${port}/: DEPTH_ZERO_SELF_SIGNED_CERT`,
    });
  });
});
