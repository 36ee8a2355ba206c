import type { StopTimings } from './processGroup.js';
import type { ServerRun } from './serverRun.js';

/**
 * The runs of one server that are being stopped: more than one when a
 * Restart overlaps the old run's shutdown with the new run's start, or a
 * Stop follows it. Each stays here, killable, until its stop has finished.
 */
export class StoppingRuns {
  private readonly runs = new Map<ServerRun, Promise<void>>();

  /** Starts the MCP-spec stop of `run`; resolves once it is over. */
  stop(run: ServerRun, timings: StopTimings): Promise<void> {
    const stopped = run.stop(timings).finally(() => this.runs.delete(run));
    this.runs.set(run, stopped);
    return stopped;
  }

  /** Resolves once every stop under way now has finished. */
  async settled(): Promise<void> {
    await Promise.all(this.runs.values());
  }

  get any(): boolean {
    return this.runs.size > 0;
  }

  killNow(): void {
    for (const run of this.runs.keys()) run.killNow();
  }
}
