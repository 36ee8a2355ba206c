import type { BenchmarksState } from '../../shared/contract/benchmark.js';
import type { ProbeSummary, ProbesState } from '../../shared/contract/probes.js';
import { sourceId } from '../../shared/sourceId.js';
import type { PaletteEntry } from './paletteEntry.js';

function entriesOf(p: ProbeSummary, loadTestRunning: boolean): PaletteEntry[] {
  const detail = `${p.kind} probe · ${p.target}`;
  const entries: PaletteEntry[] = [];
  // A load test reuses an HTTP probe's request; one runs at a time.
  if (p.kind === 'http' && !loadTestRunning) {
    entries.push({
      id: `probe.loadTest:${p.name}`,
      label: `Run load test on ${p.name}`,
      keywords: 'benchmark probe',
      detail,
      run: async (acts) => {
        await acts.call('benchmark.run', { probe: p.name });
        acts.navigate('dashboards', { tab: 'benchmark', probe: p.name });
        return `load test on ${p.name} started (1,000 requests, 10 at a time)`;
      },
    });
  }
  entries.push({
    id: `probe.logs:${p.name}`,
    label: `Open logs of ${p.name}`,
    keywords: 'probe',
    detail,
    run: (acts) => acts.navigate('logs', { source: sourceId.probe(p.name) }),
  });
  return entries;
}

/** The load test and logs of every probe the probes topic shows, and Cancel while a load test runs. */
export function probeEntries(probes: ProbesState | undefined, benchmarks: BenchmarksState | undefined): PaletteEntry[] {
  const running = benchmarks?.running;
  const entries = (probes?.probes ?? []).flatMap((p) => entriesOf(p, Boolean(running)));
  if (running) {
    entries.unshift({
      id: 'benchmark.cancel',
      label: `Cancel the load test on ${running.probe}`,
      keywords: 'benchmark stop',
      detail: `load test · ${Math.round(running.fraction * 100)}% done`,
      run: async (acts) => ((await acts.call('benchmark.cancel', { id: running.id })).cancelled ? `load test on ${running.probe} cancelled` : 'it had already finished'),
    });
  }
  return entries;
}
