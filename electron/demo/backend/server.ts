/**
 * The demo backend: a stand-in for the operator's API container, run as a
 * child process so a slow handler can never stall Switchboard's main process.
 * GET /health        200 {"status":"ok"} after 5–30 ms, with an occasional 80–150 ms spike
 * GET /metrics       Prometheus text: cache_hits_total / cache_misses_total and friends
 * GET /api/items/:id a lookup that hits or misses its cache (~85 % hits, drifting)
 * GET /ping          200 at once, for load tests that measure the harness rather than the jitter
 * It prints `listening <port>` on stdout once it accepts connections.
 */
import http from 'node:http';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

const port = Number(process.env.DEMO_BACKEND_PORT ?? 0);
const host = process.env.DEMO_BACKEND_HOST ?? '127.0.0.1';

const registry = new Registry();
collectDefaultMetrics({ register: registry });
const hits = new Counter({ name: 'cache_hits_total', help: 'Item lookups served from cache', labelNames: ['cache'], registers: [registry] });
const misses = new Counter({ name: 'cache_misses_total', help: 'Item lookups that missed the cache', labelNames: ['cache'], registers: [registry] });
const latency = new Histogram({
  name: 'http_request_duration_seconds',
  help: 'Request latency',
  labelNames: ['route'],
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
  registers: [registry],
});

/** The hit ratio drifts slowly around 85 % so the chart has something to show. */
function currentHitRatio(now: number): number {
  return 0.85 + 0.06 * Math.sin(now / 90_000);
}

function healthDelayMs(): number {
  return Math.random() < 0.03 ? 80 + Math.random() * 70 : 5 + Math.random() * 25;
}

function lookup(cache: string): boolean {
  const hit = Math.random() < currentHitRatio(Date.now());
  (hit ? hits : misses).inc({ cache });
  return hit;
}

const server = http.createServer((req, res) => {
  const started = process.hrtime.bigint();
  const url = new URL(req.url ?? '/', 'http://localhost');
  const done = (route: string, status: number, body: string, type = 'application/json') => {
    res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body) });
    res.end(body);
    latency.observe({ route }, Number(process.hrtime.bigint() - started) / 1e9);
  };
  if (url.pathname === '/health') {
    setTimeout(() => done('/health', 200, '{"status":"ok"}'), healthDelayMs());
    return;
  }
  if (url.pathname === '/ping') return done('/ping', 200, '{"pong":true}');
  if (url.pathname === '/metrics') {
    void registry.metrics().then((text) => done('/metrics', 200, text, registry.contentType));
    return;
  }
  const item = /^\/api\/items\/([\w-]+)$/.exec(url.pathname);
  if (item) {
    const hit = lookup('items');
    setTimeout(() => done('/api/items', 200, JSON.stringify({ id: item[1], cached: hit })), hit ? 1 : 8);
    return;
  }
  done('unknown', 404, JSON.stringify({ error: `no route ${url.pathname}` }));
});

// Background traffic so the cache counters move even when nobody calls /api/items.
const traffic = setInterval(() => {
  for (let i = 0; i < 20; i++) lookup('items');
  for (let i = 0; i < 5; i++) lookup('sessions');
}, 250);

server.listen(port, host, () => {
  const address = server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  process.stdout.write(`listening ${actual}\n`);
});

function shutdown(): void {
  clearInterval(traffic);
  server.close(() => process.exit(0));
  server.closeAllConnections();
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
// When the parent goes away (its end of the IPC channel closes), go too: no orphans.
process.on('disconnect', shutdown);
