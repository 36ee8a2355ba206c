import type { ProbeSample, SloVerdict } from '../../shared/contract/probes.js';
import type { Verdict } from '../components/StatusPill.js';

/** A probe's latest run, for the Dashboards' probe panel and the Overview's health card alike. */
export function probeVerdict(last: Pick<ProbeSample, 'outcome'> | undefined): Verdict {
  if (!last) return { tone: 'idle', label: 'waiting for first run' };
  return last.outcome === 'ok' ? { tone: 'ok', label: 'passing' } : { tone: 'bad', label: last.outcome };
}

/** One SLO: met, missed, or not enough data to say. */
export function sloVerdict(v: Pick<SloVerdict, 'pass'>): Verdict {
  if (v.pass === null) return { tone: 'idle', label: 'no data' };
  return v.pass ? { tone: 'ok', label: 'pass' } : { tone: 'bad', label: 'fail' };
}
