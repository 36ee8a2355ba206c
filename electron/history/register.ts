import type { AppContext } from '../core/appContext.js';
import type { StoredEvent } from '../../shared/contract/history.js';
import { HistoryService, type HistoryOptions } from './historyService.js';

export type HistoryDependencies = Omit<HistoryOptions, 'baseDir'>;

// The status shows the file growing; a count over the events table every few seconds costs little.
const statusEveryMs = 5_000;

/**
 * Wires history to the contract: it listens to the stack's event and signal
 * buses (from the composition root, with the log hub's recent lines for
 * evidence), serves history.events / history.event / history.series, and the
 * history.status and history.live topics. It follows `history:` edits.
 */
export function registerHistory(ctx: AppContext, deps: HistoryDependencies): HistoryService {
  const history = ctx.disposables.add(new HistoryService({ ...deps, baseDir: () => ctx.config.baseDir() }));
  history.apply(ctx.config.current());
  ctx.disposables.add(ctx.config.changed.on((config) => history.apply(config)));
  const status = history.status();
  if (status.enabled) ctx.audit.note(`history: recording to ${status.path}`);
  else ctx.audit.note(`history: off (${status.reason})`);

  ctx.commands.handle('history.events', (params) => history.store?.events(params) ?? { events: [] });
  ctx.commands.handle('history.event', (params) => history.store?.event(params.id) ?? null);
  ctx.commands.handle('history.series', async (params) => {
    const source = history.series();
    if (!source) return { points: [], from: 'history is off' };
    try {
      return { points: await source.range(params), from: source.describe() };
    } catch (error) {
      throw new Error(ctx.secrets.mask(`${source.describe()}: ${error instanceof Error ? error.message : String(error)}`), { cause: error });
    }
  });

  ctx.topics.provide('history.status', (_params, sink) => {
    sink.snapshot(history.status());
    const timer = setInterval(() => sink.state(history.status()), statusEveryMs);
    const changed = history.changed.on(() => sink.state(history.status()));
    return { dispose: () => (clearInterval(timer), changed.dispose()) };
  });

  ctx.topics.provide('history.live', (_params, sink) => {
    sink.snapshot([] as StoredEvent[]);
    return history.recorded.on((events) => {
      for (const event of events) sink.append(event);
    });
  });
  return history;
}
