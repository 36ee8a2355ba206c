import http from 'node:http';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerCache } from '../../../electron/cache/register.js';
import type { CacheService } from '../../../electron/cache/cacheService.js';
import type { CacheState } from '../../../shared/contract/cache.js';
import { startRedis, type TestRedis } from '../../support/redis/startRedis.js';
import { startPromServer, type PromServer } from '../../support/prometheus/promServer.js';
import { fakeAppContext, recordingSink } from '../../support/appContext.js';
import type { StackInput } from '../../../electron/base/stackFile/stack.js';

let redis: TestRedis;
let prom: PromServer;

beforeAll(async () => {
  [redis, prom] = await Promise.all([startRedis(), startPromServer()]);
});
afterAll(async () => {
  await Promise.all([redis?.stop(), prom?.stop()]);
});

/** Polls are driven by hand here (every: 1h) so each reading lands exactly between two steps of the pattern. */
function setup(cache: StackInput['cache']) {
  const ctx = fakeAppContext({ cache });
  const service: CacheService = registerCache(ctx);
  const { sink, latest } = recordingSink<CacheState, never>();
  ctx.topics.open('cache', {}, sink as never);
  const source = (name: string) => latest()!.sources.find((s) => s.name === name)!;
  return { ctx, service, source };
}

describe('cache hit rate from real sources', () => {
  it('matches a known pattern of Redis hits and misses within 1 point', async () => {
    const { ctx, service, source } = setup({ redis: { redis: redis.url, every: '1h', window: '10m', target: '80%' } });
    const client = new Redis(redis.url);
    try {
      for (let i = 0; i < 20; i++) await client.set(`key:${i}`, 'v');
      await service.pollAll(); // baseline
      // 7 hits for every 3 misses → 70 %, far from the default target so the verdict is visible too.
      const pipeline = client.pipeline();
      for (let i = 0; i < 1000; i++) pipeline.get(i % 10 < 7 ? `key:${i % 20}` : `missing:${i}`);
      await pipeline.exec();
      await service.pollAll();
      const s = source('redis');
      expect(s.error).toBeUndefined();
      expect(s.kind).toBe('redis');
      expect(Math.abs(s.hitRate! - 0.7)).toBeLessThanOrEqual(0.01);
      expect(s.hits + s.misses).toBe(1000);
      expect(s.target).toBe(0.8);
      expect(s.history.at(-1)!.rate).toBeCloseTo(s.hitRate!, 9);

      // CONFIG RESETSTAT zeroes the counters the way a restart does: no negative, no spike.
      await client.config('RESETSTAT');
      for (let i = 0; i < 100; i++) await client.get(i % 10 < 9 ? `key:${i % 20}` : `missing:${i}`);
      await service.pollAll();
      const after = source('redis');
      expect(after.resets).toBe(1);
      expect(after.hits + after.misses).toBe(1100);
      expect(after.hitRate).toBeCloseTo((700 + 90) / 1100, 2);
      expect(after.history.every((p) => p.rate === null || (p.rate >= 0 && p.rate <= 1))).toBe(true);
    } finally {
      client.disconnect();
      ctx.disposables.dispose();
    }
  });

  it('reads Prometheus counters from prom-client, filtered by label, across a counter reset', async () => {
    const { ctx, service, source } = setup({
      items: { prometheus: prom.url, labels: { cache: 'items' }, every: '1h', window: '10m' },
      all: { prometheus: prom.url, every: '1h', window: '10m' },
    });
    try {
      prom.hit('items', 1);
      prom.miss('items', 1);
      await service.pollAll();
      prom.hit('items', 85);
      prom.miss('items', 15);
      prom.hit('sessions', 0);
      prom.miss('sessions', 100);
      await service.pollAll();
      expect(source('items').hitRate).toBeCloseTo(0.85, 5);
      expect(source('all').hitRate).toBeCloseTo(85 / 200, 5);

      prom.resetCounters(); // the service restarted
      prom.hit('items', 9);
      prom.miss('items', 1);
      await service.pollAll();
      const items = source('items');
      expect(items.resets).toBe(1);
      expect(items.hitRate).toBeCloseTo(94 / 110, 5);
      expect(items.history.map((p) => p.rate).every((r) => r === null || (r > 0.8 && r < 0.9))).toBe(true);

      // A screen that shows only the current rate (the Overview) subscribes without the history.
      const current = recordingSink<CacheState, never>();
      ctx.topics.open('cache', { history: false }, current.sink as never);
      await service.pollAll();
      const withHistory = source('items');
      const without = current.latest()!.sources.find((s) => s.name === 'items')!;
      expect(without.history).toEqual([]);
      expect({ ...without, history: withHistory.history }).toEqual(withHistory);
    } finally {
      ctx.disposables.dispose();
    }
  });

  it('reads a JSON endpoint by field path and says plainly when a source cannot be read', async () => {
    let hits = 100;
    const server = http.createServer((_req, res) => res.end(JSON.stringify({ cache: { stats: { hits, misses: 50 } } })));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as { port: number }).port;
    const { ctx, service, source } = setup({
      json: { json: `http://127.0.0.1:${port}/stats`, hits: 'cache.stats.hits', misses: 'cache.stats.misses', every: '1h' },
      typo: { json: `http://127.0.0.1:${port}/stats`, hits: 'cache.hits', misses: 'cache.stats.misses', every: '1h' },
      down: { redis: 'redis://127.0.0.1:1', every: '1h' },
      'no-metric': { prometheus: prom.url, hits: 'lookups_ok_total', misses: 'lookups_failed_total', every: '1h' },
    });
    try {
      await service.pollAll();
      hits = 250;
      await service.pollAll();
      expect(source('json').hitRate).toBe(1);
      expect(source('json').hits).toBe(150);
      expect(source('typo').error).toBe(`http://127.0.0.1:${port}/stats: cache.hits is not a number`);
      expect(source('down').error).toMatch(/^redis at redis:\/\/127\.0\.0\.1:1: .*ECONNREFUSED/);
      expect(source('no-metric').error).toBe(`${prom.url} has no lookups_ok_total or lookups_failed_total`);
      expect(ctx.lines.some((l) => l.source === 'cache:down' && l.level === 'warn')).toBe(true);
    } finally {
      ctx.disposables.dispose();
      server.close();
    }
  });
});
