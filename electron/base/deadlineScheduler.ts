import { performance } from 'node:perf_hooks';
import type { Histogram } from 'hdr-histogram-js';
import { toDisposable, type Disposable } from './disposable.js';
import { latencyHistogram, toMicros } from './metrics/slidingPercentiles.js';

interface Job {
  everyMs: number;
  run: () => Promise<void>;
  nextAt: number;
  timer: NodeJS.Timeout | undefined;
  inFlight: boolean;
  stopped: boolean;
}

export interface SchedulerStats {
  /** How late runs started against their deadline, in ms. */
  driftP50: number;
  driftP99: number;
  driftMax: number;
  runs: number;
  /** Ticks skipped because the previous run of the same job was still going. */
  skipped: number;
}

/**
 * Runs each job on absolute deadlines (start + n × every), so lateness never
 * accumulates the way chained setInterval/setTimeout does. Each job has its
 * own timer and never waits for another, so a hanging target delays nobody;
 * a job whose previous run is still going skips that tick instead of piling up.
 */
export class DeadlineScheduler implements Disposable {
  private readonly jobs = new Set<Job>();
  private drift: Histogram = latencyHistogram();
  private runs = 0;
  private skipped = 0;

  /** `phaseMs` spreads jobs over the interval so 100 probes don't all fire in the same millisecond. */
  add(everyMs: number, run: () => Promise<void>, phaseMs = 0): Disposable {
    const job: Job = { everyMs, run, nextAt: performance.now() + (phaseMs % everyMs), timer: undefined, inFlight: false, stopped: false };
    this.jobs.add(job);
    this.arm(job);
    return toDisposable(() => {
      job.stopped = true;
      if (job.timer) clearTimeout(job.timer);
      this.jobs.delete(job);
    });
  }

  private arm(job: Job): void {
    if (job.stopped) return;
    job.timer = setTimeout(() => this.fire(job), Math.max(0, job.nextAt - performance.now()));
  }

  private fire(job: Job): void {
    if (job.stopped) return;
    const now = performance.now();
    this.drift.recordValue(toMicros(Math.max(0, now - job.nextAt)));
    if (job.inFlight) this.skipped++;
    else {
      this.runs++;
      job.inFlight = true;
      job.run().finally(() => {
        job.inFlight = false;
      });
    }
    job.nextAt += job.everyMs;
    // After a stall (laptop sleep, blocked loop) skip the missed deadlines rather than firing a burst.
    if (job.nextAt <= now) job.nextAt += Math.ceil((now - job.nextAt) / job.everyMs) * job.everyMs;
    this.arm(job);
  }

  stats(): SchedulerStats {
    const at = (p: number) => (this.drift.totalCount === 0 ? 0 : this.drift.getValueAtPercentile(p) / 1000);
    return { driftP50: at(50), driftP99: at(99), driftMax: this.drift.maxValue / 1000, runs: this.runs, skipped: this.skipped };
  }

  resetStats(): void {
    this.drift = latencyHistogram();
    this.runs = 0;
    this.skipped = 0;
  }

  get size(): number {
    return this.jobs.size;
  }

  dispose(): void {
    for (const job of this.jobs) {
      job.stopped = true;
      if (job.timer) clearTimeout(job.timer);
    }
    this.jobs.clear();
  }
}

/** A stable phase for a name, so restarts and config reloads keep probes spread the same way. */
export function phaseFor(name: string, everyMs: number): number {
  let h = 2166136261;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 16777619);
  return (h >>> 0) % Math.max(1, everyMs);
}
