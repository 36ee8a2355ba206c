import type { McpServerConfig } from '../base/stackFile/mcp.js';

export type RestartDecision =
  | { action: 'stay'; failures: number }
  | { action: 'backoff'; delayMs: number; failures: number }
  | { action: 'crash-loop'; failures: number };

export interface ExitFacts {
  now: number;
  /** Clean exits (code 0 after ready) are not failures; everything else is. */
  failed: boolean;
  /** How long the server had been ready before it went away (0 if it never was). */
  readyForMs: number;
}

/**
 * supervisord/systemd-style restart policy, as plain arithmetic so it can be
 * tested without processes: exponential backoff (1 s doubling to 30 s, reset
 * after 60 s ready) and crash-loop after N failures inside a window, where it
 * gives up until a person acts.
 */
export class RestartPolicy {
  private failureTimes: number[] = [];
  private consecutive = 0;

  constructor(private readonly config: Pick<McpServerConfig, 'restart' | 'backoff' | 'crashLoop'>) {}

  /** A person started or restarted the server: forget the past. */
  reset(): void {
    this.failureTimes = [];
    this.consecutive = 0;
  }

  failuresInWindow(now: number): number {
    this.failureTimes = this.failureTimes.filter((t) => now - t < this.config.crashLoop.window);
    return this.failureTimes.length;
  }

  onExit(facts: ExitFacts): RestartDecision {
    if (facts.readyForMs >= this.config.backoff.resetAfter) this.consecutive = 0;
    if (facts.failed) this.failureTimes.push(facts.now);
    const failures = this.failuresInWindow(facts.now);
    const restart = this.config.restart === 'always' || (this.config.restart === 'on-failure' && facts.failed);
    if (!restart) return { action: 'stay', failures };
    if (failures >= this.config.crashLoop.failures) return { action: 'crash-loop', failures };
    const delayMs = Math.min(this.config.backoff.max, this.config.backoff.initial * 2 ** this.consecutive);
    this.consecutive++;
    return { action: 'backoff', delayMs, failures };
  }
}
