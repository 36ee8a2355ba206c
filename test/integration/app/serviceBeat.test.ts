import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoBackend, type DemoBackend } from '../../../electron/demo/backend/startDemoBackend.js';
import { discardLogs } from '../../../electron/core/logWriter.js';
import { probeSchema } from '../../../electron/base/stackFile/probes.js';
import { cacheSourceSchema } from '../../../electron/base/stackFile/cache.js';
import { ProbeService } from '../../../electron/probes/probeService.js';
import { CacheService } from '../../../electron/cache/cacheService.js';
import { waitFor } from '../../support/waitFor.js';

/**
 * The demo backend's health probe and its cache counters, as the demo stack
 * configures them (different names, one service): both are read in the same
 * wake-up each second, so a screen showing both repaints once, not twice.
 */
let backend: DemoBackend;
beforeAll(async () => void (backend = await startDemoBackend()));
afterAll(async () => await backend?.stop());

describe('one service, one beat', () => {
  it('reads the health probe and the cache counters of one backend at the same moment each second', async () => {
    const probes = new ProbeService({ logs: discardLogs, baseDir: () => process.cwd() });
    const cache = new CacheService(discardLogs);
    try {
      const probeTimes: number[] = [];
      const cacheTimes: number[] = [];
      probes.sampled.on(({ sample }) => probeTimes.push(sample.ts));
      cache.read.on((reading) => cacheTimes.push(reading.ts));
      probes.apply({ 'backend-health': probeSchema.parse({ url: `${backend.url}/health`, every: '1s' }) });
      cache.apply({ backend: cacheSourceSchema.parse({ prometheus: `${backend.url}/metrics`, every: '1s' }) });
      await waitFor('five readings of each', () => probeTimes.length >= 5 && cacheTimes.length >= 5, 10_000);
      // Each reading's time is when it started; the two schedules fire in the same wake-up. Only the beats both
      // have finished count: the two were applied a moment apart, and a reading is told once it is answered.
      const both = cacheTimes.filter((t) => t >= probeTimes[0]! - 500 && t <= probeTimes.at(-1)! + 500);
      expect(both.length).toBeGreaterThanOrEqual(3);
      for (const t of both) {
        const nearest = Math.min(...probeTimes.map((p) => Math.abs(p - t)));
        expect(nearest).toBeLessThan(15);
      }
    } finally {
      probes.dispose();
      cache.dispose();
    }
  });
});
