import type { ProbeOutcome } from '../../shared/contract/probes.js';

/** What one run of a probe found out; the service stamps it with a time. */
export interface ProbeResult {
  outcome: ProbeOutcome;
  /** Time until the answer, the timeout, or the error (e.g. connection refused after 0.3 ms). */
  latencyMs: number;
  error?: string;
}

export function elapsedMs(startedNs: bigint): number {
  return Number(process.hrtime.bigint() - startedNs) / 1e6;
}
