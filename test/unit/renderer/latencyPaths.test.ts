import { describe, expect, it } from 'vitest';
import type { ProbeSample } from '../../../shared/contract/probes.js';
import { latencyPaths, type LatencyFrame } from '../../../renderer/components/charts/latencyPaths.js';
import { nearestSample } from '../../../renderer/components/charts/nearestSample.js';
import { ColumnPath } from '../../../renderer/components/charts/columnPath.js';

const frame = (from: number, to: number, width: number, yMax = 100): LatencyFrame => ({ from, to, yMax, left: 0, right: width, top: 0, bottom: 100 });
const ok = (ts: number, latencyMs: number): ProbeSample => ({ ts, latencyMs, outcome: 'ok' });
const vertices = (d: string) => d.match(/[ML]/g)?.length ?? 0;

describe('a latency chart draws its series as a few path strings', () => {
  it('keeps one vertex per sample while there is a pixel column for each', () => {
    const samples = [ok(0, 10), ok(1_000, 20), ok(2_000, 30)];
    const paths = latencyPaths(samples, frame(0, 2_000, 200));
    expect(paths.line).toBe('M0,90.0L100,80.0L200,70.0');
    expect(paths.drawn).toBe(3);
    expect(paths.fails).toBe('');
  });

  it('draws a day of 1 s samples as at most two vertices per pixel column, and a spike survives', () => {
    const day = 86_400;
    const samples = Array.from({ length: day }, (_, i) => ok(i * 1_000, i === 50_000 ? 95 : 10 + (i % 7)));
    const paths = latencyPaths(samples, frame(0, (day - 1) * 1_000, 400));
    expect(vertices(paths.line)).toBeLessThanOrEqual(2 * 401);
    expect(vertices(paths.line)).toBeGreaterThan(400);
    expect(paths.line).toContain(',5.0'); // 95 ms of 100 is 5 px from the top
  });

  it('breaks the line at a failed run, which is a dot, and at a long silence', () => {
    const failed: ProbeSample = { ts: 2_000, latencyMs: 50, outcome: 'error', error: 'status 503' };
    const samples = [ok(0, 10), ok(1_000, 10), failed, ok(3_000, 10), ok(4_000, 10), ok(60_000, 10), ok(61_000, 10)];
    const paths = latencyPaths(samples, frame(0, 61_000, 610));
    expect(paths.fails).toBe('M20,50.0h0');
    expect(paths.line.match(/M/g)).toHaveLength(3);
    expect(paths.drawn).toBe(7);
  });

  it('does not break where stored minutes meet live seconds', () => {
    const stored = [0, 60_000, 120_000].map((ts) => ({ ...ok(ts, 10), count: 60, maxMs: 40 }));
    const live = [150_000, 151_000, 152_000].map((ts) => ok(ts, 12));
    const paths = latencyPaths([...stored, ...live], frame(0, 152_000, 1520));
    expect(paths.line.match(/M/g)).toHaveLength(1);
    expect(vertices(paths.slowest)).toBe(3);
  });

  it('closes the area under each unbroken run down to the baseline (the hit rate chart)', () => {
    const path = new ColumnPath(100);
    path.add(0, 20);
    path.add(10, 30);
    path.lift();
    path.add(30, 40);
    expect(path.finish()).toBe('M0,20.0L10,30.0M30,40.0');
    expect(path.area).toBe('M0,20.0L10,30.0L10,100L0,100ZM30,40.0L30,100L30,100Z');
  });

  it('hovers the sample nearest in time', () => {
    const samples = [ok(0, 1), ok(1_000, 1), ok(5_000, 1)];
    expect(nearestSample(samples, 400)).toBe(0);
    expect(nearestSample(samples, 2_900)).toBe(1);
    expect(nearestSample(samples, 3_100)).toBe(2);
    expect(nearestSample([], 3_100)).toBeUndefined();
  });
});
