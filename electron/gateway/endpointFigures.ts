import type { GatewayEndpoint, GatewayErrorKind } from '../../shared/contract/gateway.js';
import { SlidingPercentiles } from '../base/metrics/slidingPercentiles.js';

const rateWindowMs = 10_000;
const figuresWindowMs = 60_000;
/** Error stamps kept at most: a flood of refusals must not grow memory. */
const maxErrorStamps = 10_000;

type Figures = Pick<GatewayEndpoint, 'requestsPerSecond' | 'p50Ms' | 'p95Ms' | 'requests' | 'errors'>;

/** One endpoint's live figures: requests per second (last 10 s), p50/p95 and errors by kind (last minute). */
export class EndpointFigures {
  private readonly latency = new SlidingPercentiles([rateWindowMs, figuresWindowMs], 1_000);
  private readonly errorStamps: { at: number; kind: GatewayErrorKind }[] = [];

  record(durationMs: number, error?: GatewayErrorKind): void {
    const now = Date.now();
    this.latency.record(now, error === 'unauthorized' || error === 'forbidden' ? null : durationMs, error !== undefined);
    if (!error) return;
    this.errorStamps.push({ at: now, kind: error });
    if (this.errorStamps.length > maxErrorStamps) this.errorStamps.splice(0, this.errorStamps.length - maxErrorStamps);
  }

  summary(now = Date.now()): Figures {
    const recent = this.latency.summary(0, now);
    const minute = this.latency.summary(1, now);
    const errors: Figures['errors'] = {};
    for (const stamp of this.errorStamps) if (now - stamp.at <= figuresWindowMs) errors[stamp.kind] = (errors[stamp.kind] ?? 0) + 1;
    return { requestsPerSecond: recent.runs / (rateWindowMs / 1000), p50Ms: minute.p50, p95Ms: minute.p95, requests: minute.runs, errors };
  }
}
