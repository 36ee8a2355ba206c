/**
 * Reconnect delays: 250 ms doubling to a cap of 1 s. The cap is short on purpose:
 * the screen must be current again within 2 s of the engine coming back, and a
 * refused connect on a local socket costs next to nothing.
 */
export class Backoff {
  private attempt = 0;

  constructor(
    private readonly firstMs = 250,
    private readonly maxMs = 1000,
  ) {}

  next(): number {
    const delay = Math.min(this.maxMs, this.firstMs * 2 ** this.attempt);
    this.attempt++;
    return delay;
  }

  reset(): void {
    this.attempt = 0;
  }
}
