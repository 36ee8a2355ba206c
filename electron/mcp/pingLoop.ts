import type { Disposable } from '../base/disposable.js';
import type { Clock } from './clock.js';
import type { ServerRun } from './serverRun.js';

export interface PingOutcomes {
  /** The ping time changed or went: it is kept here, out of the server's state (see McpPings). */
  pingChanged(): void;
  answered(ms: number): void;
  /** No answer within the timeout, or the ping failed. */
  missed(error: unknown): void;
}

/**
 * Pings one ready run every `pingEvery`, one ping at a time, and keeps the
 * last round trip. The next ping is timed from the end of the last, so a
 * slow server is never asked twice at once. Disposed with the run's ready
 * life: a ping still in flight then tells nobody.
 */
export class PingLoop implements Disposable {
  private timer: Disposable | undefined;
  private lastMs: number | undefined;
  private disposed = false;

  constructor(
    private readonly run: ServerRun,
    private readonly timing: { pingEvery: number; pingTimeout: number },
    private readonly clock: Clock,
    private readonly outcomes: PingOutcomes,
  ) {
    this.schedule();
  }

  /** The last answered ping's round trip; none after a miss, until the next answer. */
  get ms(): number | undefined {
    return this.lastMs;
  }

  dispose(): void {
    this.disposed = true;
    this.timer?.dispose();
    this.timer = undefined;
  }

  private schedule(): void {
    this.timer = this.clock.after(this.timing.pingEvery, () => {
      this.timer = undefined;
      void this.ping();
    });
  }

  private async ping(): Promise<void> {
    let error: unknown;
    let ms: number | undefined;
    try {
      ms = await this.run.session.ping(this.timing.pingTimeout);
    } catch (err) {
      error = err;
    }
    if (this.disposed || this.run.hasExited) return;
    this.setMs(ms);
    if (ms !== undefined) this.outcomes.answered(ms);
    else this.outcomes.missed(error);
    if (!this.disposed) this.schedule();
  }

  private setMs(ms: number | undefined): void {
    if (ms === this.lastMs) return;
    this.lastMs = ms;
    this.outcomes.pingChanged();
  }
}
