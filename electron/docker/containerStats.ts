import type { StatsSample } from '../../shared/contract/containers.js';
import { toDisposable, type Disposable } from '../base/disposable.js';
import { Emitter } from '../base/emitter.js';
import type { EngineConnection } from './engineConnection.js';
import { toSample, type Counters, type RawStats } from './statsMath.js';
import { StatsHistory } from './statsHistory.js';
import { StatsRounds } from './statsRounds.js';
import { openStatsStream, type StatsStream } from './statsStream.js';

interface Entry {
  refs: number;
  history: StatsHistory;
  /** The stream being opened or open, until it ends or is closed. */
  stream?: StatsStream;
  counters?: Counters;
}

const liveStates = new Set(['running', 'paused']);
const minSampleGapMs = 900;

/**
 * Docker stats streams of one engine, one per container that someone is
 * looking at: opened on the first watcher, closed on the last, and on the
 * container's die/destroy (reopened when it starts again while still watched).
 * Samples go into a ring buffer per container that outlives the stream until
 * the container is destroyed, so coming back to a chart shows its recent past.
 */
export class ContainerStats implements Disposable {
  readonly sample = new Emitter<{ id: string; sample: StatsSample }>();
  private readonly entries = new Map<string, Entry>();
  private readonly subscriptions: Disposable[];
  private readonly rounds = new StatsRounds();

  constructor(
    private readonly conn: EngineConnection,
    private readonly historyCapacity = 900,
  ) {
    this.subscriptions = [
      conn.containerChanged.on(({ id, action }) => {
        if (action === 'destroy') this.drop(id);
        else if (action === 'die' || action === 'stop' || action === 'kill' || action === 'oom') this.close(id);
        this.ensure(id);
      }),
      conn.connected.on(() => {
        for (const [id, entry] of this.entries) {
          this.closeEntry(entry);
          if (!conn.containers.has(id) && entry.refs === 0) this.entries.delete(id);
          else this.ensure(id);
        }
      }),
      conn.changed.on(() => {
        // A lost engine has no streams left: forget them so they reopen on reconnect.
        if (conn.status !== 'connected') for (const entry of this.entries.values()) this.closeEntry(entry);
      }),
    ];
  }

  /** Keeps a stats stream open for `id` until the returned Disposable is disposed. */
  watch(id: string): Disposable {
    const entry = this.entry(id);
    entry.refs++;
    this.ensure(id);
    return toDisposable(() => {
      entry.refs--;
      if (entry.refs === 0) this.closeEntry(entry);
    });
  }

  history(id: string): StatsSample[] {
    return this.entries.get(id)?.history.toArray() ?? [];
  }

  latest(id: string): StatsSample | undefined {
    return this.entries.get(id)?.history.latest();
  }

  /** How many Docker stats streams are open now (for tests and the benchmark). */
  get openStreams(): number {
    let n = 0;
    for (const e of this.entries.values()) if (e.stream) n++;
    return n;
  }

  private entry(id: string): Entry {
    let entry = this.entries.get(id);
    if (!entry) {
      entry = { refs: 0, history: new StatsHistory(this.historyCapacity) };
      this.entries.set(id, entry);
    }
    return entry;
  }

  private ensure(id: string): void {
    const entry = this.entries.get(id);
    const container = this.conn.containers.get(id);
    if (!entry || entry.refs === 0 || entry.stream) return;
    if (this.conn.status !== 'connected' || !container || !liveStates.has(container.state)) return;
    entry.counters = undefined;
    const stream: StatsStream = openStatsStream({ options: this.conn.address.options, docker: this.conn.docker, rounds: this.rounds }, id, {
      line: (line) => this.onLine(id, entry, line),
      // Refused (404/409: the container went away or stopped meanwhile; its event will say so) or ended.
      ended: () => this.forgetStream(entry, stream),
    });
    entry.stream = stream;
  }

  private forgetStream(entry: Entry, stream: StatsStream): void {
    if (entry.stream !== stream) return;
    entry.stream = undefined;
  }

  private onLine(id: string, entry: Entry, line: string): void {
    if (line.length < 2) return; // a keep-alive newline
    try {
      this.recordInto(id, entry, JSON.parse(line) as RawStats);
    } catch {
      // a torn or non-JSON line: skip it, the next one comes in a second
    }
  }

  /** Adds one raw stats message to a container's history (the stream does this; the memory benchmark feeds an hour's worth). */
  record(id: string, raw: RawStats): void {
    this.recordInto(id, this.entry(id), raw);
  }

  private recordInto(id: string, entry: Entry, raw: RawStats): void {
    // A stopped container streams empty samples (no system CPU): not worth a point on a chart.
    if (!raw.cpu_stats?.system_cpu_usage) return;
    const { sample, counters } = toSample(raw, entry.counters);
    // At most one sample a second per container reaches the history and its watchers, whatever
    // the engine sends; a skipped one leaves the counters, so the next rate spans both.
    if (entry.counters && counters.ts - entry.counters.ts < minSampleGapMs) return;
    entry.counters = counters;
    entry.history.push(sample);
    this.sample.emit({ id, sample });
  }

  private close(id: string): void {
    const entry = this.entries.get(id);
    if (entry) this.closeEntry(entry);
  }

  private closeEntry(entry: Entry): void {
    const stream = entry.stream;
    entry.stream = undefined;
    stream?.close();
  }

  private drop(id: string): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    this.closeEntry(entry);
    if (entry.refs === 0) this.entries.delete(id);
  }

  dispose(): void {
    for (const d of this.subscriptions) d.dispose();
    for (const entry of this.entries.values()) this.closeEntry(entry);
    this.entries.clear();
    this.rounds.dispose();
    this.sample.dispose();
  }
}
