import type { StatsTable } from '../../shared/contract/containers.js';
import type { Disposable } from '../base/disposable.js';
import type { DockerService } from './dockerService.js';

/**
 * The stack-wide CPU/memory table: keeps a stats stream open for every running
 * container of the stack while someone looks at the table, and hands out the
 * latest samples at most once a second (the rate Docker produces them).
 */
export function watchStatsTable(service: DockerService, onTable: (table: StatsTable) => void, intervalMs = 1000): Disposable {
  const watching = new Map<string, Disposable>();
  const sampleSubs: Disposable[] = [];
  let timer: NodeJS.Timeout | undefined;
  let disposed = false;

  const table = (): StatsTable => {
    const rows: StatsTable['rows'] = [];
    for (const e of service.engines()) {
      for (const c of e.containers()) {
        if (!e.inStack(c) || c.state !== 'running') continue;
        const latest = e.stats.latest(c.id);
        rows.push({
          engine: e.name,
          id: c.id,
          name: c.name,
          ...(c.project ? { project: c.project } : {}),
          ...(c.networkMode ? { networkMode: c.networkMode } : {}),
          ...(latest ? { latest } : {}),
        });
      }
    }
    rows.sort((a, b) => a.name.localeCompare(b.name));
    return { rows };
  };

  let lastEmit = -Infinity;
  const emit = () => {
    timer = undefined;
    if (disposed) return;
    lastEmit = performance.now();
    onTable(table());
  };
  // Leading edge: the first sample a second after the last table goes out with it, in the wake-up
  // that brought the sample, rather than a timer of its own a second later; samples in between wait.
  const emitSoon = () => {
    if (timer || disposed) return;
    const wait = lastEmit + intervalMs - performance.now();
    if (wait <= 0) emit();
    else timer = setTimeout(emit, wait);
  };

  const resync = () => {
    const wanted = new Set<string>();
    for (const e of service.engines()) {
      for (const c of e.containers()) {
        if (!e.inStack(c) || c.state !== 'running') continue;
        const key = `${e.name}/${c.id}`;
        wanted.add(key);
        if (!watching.has(key)) watching.set(key, e.stats.watch(c.id));
      }
    }
    for (const [key, d] of watching) {
      if (!wanted.has(key)) {
        d.dispose();
        watching.delete(key);
      }
    }
    emitSoon();
  };

  const rebind = () => {
    for (const d of sampleSubs.splice(0)) d.dispose();
    for (const d of watching.values()) d.dispose();
    watching.clear();
    for (const e of service.engines()) sampleSubs.push(e.stats.sample.on(emitSoon));
    resync();
  };

  const changedSub = service.changed.on(resync);
  const resetSub = service.reset.on(rebind);
  // The first table goes out now; the streams' first samples follow a second later, as before.
  lastEmit = performance.now();
  rebind();
  onTable(table());

  return {
    dispose() {
      disposed = true;
      if (timer) clearTimeout(timer);
      changedSub.dispose();
      resetSub.dispose();
      for (const d of sampleSubs) d.dispose();
      for (const d of watching.values()) d.dispose();
      watching.clear();
    },
  };
}
