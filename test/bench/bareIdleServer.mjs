#!/usr/bin/env node
// The idle benchmark's server reference: the least a process can do to feed the Overview once a
// second, in a process of its own as Switchboard's server is. Each second it GETs the backend's
// /health and /metrics on one keep-alive agent, finds the two cache counters in the Prometheus
// text, and pushes the same three WebSocket messages the server pushes (cache state; probe state
// and the new sample, written together), with the same sizes, to every connected client.
//
// What it leaves out, on purpose: probe summaries (p95 windows, availability, SLO verdicts), the
// hit-rate window, history on disk, MCP supervision and pings, Docker, events, alerts, the token
// and Origin checks. The server's CPU above this one's is the price of those, i.e. ours.
//
//   node bareIdleServer.mjs <health url> <metrics url> <hits metric> <misses metric>
// prints "listening <port>"; stop it with SIGTERM.
import http from 'node:http';
import { WebSocketServer } from 'ws';

const [healthUrl, metricsUrl, hitsMetric = 'cache_hits_total', missesMetric = 'cache_misses_total'] = process.argv.slice(2);
if (!healthUrl || !metricsUrl) {
  console.error('usage: bareIdleServer.mjs <health url> <metrics url> [hits metric] [misses metric]');
  process.exit(2);
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
/**
 * The sample lines of `metric` in Prometheus text, built once. A plain regex, not the server's
 * parsePrometheusText: the reference must not run our code, or it would measure part of us.
 */
// Metric names are [a-zA-Z_:][a-zA-Z0-9_:]*: nothing in them needs escaping. matchAll copies the regex, so one serves every read.
const seriesOf = (metric) => new RegExp(`^${metric}(?:\\{[^}]*\\})? ([0-9.e+-]+)$`, 'gm');
const hitsSeries = seriesOf(hitsMetric);
const missesSeries = seriesOf(missesMetric);
/** Sums every series (the demo labels its counters by cache). */
const counter = (text, series) => {
  let sum = 0;
  for (const m of text.matchAll(series)) sum += Number(m[1]);
  return sum;
};

/** GETs `url` and hands the whole answer to `done` with the time it took. */
const get = (url, done) => {
  const started = performance.now();
  const req = http.get(url, { agent }, (res) => {
    let body = '';
    res.setEncoding('utf8');
    res.on('data', (chunk) => (body += chunk));
    res.on('end', () => done(res.statusCode ?? 0, body, performance.now() - started));
  });
  req.on('error', () => done(0, '', performance.now() - started));
  req.setTimeout(2000, () => req.destroy());
};

/** Every client gets `messages` in one write, as the server corks what one tick sends. */
const push = (messages) => {
  for (const ws of server.clients) {
    ws._socket.cork();
    for (const m of messages) ws.send(JSON.stringify(m));
    ws._socket.uncork();
  }
};

let hitsBefore;
let missesBefore;
const tick = () => {
  const ts = Date.now();
  get(metricsUrl, (status, text) => {
    const hits = counter(text, hitsSeries);
    const misses = counter(text, missesSeries);
    const rate = hitsBefore === undefined || hits + misses === hitsBefore + missesBefore ? null : (hits - hitsBefore) / (hits + misses - hitsBefore - missesBefore);
    hitsBefore ??= hits;
    missesBefore ??= misses;
    push([
      { t: 'state', id: 7, value: { sources: [{ name: 'backend', kind: 'prometheus', target: 0.8, address: metricsUrl, hitRate: rate, hits, misses, windowMs: 30000, everyMs: 1000, resets: 0, history: [], lastReadAt: ts, status }] } },
    ]);
  });
  get(healthUrl, (status, _body, latencyMs) => {
    const sample = { ts, latencyMs: Math.round(latencyMs * 100) / 100, outcome: status === 200 ? 'ok' : 'fail', status };
    const window = (w) => ({ window: w, count: 60, ok: 60, p50: sample.latencyMs, p95: sample.latencyMs, p99: sample.latencyMs, max: sample.latencyMs });
    push([
      { t: 'state', id: 5, value: { probes: [{ name: 'backend-health', kind: 'http', target: healthUrl, everyMs: 1000, timeoutMs: 2000, last: sample, windows: { '1m': window('1m'), '5m': window('5m'), '15m': window('15m') }, availability15m: 1, slo: [{ objective: 'p95', target: '100ms', met: true }, { objective: 'availability', target: '99.9%', met: true }] }] } },
      { t: 'append', id: 9, items: [sample] },
    ]);
  });
};

// On the second, as the server's scheduler keeps its probes on absolute deadlines.
setTimeout(() => {
  tick();
  setInterval(tick, 1000);
}, 1000 - (Date.now() % 1000));

server.on('listening', () => console.log(`listening ${server.address().port}`));
process.on('SIGTERM', () => {
  server.close();
  agent.destroy();
  process.exit(0);
});
