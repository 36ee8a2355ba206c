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

function httpRequest(method: string, path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined> }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, method, path, headers }, (res) => {
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
});
