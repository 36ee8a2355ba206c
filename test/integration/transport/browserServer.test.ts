import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import WebSocket from 'ws';
import { CommandRegistry } from '../../../electron/core/commandRegistry.js';
import { TopicRegistry } from '../../../electron/core/topicRegistry.js';
import { startBrowserServer, type BrowserServer } from '../../../electron/transport/browserServer.js';
import type { ServerMessage } from '../../../shared/protocol.js';

let server: BrowserServer;
let staticDir: string;

beforeAll(async () => {
  staticDir = mkdtempSync(join(tmpdir(), 'sb-static-'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Switchboard</title>');
  const commands = new CommandRegistry();
  commands.handle('app.info', () => ({ version: 'test', mode: 'browser' as const, platform: process.platform }));
  server = await startBrowserServer({ staticDir, commands, topics: new TopicRegistry(), port: 0 });
});

afterAll(async () => {
  await server.close();
  rmSync(staticDir, { recursive: true, force: true });
});

function wsUrl(query = `?token=${server.token}`) {
  return `ws://127.0.0.1:${server.port}/ws${query}`;
}

/** Resolves with the HTTP status of a refused upgrade, or 101 when it was accepted. */
function upgradeStatus(url: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { headers });
    ws.on('open', () => {
      ws.close();
      resolve(101);
    });
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.on('error', () => resolve(-1));
  });
}

function httpGet(path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined> }> {
  return httpRequest('GET', path, headers);
}

function httpGetOn(port: number, path: string, headers: Record<string, string> = {}) {
  return httpRequest('GET', path, { Host: `127.0.0.1:${port}`, ...headers }, port);
}

function httpRequest(method: string, path: string, headers: Record<string, string> = {}, port = server.port): Promise<{ status: number; headers: Record<string, string | string[] | undefined> }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      res.resume();
      resolve({ status: res.statusCode ?? 0, headers: res.headers });
    });
    req.on('error', reject);
    req.end();
  });
}

describe('browser-mode server', () => {
  it('binds 127.0.0.1 and prints a URL with the token', () => {
    expect(server.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/\\?token=[\\w-]{20,}$`));
  });

  it('refuses a WebSocket without the token, with a wrong token, a foreign Origin or a foreign Host', async () => {
    expect(await upgradeStatus(wsUrl(''))).toBe(403);
    expect(await upgradeStatus(wsUrl('?token=wrong'))).toBe(403);
    expect(await upgradeStatus(wsUrl(), { Origin: 'http://evil.example' })).toBe(403);
    expect(await upgradeStatus(wsUrl(), { Origin: `http://127.0.0.1:${server.port + 1}` })).toBe(403);
    expect(await upgradeStatus(wsUrl(), { Host: `rebind.example:${server.port}` })).toBe(403);
    expect(await upgradeStatus(wsUrl(), { Origin: `http://127.0.0.1:${server.port}` })).toBe(101);
    expect(await upgradeStatus(wsUrl(), { Origin: `http://localhost:${server.port}`, Host: `localhost:${server.port}` })).toBe(101);
  });

  it('trades the URL token for an HttpOnly cookie and serves the page only with it', async () => {
    expect((await httpGet('/')).status).toBe(401);
    const first = await httpGet(`/?token=${server.token}`);
    expect(first.status).toBe(303);
    expect(first.headers.location).toBe('/');
    const cookie = String(first.headers['set-cookie']).split(';')[0]!;
    expect(String(first.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Strict/);
    const page = await httpGet('/', { Cookie: cookie });
    expect(page.status).toBe(200);
    expect(String(page.headers['content-security-policy'])).toMatch(/script-src 'self'/);
    expect((await httpGet('/', { Cookie: cookie, Host: `evil.example:${server.port}` })).status).toBe(421);
    expect((await httpGet('/../../etc/passwd', { Cookie: cookie })).status).toBe(404);
    expect(await upgradeStatus(wsUrl(''), { Cookie: cookie })).toBe(101);
  });

  it('gives a cookie whose name and value belong to this port and token only, so no other server can use or plant it', async () => {
    const first = await httpGet(`/?token=${server.token}`);
    const cookie = String(first.headers['set-cookie']).split(';')[0]!;
    const [name, value] = cookie.split('=') as [string, string];
    expect(name).not.toContain(String(server.port));
    expect(cookie).not.toContain(server.token);
    // Another Switchboard (same token even) on another port: cookies ignore ports, so the browser sends ours there too.
    const other = await startBrowserServer({ staticDir, commands: new CommandRegistry(), topics: new TopicRegistry(), port: 0, token: server.token });
    try {
      const theirs = String((await httpGetOn(other.port, `/?token=${server.token}`)).headers['set-cookie']).split(';')[0]!;
      expect(theirs).not.toBe(cookie);
      expect((await httpGetOn(other.port, '/', { Cookie: cookie })).status).toBe(401);
      expect((await httpGet('/', { Cookie: theirs })).status).toBe(401);
      expect(await upgradeStatus(wsUrl(''), { Cookie: theirs })).toBe(403);
    } finally {
      await other.close();
    }
    // The token itself under our cookie name is no cookie of ours, and a planted value is "not signed in".
    expect((await httpGet('/', { Cookie: `${name}=${server.token}` })).status).toBe(401);
    expect((await httpGet('/', { Cookie: `${name}=planted` })).status).toBe(401);
    // A planted duplicate (sent first) does not hide the real one.
    expect((await httpGet('/', { Cookie: `${name}=planted; ${name}=${value}` })).status).toBe(200);
  });

  it('sends the page security headers with every refusal, not only with pages', async () => {
    const first = await httpGet(`/?token=${server.token}`);
    const cookie = String(first.headers['set-cookie']).split(';')[0]!;
    const refusals = [
      await httpGet('/'), // 401
      await httpGet('/', { Cookie: cookie, Host: `evil.example:${server.port}` }), // 421
      await httpGet('/no-such-file.js', { Cookie: cookie }), // 404
      await httpGet('/%', { Cookie: cookie }), // 400
      await httpRequest('POST', '/', { Cookie: cookie }), // 405
    ];
    expect(refusals.map((r) => r.status)).toEqual([401, 421, 404, 400, 405]);
    for (const refusal of refusals) {
      expect(String(refusal.headers['content-security-policy'])).toMatch(/default-src 'self'.*frame-ancestors 'none'/);
      expect(refusal.headers).toMatchObject({
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
        'cross-origin-opener-policy': 'same-origin',
        'cross-origin-resource-policy': 'same-origin',
      });
    }
  });

  it('answers 1,000 malformed messages with structured errors and keeps serving', async () => {
    const ws = new WebSocket(wsUrl());
    const received: ServerMessage[] = [];
    ws.on('message', (data) => received.push(JSON.parse(String(data)) as ServerMessage));
    await new Promise((r) => ws.once('open', r));
    for (let i = 0; i < 1000; i++) ws.send(i % 2 ? `not json ${i}` : JSON.stringify({ t: 'call', id: i, cmd: 'no.such.command' }));
    ws.send(JSON.stringify({ t: 'call', id: 5000, cmd: 'app.info', params: {} }));
    await new Promise<void>((resolve) => {
      const check = () => (received.some((m) => m.t === 'result' && m.id === 5000) ? resolve() : setTimeout(check, 20));
      check();
    });
    const errors = received.filter((m) => m.t === 'error' || (m.t === 'result' && !m.ok));
    expect(errors).toHaveLength(1000);
    expect(received.find((m) => m.t === 'result' && m.id === 5000)).toMatchObject({ ok: true, value: { version: 'test' } });
    ws.close();
  });

  it('refuses a WebSocket session over the limit with 503 and says why, and takes one again when a tab closes', async () => {
    const small = await startBrowserServer({ staticDir, commands: new CommandRegistry(), topics: new TopicRegistry(), port: 0, maxSessions: 2 });
    const url = `ws://127.0.0.1:${small.port}/ws?token=${small.token}`;
    const open = async () => {
      const ws = new WebSocket(url);
      await new Promise((r) => ws.once('open', r));
      return ws;
    };
    try {
      const [first, second] = [await open(), await open()];
      const refused = await new Promise<{ status: number; body: string }>((resolve) => {
        const ws = new WebSocket(url);
        ws.on('unexpected-response', (_req, res) => {
          let body = '';
          res.on('data', (d: Buffer) => (body += d.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        });
      });
      expect(refused.status).toBe(503);
      expect(refused.body).toMatch(/too many open sessions \(max 2\): close another Switchboard tab/);
      second.close();
      await new Promise<void>((resolve) => {
        const check = () => (small.sessionCount() < 2 ? resolve() : setTimeout(check, 20));
        check();
      });
      const third = await open();
      expect(small.sessionCount()).toBe(2);
      first.close();
      third.close();
    } finally {
      await small.close();
    }
  });
});
