import type { CacheSourceState, CacheState, HitRatePoint } from '../../shared/contract/cache.js';
import { sourceId } from '../../shared/sourceId.js';
import type { CacheSourceConfig } from '../base/stackFile/cache.js';
import type { Disposable } from '../base/disposable.js';
import { Emitter } from '../base/emitter.js';
import type { LogWriter } from '../core/logWriter.js';
import { minMaxBuckets } from '../base/metrics/downsample.js';
import { DeadlineScheduler } from '../base/deadlineScheduler.js';
import { readingAddress, readingPhases } from '../base/readingPhase.js';
import { createCounterSource, type CounterSource } from './counterSources.js';
import { HitRateWindow } from './hitRateWindow.js';
import { SecretMasker } from '../base/secrets/secretMasker.js';

/** The service a source reads, so its beat can be shared with that service's health probe. */
function sourceAddress(config: CacheSourceConfig): string | undefined {
  if ('prometheus' in config) return readingAddress(config.prometheus);
  if ('json' in config) return readingAddress(config.json);
  return readingAddress(config.redis);
}

/** The chart shows the last 15 minutes. */
const historyMs = 15 * 60_000;
const maxPoints = 1_000;

interface Source {
  name: string;
  config: CacheSourceConfig;
  key: string;
  reader: CounterSource;
  window: HitRateWindow;
  history: HitRatePoint[];
  lastReadAt?: number;
  error?: string;
  job: Disposable;
}

/** Polls each cache source on its schedule and keeps its hit rate over the configured window. */
export interface CacheReading {
  name: string;
  ts: number;
  hitRate: number | null;
  target: number;
  hitsTotal: number;
  missesTotal: number;
}

export class CacheService implements Disposable {
  /** A successful reading: the hit rate over the window and the counters as read (for stack signals). */
  readonly read = new Emitter<CacheReading>();
  readonly changed = new Emitter<void>();
  private readonly sources = new Map<string, Source>();
  // The probes' scheduler: absolute deadlines, and a hung source never delays another.
  private readonly scheduler = new DeadlineScheduler();

  constructor(
    private readonly logs: LogWriter,
    /** Addresses and error lines go through it before they are shown or logged. */
    private readonly secrets = new SecretMasker(),
  ) {}

  apply(configs: Record<string, CacheSourceConfig>): void {
    for (const [name, source] of this.sources) {
      if (!(name in configs) || JSON.stringify(configs[name]) !== source.key) this.remove(name);
    }
    const phases = readingPhases(Object.entries(configs).map(([name, config]) => ({ name, address: sourceAddress(config), everyMs: config.every })));
    for (const [name, config] of Object.entries(configs)) {
      if (this.sources.has(name)) continue;
      const source: Source = {
        name,
        config,
        key: JSON.stringify(config),
        reader: createCounterSource(config),
        window: new HitRateWindow(config.window),
        history: [],
        job: undefined!,
      };
      source.job = this.scheduler.add(config.every, () => this.poll(source), phases.get(name)!);
      this.sources.set(name, source);
    }
    this.changed.emit();
  }

  private remove(name: string): void {
    const source = this.sources.get(name);
    if (!source) return;
    source.job.dispose();
    source.reader.dispose();
    this.sources.delete(name);
  }

  /** Reads once now; the scheduler calls this, and so can tests. */
  async poll(source: Source): Promise<void> {
    const ts = Date.now();
    try {
      const counters = await source.reader.read();
      if (this.sources.get(source.name) !== source) return;
      const resetsBefore = source.window.resets;
      source.window.add({ ts, ...counters });
      if (source.window.resets > resetsBefore) {
        this.logs.write({ source: sourceId.cache(source.name), stream: 'system', level: 'info', text: `counters went backwards (restart?): starting a new baseline` });
      }
      if (source.error) this.logs.write({ source: sourceId.cache(source.name), stream: 'system', level: 'info', text: `readable again` });
      source.error = undefined;
      source.lastReadAt = ts;
      source.history.push(source.window.point());
      const current = source.window.current();
      this.read.emit({ name: source.name, ts, hitRate: current.rate, target: source.config.target, hitsTotal: counters.hits, missesTotal: counters.misses });
      while (source.history.length > 0 && source.history[0]!.ts < ts - historyMs) source.history.shift();
    } catch (err) {
      if (this.sources.get(source.name) !== source) return;
      const message = this.secrets.mask((err as Error).message);
      if (message !== source.error) this.logs.write({ source: sourceId.cache(source.name), stream: 'system', level: 'warn', text: message });
      source.error = message;
    }
    this.changed.emit();
  }

  /** Polls every source once, for callers that want a reading now (tests, a manual refresh). */
  async pollAll(): Promise<void> {
    await Promise.all([...this.sources.values()].map((s) => this.poll(s)));
  }

  /** `withHistory: false` leaves each source's history empty (a screen that shows only the current rate). */
  state(withHistory = true): CacheState {
    return {
      sources: [...this.sources.values()]
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((s): CacheSourceState => {
          const current = s.window.current();
          const state: CacheSourceState = {
            name: s.name,
            kind: s.reader.kind,
            target: s.config.target,
            address: this.secrets.mask(s.reader.address),
            hitRate: current.rate,
            hits: current.hits,
            misses: current.misses,
            windowMs: s.config.window,
            everyMs: s.config.every,
            resets: s.window.resets,
            history: withHistory ? minMaxBuckets(s.history, maxPoints, (p) => p.rate ?? 0) : [],
          };
          if (s.lastReadAt !== undefined) state.lastReadAt = s.lastReadAt;
          if (s.error !== undefined) state.error = s.error;
          return state;
        }),
    };
  }

  dispose(): void {
    this.scheduler.dispose();
    for (const name of [...this.sources.keys()]) this.remove(name);
    this.changed.dispose();
    this.read.dispose();
  }
}
