import type { Signal, StackEvent } from '../../shared/stackEvents.js';

interface Sample {
  at: number;
  value: number;
}

/**
 * What Switchboard has observed of one thing (a probe, a container, …), in the
 * words rules use: last values ("up", "hitRate"), states ("health"), samples
 * kept for windows ("latency", "up") and counted occurrences ("restarts").
 */
export class SourceReadings {
  readonly last = new Map<string, number>();
  readonly states = new Map<string, string>();
  private readonly samples = new Map<string, Sample[]>();
  private readonly occurrences = new Map<string, number[]>();
  private readonly totals = new Map<string, number>();

  /** @param retainMs how long samples and occurrences are kept: the longest window any rule reads. */
  constructor(private retainMs: number) {}

  setRetention(ms: number): void {
    this.retainMs = ms;
  }

  /**
   * Takes a signal in; returns the reading it changed (see readingOf), or
   * undefined when no rule reads it or a last value stayed the same (a
   * container's memory limit every second): rules on it need no new look.
   */
  takeSignal(signal: Signal): string | undefined {
    const { at, value } = signal;
    switch (signal.name) {
      case 'probe.latency_ms':
        return this.sample('latency', at, value) ? 'latency' : undefined;
      case 'probe.up':
        return this.sample('up', at, value) ? 'up' : undefined;
      case 'cache.hit_rate':
        return this.changed('hitRate', value);
      case 'container.cpu_percent':
        return this.changed('cpu', value);
      case 'container.memory_bytes':
        return this.changed('memory', value);
      case 'container.up':
      case 'mcp.up':
      case 'engine.up':
        return this.changed('up', value);
      case 'container.healthy': {
        const health = value >= 1 ? 'healthy' : 'unhealthy';
        if (this.states.get('health') === health) return undefined;
        this.states.set('health', health);
        return 'health';
      }
      case 'container.restarts_total':
      case 'mcp.restarts_total':
        return this.total('restarts', at, value) ? 'restarts' : undefined;
      default:
        return undefined;
    }
  }

  /** Takes a stack event in; false when it is one no rule reads. */
  takeEvent(event: StackEvent): boolean {
    const detail = (key: string) => (typeof event.details?.[key] === 'string' ? (event.details[key] as string) : undefined);
    switch (event.kind) {
      case 'probe.status': {
        const status = detail('status');
        if (status) this.states.set('status', status);
        return status !== undefined;
      }
      case 'container.health': {
        const status = detail('status');
        if (status) this.states.set('health', status);
        return status !== undefined;
      }
      case 'container.oom':
        return this.occur('oomKills', event.at);
      case 'container.restart':
        // A restarts_total signal counts the same restarts; counting both would double them.
        return this.totals.has('restarts') ? false : this.occur('restarts', event.at);
      case 'container.start':
        return this.set('up', 1);
      case 'container.die':
      case 'container.stop':
        return this.set('up', 0);
      case 'mcp.state': {
        const state = detail('state');
        if (!state) return false;
        this.states.set('state', state);
        this.last.set('up', state === 'ready' ? 1 : 0);
        return true;
      }
      case 'engine.status':
        return this.set('up', event.severity === 'info' ? 1 : 0);
      default:
        return false;
    }
  }

  /** Samples of a reading inside [now - windowMs, now]. */
  samplesWithin(name: string, now: number, windowMs: number): readonly Sample[] {
    const all = this.samples.get(name) ?? [];
    const first = firstAtOrAfter(all, now - windowMs);
    return first === 0 ? all : all.slice(first);
  }

  /** How many samples the window holds and how many of them are below 1 (failed), without copying a 6-hour window. */
  countsWithin(name: string, now: number, windowMs: number): { count: number; failed: number } {
    const all = this.samples.get(name) ?? [];
    let failed = 0;
    const first = firstAtOrAfter(all, now - windowMs);
    for (let i = first; i < all.length; i++) if (all[i]!.value < 1) failed++;
    return { count: all.length - first, failed };
  }

  /** Occurrences inside the window, and when the oldest of them leaves it (the count can only drop then). */
  countWithin(name: string, now: number, windowMs: number): { count: number; dropsAt?: number } {
    const times = (this.occurrences.get(name) ?? []).filter((at) => at > now - windowMs);
    return times.length === 0 ? { count: 0 } : { count: times.length, dropsAt: times[0]! + windowMs };
  }

  /** A last value: the reading's name when it is new or different, else undefined. */
  private changed(name: string, value: number): string | undefined {
    if (this.last.get(name) === value) return undefined;
    this.last.set(name, value);
    return name;
  }

  private set(name: string, value: number): boolean {
    this.last.set(name, value);
    return true;
  }

  private sample(name: string, at: number, value: number): boolean {
    this.last.set(name, value);
    let list = this.samples.get(name);
    if (!list) this.samples.set(name, (list = []));
    list.push({ at, value });
    let drop = 0;
    while (drop < list.length && list[drop]!.at < at - this.retainMs) drop++;
    if (drop > 0) list.splice(0, drop);
    return true;
  }

  /** A counter (restarts_total): each increase is that many occurrences now; a reset (restart of Switchboard's view) is none. */
  private total(name: string, at: number, value: number): boolean {
    const before = this.totals.get(name);
    this.totals.set(name, value);
    if (before === undefined || value <= before) return value !== before;
    for (let i = 0; i < Math.min(value - before, 1000); i++) this.occur(name, at);
    return true;
  }

  private occur(name: string, at: number): boolean {
    let list = this.occurrences.get(name);
    if (!list) this.occurrences.set(name, (list = []));
    list.push(at);
    while (list.length > 0 && list[0]! < at - this.retainMs) list.shift();
    return true;
  }
}

/** The reading a condition's metric is computed from: what must have changed for its result to change. */
export function readingOf(metric: string): string {
  if (metric === 'p50' || metric === 'p95' || metric === 'p99') return 'latency';
  if (metric === 'availability' || metric === 'burnRate') return 'up';
  return metric;
}

/** Samples are in time order: the first one at or after `from`, by binary search. */
function firstAtOrAfter(samples: readonly Sample[], from: number): number {
  let low = 0;
  let high = samples.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (samples[mid]!.at < from) low = mid + 1;
    else high = mid;
  }
  return low;
}
