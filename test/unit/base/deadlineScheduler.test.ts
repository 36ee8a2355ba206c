import { afterEach, describe, expect, it } from 'vitest';
import { DeadlineScheduler, phaseFor } from '../../../electron/base/deadlineScheduler.js';

let scheduler: DeadlineScheduler | undefined;
afterEach(() => scheduler?.dispose());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('probe scheduler', () => {
  it('runs 100 probes on their own deadlines without piling up or losing runs', async () => {
    scheduler = new DeadlineScheduler();
    const runs = new Array<number>(100).fill(0);
    for (let i = 0; i < 100; i++) scheduler.add(200, async () => void runs[i]!++, phaseFor(`probe-${i}`, 200));
    await sleep(2_100);
    scheduler.dispose();
    // 2.1 s at 200 ms is 10 or 11 deadlines per probe depending on its phase; a loaded machine may lose one.
    for (const n of runs) {
      expect(n).toBeGreaterThanOrEqual(9);
      expect(n).toBeLessThanOrEqual(11);
    }
    expect(scheduler.stats().runs).toBe(runs.reduce((a, b) => a + b, 0));
  });

  it('never lets a hanging probe delay another, and skips its ticks instead of stacking runs', async () => {
    scheduler = new DeadlineScheduler();
    let hangingStarts = 0;
    let healthyRuns = 0;
    const release: (() => void)[] = [];
    scheduler.add(100, () => {
      hangingStarts++;
      return new Promise<void>((resolve) => release.push(resolve));
    });
    scheduler.add(100, async () => void healthyRuns++);
    await sleep(1_050);
    expect(hangingStarts).toBe(1);
    expect(healthyRuns).toBeGreaterThanOrEqual(8);
    expect(scheduler.stats().skipped).toBeGreaterThanOrEqual(8);
    for (const r of release) r();
  });

  it('stops a probe when its handle is disposed', async () => {
    scheduler = new DeadlineScheduler();
    let n = 0;
    const job = scheduler.add(50, async () => void n++);
    await sleep(180);
    job.dispose();
    const after = n;
    await sleep(200);
    expect(n).toBe(after);
    expect(scheduler.size).toBe(0);
  });

  it('spreads probes over the interval with a phase that is stable per name', () => {
    expect(phaseFor('backend-health', 5_000)).toBe(phaseFor('backend-health', 5_000));
    const phases = new Set(Array.from({ length: 100 }, (_, i) => Math.floor(phaseFor(`p${i}`, 1_000) / 100)));
    expect(phases.size).toBeGreaterThanOrEqual(8);
  });
});
