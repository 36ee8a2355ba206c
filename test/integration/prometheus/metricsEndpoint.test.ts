import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSwitchboard, type Switchboard } from '../../../electron/app/createSwitchboard.js';
import { startBrowserServer, type BrowserServer } from '../../../electron/transport/browserServer.js';
import { startRouteListener } from '../../../electron/transport/routeListener.js';
import { HttpRoutes } from '../../../electron/core/httpRoutes.js';
import { registerPrometheus } from '../../../electron/prometheus/index.js';
import { fakeAppContext } from '../../support/appContext.js';
import { waitFor } from '../../support/waitFor.js';
import { parseExposition } from '../../support/prometheus/expositionText.js';
import type { MetricsEndpoint } from '../../../shared/contract/prometheus.js';

interface Answer { status: number; headers: Record<string, string | string[] | undefined>; body: string }

/** node:http, not fetch: a test must be able to send a wrong Host header. */
function get(port: number, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

const token = 'scrape-token-0123456789abcdef';

describe('/metrics on browser mode\'s server', () => {
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-metrics-'));
  let app: Switchboard;
  let server: BrowserServer;

  beforeAll(async () => {
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Switchboard</title>');
    const file = join(dir, 'stack.yaml');
    writeFileSync(file, `name: metrics\nmetrics:\n  token: ${token}\n`);
    app = await createSwitchboard({ argv: ['--config', file], env: {}, cwd: dir, mode: 'browser' });
    server = await startBrowserServer({ staticDir: dir, commands: app.commands, topics: app.topics, routes: app.routes, port: 0 });
  });
  afterAll(async () => {
    await server?.close();
    await app?.shutdown();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers the exposition to the stack file\'s bearer token, with the stack\'s signals in it', async () => {
    app.signals.record({ source: 'probe:api', name: 'probe.latency_ms', value: 12 });
    app.signals.record({ source: 'probe:api', name: 'probe.up', value: 1 });
    const answer = await get(server.port, '/metrics', { Authorization: `Bearer ${token}` });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
    const { samples } = parseExposition(answer.body);
    expect(samples.get('switchboard_probe_latency_seconds_bucket{probe="api",le="0.025"}')).toBe(1);
    expect(samples.get('switchboard_probe_up{probe="api"}')).toBe(1);
    const head = await get(server.port, '/metrics', { Authorization: `Bearer ${token}` }, 'HEAD');
    expect([head.status, head.body]).toEqual([200, '']);
  });

  it('refuses a missing or wrong token, the page\'s own token, a wrong Host, a foreign Origin and a write', async () => {
    const missing = await get(server.port, '/metrics');
    expect(missing.status).toBe(401);
    expect(missing.headers['www-authenticate']).toMatch(/^Bearer/);
    expect((await get(server.port, '/metrics', { Authorization: `Bearer ${token}x` })).status).toBe(401);
    expect((await get(server.port, '/metrics', { Authorization: `Bearer ${server.token}` })).status).toBe(401);
    expect((await get(server.port, `/metrics?token=${server.token}`)).status).toBe(401);
    expect((await get(server.port, '/metrics', { Authorization: `Bearer ${token}`, Host: 'evil.example:80' })).status).toBe(421);
    expect((await get(server.port, '/metrics', { Authorization: `Bearer ${token}`, Origin: 'http://evil.example' })).status).toBe(403);
    expect((await get(server.port, '/metrics', { Authorization: `Bearer ${token}` }, 'POST')).status).toBe(405);
  });

  it('leaves the rest of the server as it was: pages still need the page token', async () => {
    expect((await get(server.port, '/', { Authorization: `Bearer ${token}` })).status).toBe(401);
  });

  it('says where to scrape and with which token', async () => {
    expect(await app.commands.call('prometheus.endpoint', {})).toEqual({ ok: true, value: { path: '/metrics', token, tokenFrom: 'stack file' } });
  });
});

describe('/metrics on the desktop app\'s own loopback port', () => {
  it('listens on metrics.port with a generated token, moves when the port changes, and closes with the capability', async () => {
    const ctx = { ...fakeAppContext({ metrics: { port: 0 } }), mode: 'electron' as const };
    const endpoint = registerPrometheus(ctx, {
      signals: ctx.signalBus,
      events: ctx.eventBus,
      routes: new HttpRoutes(),
      listenOnLoopback: (port, routes) => startRouteListener({ port, routes }),
    });
    const first = await waitFor('the listener', () => endpoint.info().url);
    const info = endpoint.info();
    expect(info.tokenFrom).toBe('generated for this run');
    expect(info.token.length).toBeGreaterThanOrEqual(32);
    ctx.signalBus.record({ source: 'engine:local', name: 'engine.up', value: 1 });
    const port = Number(new URL(first).port);
    const scraped = await get(port, '/metrics', { Authorization: `Bearer ${info.token}` });
    expect(parseExposition(scraped.body).samples.get('switchboard_engine_up{engine="local"}')).toBe(1);
    expect((await get(port, '/metrics')).status).toBe(401);
    expect((await get(port, '/')).status).toBe(404);
    // The token never reaches a log line.
    expect(ctx.lines.map((l) => l.text).join('\n')).not.toContain(info.token);

    // Move to another port: the old one closes, the new one serves.
    const other = await startRouteListener({ port: 0, routes: new HttpRoutes() });
    const freePort = other.port;
    await other.close();
    ctx.setConfig({ metrics: { port: freePort, token } });
    const moved = await waitFor('the listener on the new port', () => endpoint.info().url?.endsWith(`:${freePort}/metrics`) && endpoint.info().url);
    expect((await get(freePort, '/metrics', { Authorization: `Bearer ${token}` })).status).toBe(200);
    await expect(get(port, '/metrics')).rejects.toThrow(/ECONNREFUSED/);
    expect(moved).toBe(`http://127.0.0.1:${freePort}/metrics`);

    await ctx.disposables.disposeAsync();
    await expect(get(freePort, '/metrics')).rejects.toThrow(/ECONNREFUSED/);
  });

  it('is wired by the composition root: the desktop app started on a stack file serves /metrics on metrics.port', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'switchboard-metrics-desktop-'));
    const file = join(dir, 'stack.yaml');
    writeFileSync(file, `name: desktop\nmetrics:\n  port: 0\n  token: ${token}\n`);
    const desktop = await createSwitchboard({ argv: ['--config', file], env: {}, cwd: dir, mode: 'electron' });
    try {
      const answer = await waitFor('the desktop listener', async () => {
        const result = await desktop.commands.call('prometheus.endpoint', {});
        const endpoint = result.ok ? (result.value as MetricsEndpoint) : undefined;
        return endpoint?.url ? { url: endpoint.url } : undefined;
      });
      desktop.signals.record({ source: 'mcp:postgres', name: 'mcp.up', value: 1 });
      const scraped = await get(Number(new URL(answer.url).port), '/metrics', { Authorization: `Bearer ${token}` });
      expect(scraped.status).toBe(200);
      expect(parseExposition(scraped.body).samples.get('switchboard_mcp_server_up{server="postgres"}')).toBe(1);
    } finally {
      await desktop.shutdown();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says so, and keeps running, when its port is taken', async () => {
    const taken = await startRouteListener({ port: 0, routes: new HttpRoutes() });
    try {
      const ctx = { ...fakeAppContext({ metrics: { port: taken.port } }), mode: 'electron' as const };
      const endpoint = registerPrometheus(ctx, {
        signals: ctx.signalBus,
        events: ctx.eventBus,
        routes: new HttpRoutes(),
        listenOnLoopback: (port, routes) => startRouteListener({ port, routes }),
      });
      const problem = await waitFor('the problem', () => endpoint.info().problem);
      expect(problem).toBe(`port ${taken.port} is in use: set metrics.port in the stack file (0 for any free port)`);
      expect(ctx.lines.some((l) => l.level === 'error' && l.text.includes(problem))).toBe(true);
      await ctx.disposables.disposeAsync();
    } finally {
      await taken.close();
    }
  });
});
