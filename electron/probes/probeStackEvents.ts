import type { ProbeOutcome, ProbeSample, SloVerdict } from '../../shared/contract/probes.js';
import { sourceId } from '../../shared/sourceId.js';
import type { Disposable } from '../base/disposable.js';
import type { EventWriter, SignalWriter } from '../core/stackBus.js';
import type { ProbeService } from './probeService.js';

/** SLO verdicts are read at most this often per probe: a window of minutes does not turn faster, and reading one costs a summary. */
const sloCheckEveryMs = 10_000;

interface Seen {
  outcome?: ProbeOutcome;
  error?: string;
  sloCheckedAt: number;
  /** Per SLO target ("p95 ≤ 100 ms"): whether it passed when last read. */
  slo: Map<string, boolean>;
}

/**
 * Each sample as `probe.latency_ms` / `probe.up` signals; a change of verdict
 * (ok → timeout, or a new reason) as a `probe.status` event; an SLO that
 * starts or stops failing as a `slo.breach` event.
 */
export function publishProbeStackEvents(service: ProbeService, events: EventWriter, signals: SignalWriter): Disposable {
  const seen = new Map<string, Seen>();
  return service.sampled.on(({ probe, sample }) => {
    const source = sourceId.probe(probe);
    // One sample's signals in one batch: history and alerts take them in one call.
    const up = { source, name: 'probe.up' as const, value: sample.outcome === 'ok' ? 1 : 0, at: sample.ts };
    signals.recordMany(sample.outcome === 'ok' ? [{ source, name: 'probe.latency_ms', value: sample.latencyMs, at: sample.ts }, up] : [up]);

    let before = seen.get(probe);
    if (!before) seen.set(probe, (before = { sloCheckedAt: sample.ts, slo: new Map() }));
    if (before.outcome !== sample.outcome || (sample.outcome !== 'ok' && before.error !== sample.error)) {
      // The first sample of a healthy probe is no news; the first failing one is.
      if (before.outcome !== undefined || sample.outcome !== 'ok') events.publish(statusEvent(source, probe, sample, before.outcome));
      before.outcome = sample.outcome;
      before.error = sample.error;
    }
    if (sample.ts - before.sloCheckedAt >= sloCheckEveryMs) {
      before.sloCheckedAt = sample.ts;
      const verdicts = service.summary(probe, sample.ts)?.slo ?? [];
      for (const verdict of verdicts) publishSloChange(events, source, probe, verdict, before.slo, sample.ts);
    }
  });
}

function statusEvent(source: string, probe: string, sample: ProbeSample, previous: ProbeOutcome | undefined) {
  const ok = sample.outcome === 'ok';
  return {
    source,
    at: sample.ts,
    kind: 'probe.status' as const,
    severity: ok ? ('info' as const) : ('error' as const),
    summary: ok ? `${probe} ok again (${sample.latencyMs.toFixed(1)} ms)` : `${probe} ${sample.outcome}${sample.error ? `: ${sample.error}` : ''}`,
    details: { status: sample.outcome, previous: previous ?? null, ...(sample.error ? { error: sample.error } : {}) },
  };
}

function publishSloChange(events: EventWriter, source: string, probe: string, verdict: SloVerdict, passed: Map<string, boolean>, at: number): void {
  if (verdict.pass === null) return;
  const before = passed.get(verdict.target);
  passed.set(verdict.target, verdict.pass);
  if (before === verdict.pass || (before === undefined && verdict.pass)) return;
  const actual = verdict.actual === null ? 'n/a' : verdict.objective === 'availability' ? `${(verdict.actual * 100).toFixed(2)} %` : `${verdict.actual.toFixed(1)} ms`;
  events.publish({
    source,
    at,
    kind: 'slo.breach',
    severity: verdict.pass ? 'info' : 'warning',
    summary: verdict.pass ? `${probe} meets its SLO ${verdict.target} again (${actual})` : `${probe} misses its SLO ${verdict.target}: ${actual}`,
    details: { slo: verdict.target, objective: verdict.objective, value: verdict.actual, target: verdict.threshold, met: verdict.pass, ...(verdict.budgetLeft === undefined ? {} : { budgetLeft: verdict.budgetLeft }) },
  });
}
