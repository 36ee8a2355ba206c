import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoBackend, type DemoBackend } from '../../../electron/demo/backend/startDemoBackend.js';
import { backendUrls, startBareFeed, type BareFeed } from '../../bench/bareFeed.js';

/*
 * The idle bench reads the server's CPU against this process (test/bench/bareIdleServer.mjs). It is a
 * fair reference only if it really does the Overview's once-a-second work: a real GET of /health and
 * /metrics, the counters found in the text, and the server's three messages at the server's sizes.
 */
describe('the bare feed process (the idle bench server reference)', () => {
  let backend: DemoBackend;
  let feed: BareFeed;
  beforeAll(async () => {
    backend = await startDemoBackend();
    const urls = backendUrls(`target 80 % · over 30 s · prometheus ${backend.url}/metrics`);
    feed = await startBareFeed(urls.health, urls.metrics);
  });
  afterAll(async () => {
    await feed?.stop();
    await backend?.stop();
  });

  it('pushes a probe sample with a measured latency and live cache counters each second, at the server message sizes', async () => {
    await new Promise((r) => setTimeout(r, 3_600));
    const got = [...feed.received];
    const of = (id: number) => got.filter((g) => JSON.parse(g.text).id === id);
    const samples = of(9).map((g) => JSON.parse(g.text).items[0]);
    const cache = of(7).map((g) => JSON.parse(g.text).value.sources[0]);
    // Three seconds: three of each message (a fourth may have started).
    expect(samples.length).toBeGreaterThanOrEqual(3);
    expect(cache.length).toBeGreaterThanOrEqual(3);
    expect(of(5).length).toBe(samples.length);
    // The demo backend answers /health in 5–30 ms: a real request was timed, and it went well.
    for (const s of samples) expect(s).toMatchObject({ outcome: 'ok', status: 200, latencyMs: expect.any(Number) });
    expect(Math.min(...samples.map((s) => s.latencyMs))).toBeGreaterThan(1);
    // The demo's traffic moves its counters: read from the text, not made up.
    expect(cache.at(-1).hits).toBeGreaterThan(cache[0].hits);
    expect(cache.at(-1).hitRate).toBeGreaterThan(0.5);
    // The server's own messages are ~274, ~650 and ~98 bytes (read from its socket with strace).
    const size = (id: number) => of(id)[0]!.text.length;
    expect(size(7)).toBeGreaterThan(200);
    expect(size(7)).toBeLessThan(350);
    expect(size(5)).toBeGreaterThan(550);
    expect(size(5)).toBeLessThan(750);
    expect(size(9)).toBeGreaterThan(80);
    expect(size(9)).toBeLessThan(130);
  });
});

it('says what is missing when the cache row shows no address', () => {
  expect(() => backendUrls('target 80 % · over 30 s · redis')).toThrow(/no \/metrics address/);
});
