import http from 'node:http';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoBackend, type DemoBackend } from '../../../electron/demo/backend/startDemoBackend.js';
import { registerProbes } from '../../../electron/probes/index.js';
import type { ProbeSeriesSnapshot, ProbeSample, ProbesState } from '../../../shared/contract/probes.js';
import { fakeAppContext, recordingSink } from '../../support/appContext.js';
import { waitFor } from '../../support/waitFor.js';

let backend: DemoBackend;
let silent: net.Server; // accepts connections and never answers
const silentSockets: net.Socket[] = [];
let slow: http.Server; // answers, but only after 1.5 s
let silentPort = 0;
let slowPort = 0;

beforeAll(async () => {
  backend = await startDemoBackend();
  silent = net.createServer((s) => void silentSockets.push(s));
  await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
  silentPort = (silent.address() as net.AddressInfo).port;
  slow = http.createServer((_req, res) => setTimeout(() => res.end('late'), 1_500));
  await new Promise<void>((r) => slow.listen(0, '127.0.0.1', r));
  slowPort = (slow.address() as net.AddressInfo).port;
});

afterAll(async () => {
  await backend?.stop();
  for (const s of silentSockets) s.destroy();
  silent?.close();
  slow?.closeAllConnections();
  slow?.close();
});

describe('probes against real targets', () => {
  it('reports each kind of target the way an operator would read it, and a hanging one delays nobody', async () => {
    const ctx = fakeAppContext({
      probes: {
        health: { url: `${backend.url}/health`, every: '200ms', timeout: '2s', expect: { json: { path: 'status', equals: 'ok' } }, slo: { p95: '500ms', availability: '99%' } },
        'wrong-body': { url: `${backend.url}/health`, every: '300ms', expect: { contains: 'healthy' } },
        'not-found': { url: `${backend.url}/nope`, every: '300ms' },
        'silent-http': { url: `http://127.0.0.1:${silentPort}/health`, every: '300ms', timeout: '250ms' },
        'silent-tcp': { tcp: `127.0.0.1:${silentPort}`, every: '300ms' },
        slow: { url: `http://127.0.0.1:${slowPort}/`, every: '200ms', timeout: '5s' },
        'closed-port': { tcp: '127.0.0.1:1', every: '300ms' },
        'command-ok': { command: ['true'], every: '300ms' },
        'command-fails': { command: ['sh', '-c', 'echo disk full >&2; exit 3'], every: '300ms' },
      },
    });
    registerProbes(ctx);
    try {
      const { sink, latest } = recordingSink<ProbesState, never>();
      const sub = ctx.topics.open('probes', {}, sink as never);
      expect(sub.ok).toBe(true);
      const state = await waitFor('every probe to report and health to have 8 samples', () => {
        const s = latest();
        return s && s.probes.every((p) => p.last) && s.probes.find((p) => p.name === 'health')!.windows['1m'].count >= 8 ? s : undefined;
      });
      const by = (name: string) => state.probes.find((p) => p.name === name)!;

      expect(by('health').last).toMatchObject({ outcome: 'ok' });
      expect(by('health').kind).toBe('http');
      expect(by('health').slo.map((v) => [v.target, v.pass])).toEqual([
        ['p95 ≤ 500 ms', true],
        ['availability ≥ 99%', true],
      ]);
      expect(by('wrong-body').last).toMatchObject({ outcome: 'fail', error: 'body does not contain "healthy"' });
      expect(by('not-found').last).toMatchObject({ outcome: 'fail', error: 'status 404 (expected 200)' });
      expect(by('silent-http').last).toMatchObject({ outcome: 'timeout', error: 'no response within 250 ms' });
      expect(by('silent-tcp').last).toMatchObject({ outcome: 'ok', })
      expect(by('silent-tcp').kind).toBe('tcp');
      expect(by('closed-port').last).toMatchObject({ outcome: 'error', error: 'connect 127.0.0.1:1: ECONNREFUSED' });
      expect(by('command-ok').last).toMatchObject({ outcome: 'ok' });
      expect(by('command-fails').last).toMatchObject({ outcome: 'fail', error: 'sh exited 3: disk full' });
      expect(by('command-fails').target).toBe('sh -c echo disk full >&2; exit 3');
      // The slow target takes 1.5 s a run: it has at most a couple of samples while health kept its 200 ms beat.
      expect(by('slow').windows['1m'].count).toBeLessThanOrEqual(2);
      expect(by('slow').last!.latencyMs).toBeGreaterThanOrEqual(1_400);

      // Failures reach the log hub under the probe's own source, once per reason rather than every run.
      const silentLines = ctx.lines.filter((l) => l.source === 'probe:silent-http');
      expect(silentLines.length).toBe(1);
      expect(silentLines[0]).toMatchObject({ level: 'warn', text: expect.stringContaining('timeout: no response within 250 ms') });
      if (sub.ok) sub.subscription.dispose();
    } finally {
      ctx.disposables.dispose();
    }
  });

  it('streams a probe’s history as a snapshot, then its live samples, and follows config reloads', async () => {
    const ctx = fakeAppContext({ probes: { health: { url: `${backend.url}/health`, every: '200ms' } } });
    registerProbes(ctx);
    try {
      await new Promise((r) => setTimeout(r, 700));
      const { rec, sink } = recordingSink<ProbeSeriesSnapshot, ProbeSample>();
      const sub = ctx.topics.open('probe.samples', { probe: 'health', range: '5m' }, sink as never);
      expect(sub.ok).toBe(true);
      expect(rec.snapshots[0]).toMatchObject({ probe: 'health', range: '5m', resolutionMs: 1_000 });
      expect(rec.snapshots[0]!.samples.length).toBeGreaterThanOrEqual(1);
      await waitFor('three live samples', () => rec.items.length >= 3);
      expect(rec.items.every((s) => s.outcome === 'ok' && s.latencyMs > 0)).toBe(true);

      const missing = recordingSink<ProbeSeriesSnapshot, ProbeSample>();
      ctx.topics.open('probe.samples', { probe: 'nope' }, missing.sink as never);
      expect(missing.rec.closed?.error).toMatchObject({ code: 'not_found' });

      const states = recordingSink<ProbesState, never>();
      ctx.topics.open('probes', {}, states.sink as never);
      ctx.setConfig({ probes: { other: { tcp: '127.0.0.1:1', every: '1s' } } });
      expect(states.latest()!.probes.map((p) => p.name)).toEqual(['other']);
      if (sub.ok) sub.subscription.dispose();
    } finally {
      ctx.disposables.dispose();
    }
  });
});
