import { Emitter } from '../base/emitter.js';
import { DisposableStore, toDisposable, type Disposable } from '../base/disposable.js';
import type { StackConfig } from '../base/stackFile/stack.js';
import type { SeriesSource } from '../core/seriesSource.js';
import type { HistoryStatus, StoredEvent } from '../../shared/contract/history.js';
import type { Signal, StackEvent } from '../../shared/stackEvents.js';
import { HistoryStore } from './historyStore.js';
import { flushSchedule } from './flushSchedule.js';
import { HistoryRecorder, type EvidenceLines } from './historyRecorder.js';
import { historyFilePath } from './dataFolder.js';

/** The buses as history needs them: something to listen on (core's EventBus and SignalBus fit). */
export interface StackListeners {
  events: { on(listener: (event: StackEvent) => void): Disposable };
  /** In batches as they were recorded together (a stats tick is one call, not one per container and signal). */
  signals: { onBatch(listener: (signals: readonly Signal[]) => void): Disposable };
}

export interface HistoryOptions extends StackListeners {
  evidence: EvidenceLines;
  /** The folder default databases go in (userData in Electron, XDG data elsewhere). */
  dataFolder: string;
  /** Relative `history.path` values resolve here (the stack file's folder). */
  baseDir: () => string;
  /** Charts read series here when given (Prometheus); otherwise from the embedded store. */
  series?: SeriesSource;
  flushEveryMs?: number;
  pruneEveryMs?: number;
}

/** flushSchedule writes what waits within 1.25 periods: 800 ms keeps the promise that a SIGKILL loses at most the last second. */
const flushEveryMs = 800;

interface Open {
  store: HistoryStore;
  recorder: HistoryRecorder;
  own: DisposableStore;
  retainMs: number;
  maxBytes: number;
  lastPrunedAt?: number;
}

/**
 * History as the app runs it: the store the stack file asks for, opened,
 * recorded into, flushed each second, pruned every few minutes, and reopened
 * when `history:` changes. A store that cannot open leaves the app running and
 * says why in the status.
 */
export class HistoryService implements Disposable {
  /** The status changed (opened, pruned, a problem). */
  readonly changed = new Emitter<void>();
  /** Events committed to the store, with ids. */
  readonly recorded = new Emitter<StoredEvent[]>();
  private current?: Open;
  private problem?: string;
  private disabledReason = 'history: false in the stack file';

  constructor(private readonly options: HistoryOptions) {}

  apply(config: StackConfig): void {
    const settings = config.history;
    if (settings === false) {
      this.closeCurrent();
      this.disabledReason = 'history: false in the stack file';
      this.changed.emit();
      return;
    }
    const path = historyFilePath(settings, config.name, this.options.dataFolder, this.options.baseDir());
    if (this.current && this.current.store.path === path) {
      this.current.retainMs = settings.retain;
      this.current.maxBytes = settings.maxBytes;
      this.prune();
      return;
    }
    this.closeCurrent();
    try {
      this.current = this.open(path, settings.retain, settings.maxBytes);
      delete this.problem;
      this.prune();
    } catch (error) {
      this.problem = `cannot open ${path}: ${error instanceof Error ? error.message : String(error)}`;
      this.disabledReason = this.problem;
    }
    this.changed.emit();
  }

  private open(path: string, retainMs: number, maxBytes: number): Open {
    const store = new HistoryStore(path);
    const own = new DisposableStore();
    own.add(toDisposable(() => store.close()));
    const recorder = own.add(new HistoryRecorder(store, this.options.evidence));
    own.add(recorder.recorded.on((events) => this.recorded.emit(events)));
    // Registered before the recorder's own disposal below runs, so the final flush is the recorder's.
    const flushes = flushSchedule(() => recorder.flush(), () => recorder.idle, this.options.flushEveryMs ?? flushEveryMs);
    own.add(this.options.events.on((e) => (recorder.onEvent(e), flushes.arrived())));
    own.add(this.options.signals.onBatch((batch) => (recorder.onSignals(batch), flushes.arrived())));
    own.add(flushes);
    const prune = setInterval(() => this.prune(), this.options.pruneEveryMs ?? 10 * 60_000);
    prune.unref?.();
    own.add(toDisposable(() => clearInterval(prune)));
    return { store, recorder, own, retainMs, maxBytes };
  }

  /** Drops what retention and the size cap no longer keep. */
  prune(now = Date.now()): void {
    const c = this.current;
    if (!c) return;
    try {
      c.recorder.flush(now);
      c.store.prune(now, c.retainMs, c.maxBytes);
      c.lastPrunedAt = now;
      delete this.problem;
    } catch (error) {
      this.problem = `pruning failed: ${error instanceof Error ? error.message : String(error)}`;
    }
    this.changed.emit();
  }

  /** The open store, when history is on and it opened. */
  get store(): HistoryStore | undefined {
    return this.current?.store;
  }

  /** Commits what is waiting now (tests and the bench; the timer does it each second). */
  flush(): void {
    this.current?.recorder.flush();
  }

  /** Where charts read series from: the configured source, else the store. */
  series(): SeriesSource | undefined {
    return this.options.series ?? this.current?.store;
  }

  status(): HistoryStatus {
    const c = this.current;
    if (!c) return { enabled: false, reason: this.problem ?? this.disabledReason };
    const counts = c.store.counts();
    const problem = this.problem ?? (c.recorder.lastError ? `writing failed: ${c.recorder.lastError}` : undefined);
    return {
      enabled: true,
      path: c.store.path,
      bytes: c.store.bytes(),
      maxBytes: c.maxBytes,
      retainMs: c.retainMs,
      events: counts.events,
      series: counts.series,
      seriesFrom: (this.options.series ?? c.store).describe(),
      ...(counts.oldest !== undefined ? { oldest: counts.oldest } : {}),
      ...(c.lastPrunedAt !== undefined ? { lastPrunedAt: c.lastPrunedAt } : {}),
      ...(problem ? { problem } : {}),
    };
  }

  private closeCurrent(): void {
    const c = this.current;
    delete this.current;
    c?.own.dispose();
  }

  dispose(): void {
    this.closeCurrent();
    this.changed.dispose();
    this.recorded.dispose();
  }
}
