import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StreamedResponse, type ResponseHead } from '../../../electron/docker/streamedResponse.js';
import { openStatsStream } from '../../../electron/docker/statsStream.js';
import { StatsRounds } from '../../../electron/docker/statsRounds.js';
import { waitFor } from '../../support/waitFor.js';

function read(pieces: Buffer[]): { head?: ResponseHead; body: string; ended: boolean; malformed?: string } {
  const out: { head?: ResponseHead; body: string; ended: boolean; malformed?: string } = { body: '', ended: false };
  const body: Buffer[] = [];
  const r = new StreamedResponse({
    head: (h) => (out.head = h),
    // Copied: a character may be cut across two pieces, and the pieces are views of the reads.
    body: (b) => body.push(Buffer.from(b)),
    end: () => (out.ended = true),
    malformed: (why) => (out.malformed = why),
  });
  for (const p of pieces) r.push(p);
  out.body = Buffer.concat(body).toString('utf8');
  return out;
}

const chunkedResponse = Buffer.from(
  'HTTP/1.1 200 OK\r\nApi-Version: 1.41\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n' +
    'e\r\n{"a":"héé"}\n\r\n' + // 14 bytes: é is two in UTF-8
    '3;ext=1\r\n{}\n\r\n' +
    '0\r\n\r\n',
);

describe('streamed HTTP response reader', () => {
  it('decodes a chunked body whole, and at every cut of the bytes into two reads', () => {
    expect(read([chunkedResponse])).toEqual({ head: { status: 200, chunked: true }, body: '{"a":"héé"}\n{}\n', ended: true });
    for (let cut = 1; cut < chunkedResponse.length; cut++) {
      const r = read([chunkedResponse.subarray(0, cut), chunkedResponse.subarray(cut)]);
      expect(r.body, `cut at ${cut}`).toBe('{"a":"héé"}\n{}\n');
      expect(r.ended).toBe(true);
    }
  });

  it('passes a body without chunked encoding through, and reports the status of a refusal', () => {
    expect(read([Buffer.from('HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nab'), Buffer.from('c')])).toEqual({ head: { status: 200, chunked: false }, body: 'abc', ended: false });
    expect(read([Buffer.from('HTTP/1.1 404 Not Found\r\nContent-Length: 2\r\n\r\n{}')]).head).toEqual({ status: 404, chunked: false });
  });

  it('gives up on what is not HTTP or not chunked as it says', () => {
    expect(read([Buffer.from('SSH-2.0-OpenSSH\r\n\r\n')]).malformed).toBe('not an HTTP response');
    expect(read([Buffer.from('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n')]).malformed).toMatch(/bad chunk size/);
  });
});

/** A stand-in engine: streams `lines` for /containers/live/stats, 404 for anything else, and records what was asked. */
function statsHandler(asked: string[], lines: string[]) {
  return (req: IncomingMessage, res: ServerResponse) => {
    asked.push(`${req.method} ${req.url}`);
    if (req.url !== '/containers/live/stats?stream=1') {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"No such container"}');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    for (const line of lines) res.write(`${line}\n`);
    // The engine ends the stream when the container stops.
    setTimeout(() => res.end(), 50);
  };
}

function listenOnLoopback(server: Server): Promise<void> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
}

function collect(options: Docker.DockerOptions, id: string, rounds?: StatsRounds) {
  const got = { lines: [] as string[], ended: 0 };
  const stream = openStatsStream({ options, docker: undefined as unknown as Docker, ...(rounds ? { rounds } : {}) }, id, {
    line: (line) => got.lines.push(line),
    ended: () => got.ended++,
  });
  return { got, stream };
}

describe('stats stream over the engine socket', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sb-stats-stream-'));
  const asked: string[] = [];
  const lines = ['{"read":"2026-01-01T00:00:01Z","n":1}', '{"read":"2026-01-01T00:00:02Z","n":2}'];
  const servers: Server[] = [];
  let tcpPort = 0;
  let tlsPort = 0;

  beforeAll(async () => {
    const unix = createHttpServer(statsHandler(asked, lines));
    await new Promise<void>((resolve) => unix.listen(join(dir, 'docker.sock'), () => resolve()));
    const tcp = createHttpServer(statsHandler(asked, lines));
    await listenOnLoopback(tcp);
    tcpPort = (tcp.address() as AddressInfo).port;
    const key = join(dir, 'key.pem');
    const cert = join(dir, 'cert.pem');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=engine.test', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
    const tls = createHttpsServer({ key: readFileSync(key), cert: readFileSync(cert) }, statsHandler(asked, lines));
    await listenOnLoopback(tls);
    tlsPort = (tls.address() as AddressInfo).port;
    servers.push(unix, tcp, tls);
  });

  afterAll(async () => {
    for (const s of servers) {
      s.closeAllConnections();
      await new Promise((r) => s.close(r));
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads each sample line from a unix socket, then says when the engine ends the stream', async () => {
    const { got } = collect({ socketPath: join(dir, 'docker.sock') }, 'live');
    await waitFor('the stream to end', () => got.ended === 1);
    expect(got.lines).toEqual(lines);
    expect(asked).toContain('GET /containers/live/stats?stream=1');
  });

  it('reads over tcp, and over TLS checked against the given CA', async () => {
    const tcp = collect({ host: '127.0.0.1', port: tcpPort, protocol: 'http' }, 'live');
    const pem = readFileSync(join(dir, 'cert.pem'));
    const tls = collect({ host: '127.0.0.1', port: tlsPort, protocol: 'https', ca: pem, cert: pem, key: readFileSync(join(dir, 'key.pem')) }, 'live');
    await waitFor('both streams to end', () => tcp.got.ended === 1 && tls.got.ended === 1);
    expect(tcp.got.lines).toEqual(lines);
    expect(tls.got.lines).toEqual(lines);
  });

  it('refuses a TLS engine whose certificate the CA does not vouch for', async () => {
    const { got } = collect({ host: '127.0.0.1', port: tlsPort, protocol: 'https' }, 'live');
    await waitFor('the stream to be refused', () => got.ended === 1);
    expect(got.lines).toEqual([]);
  });

  it('ends without a line for a container the engine does not know, or an engine that is not there', async () => {
    const gone = collect({ socketPath: join(dir, 'docker.sock') }, 'gone');
    const nowhere = collect({ socketPath: join(dir, 'nothing.sock') }, 'live');
    await waitFor('both to end', () => gone.got.ended === 1 && nowhere.got.ended === 1);
    expect(gone.got.lines).toEqual([]);
    expect(nowhere.got.lines).toEqual([]);
  });

  it('streams that read in rounds still get every line', async () => {
    const rounds = new StatsRounds(100, 500);
    const streams = [1, 2, 3].map(() => collect({ socketPath: join(dir, 'docker.sock') }, 'live', rounds));
    await waitFor('the streams to end', () => streams.every((s) => s.got.ended === 1));
    for (const s of streams) expect(s.got.lines).toEqual(lines);
    rounds.dispose();
  });

  it('says nothing more once closed', async () => {
    const { got, stream } = collect({ socketPath: join(dir, 'docker.sock') }, 'live');
    stream.close();
    await new Promise((r) => setTimeout(r, 150));
    expect(got).toEqual({ lines: [], ended: 0 });
  });
});
