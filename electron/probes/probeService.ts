import type { ProbeRange, ProbeSample, ProbeSeriesSnapshot, ProbesState, ProbeSummary } from '../../shared/contract/probes.js';
import { sourceId } from '../../shared/sourceId.js';
import type { ProbeConfig } from '../base/stackFile/probes.js';
import { toDisposable, type Disposable } from '../base/disposable.js';
import { Emitter } from '../base/emitter.js';
import type { LogWriter } from '../core/logWriter.js';
import { ProbeConnections } from './http/probeConnections.js';
import { ProbeHistory } from './probeHistory.js';
import { DeadlineScheduler } from '../base/deadlineScheduler.js';
import { readingAddress, readingPhases } from '../base/readingPhase.js';
import { probeKind, probeTarget, runProbe } from './runProbe.js';
import { sloVerdicts } from '../base/sloVerdicts.js';
import { SecretMasker } from '../base/secrets/secretMasker.js';

interface Probe {
  name: string;
  config: ProbeConfig;
  key: string;
  /** The target as shown (secrets masked), worked out once per config rather than in every summary. */
  target: string;
  history: ProbeHistory;
  job: Disposable;
  summary: ProbeSummary | undefined;
}

export interface ProbeServiceOptions {
  logs: LogWriter;
  /** Where relative `cwd`s of command probes resolve. */
  baseDir: () => string;
  /** Targets and errors go through it before they are shown or logged (a URL's password, --token x). */
  secrets?: SecretMasker;
}

/** The service a probe reads, so its beat can be shared with the cache counters of the same service. */
function probeAddress(config: ProbeConfig): string | undefined {
  if ('url' in config) return readingAddress(config.url);
  if ('tcp' in config) return readingAddress(config.tcp);
  return undefined;
}

/**
 * Runs the stack file's probes on their schedules and remembers what they saw.
 * Config reloads keep a probe's history as long as its target stays the same.
 */
export class ProbeService implements Disposable {
  /** A probe took a sample. */
  readonly sampled = new Emitter<{ probe: string; sample: ProbeSample }>();
  readonly scheduler = new DeadlineScheduler();
  private readonly probes = new Map<string, Probe>();
  private readonly connections = new ProbeConnections();
  private disposed = false;
  /** How many readers want summaries kept fresh (see watchSummaries). */
  private watchers = 0;
  private readonly secrets: SecretMasker;

  constructor(private readonly options: ProbeServiceOptions) {
    this.secrets = options.secrets ?? new SecretMasker();
  }

  /** The target as shown and logged; a command's arguments one by one, so a flag's value is known as one. */
  private target(config: ProbeConfig): string {
    return 'command' in config ? this.secrets.maskArgs(config.command).join(' ') : this.secrets.mask(probeTarget(config));
  }

  apply(configs: Record<string, ProbeConfig>): void {
    for (const [name, probe] of this.probes) {
      if (!(name in configs)) {
        probe.job.dispose();
        this.probes.delete(name);
      }
    }
    const phases = readingPhases(Object.entries(configs).map(([name, config]) => ({ name, address: probeAddress(config), everyMs: config.every })));
    for (const [name, config] of Object.entries(configs)) {
      const key = JSON.stringify(config);
      const existing = this.probes.get(name);
      if (existing?.key === key) {
        // A reload may have taught the masker a new secret: the shown target follows.
        existing.target = this.target(config);
        existing.summary = undefined;
        continue;
      }
      existing?.job.dispose();
      const sameTarget = existing && probeTarget(existing.config) === probeTarget(config);
      const probe: Probe = { name, config, key, target: this.target(config), history: sameTarget ? existing.history : new ProbeHistory(), job: undefined!, summary: undefined };
      probe.job = this.scheduler.add(config.every, () => this.runOnce(probe), phases.get(name)!);
      this.probes.set(name, probe);
    }
  }

  private async runOnce(probe: Probe): Promise<void> {
    const ts = Date.now();
    const result = await runProbe(probe.config, { connections: this.connections, baseDir: this.options.baseDir() });
    if (this.disposed || this.probes.get(probe.name) !== probe) return;
    const sample: ProbeSample = { ts, latencyMs: Math.round(result.latencyMs * 1000) / 1000, outcome: result.outcome };
    if (result.error) sample.error = this.secrets.mask(result.error);
    this.logTransition(probe, sample);
    probe.history.record(sample);
    probe.summary = undefined;
    // Watched: recompute now, one probe at a time at its own phase, instead of all at once when the state is read.
    if (this.watchers > 0) this.summary(probe.name, sample.ts);
    this.sampled.emit({ probe: probe.name, sample });
  }

  /**
   * While held, each probe's summary is recomputed as its sample arrives (~0.1 ms,
   * spread over the interval like the probes themselves) so `state()` only reads
   * cached ones. Without watchers summaries are computed lazily on read. Reading
   * 100 probes' 9 percentiles in one go blocked the loop for ~4 ms, enough to
   * make probe timers late.
   */
  watchSummaries(): Disposable {
    this.watchers++;
    let held = true;
    return toDisposable(() => {
      if (!held) return;
      held = false;
      this.watchers--;
    });
  }

  /** Failures go to the log hub when a probe starts failing, changes its reason, or recovers. */
  private logTransition(probe: Probe, sample: ProbeSample): void {
    const before = probe.history.last;
    // The source name is built only when there is something to log, not for every healthy sample.
    if (sample.outcome !== 'ok' && (before?.outcome === 'ok' || before?.error !== sample.error || !before)) {
      this.options.logs.write({ source: sourceId.probe(probe.name), stream: 'system', level: 'warn', text: `${probe.target}: ${sample.outcome}: ${sample.error ?? ''}`.trim(), ts: sample.ts });
    } else if (sample.outcome === 'ok' && before && before.outcome !== 'ok') {
      this.options.logs.write({ source: sourceId.probe(probe.name), stream: 'system', level: 'info', text: `${probe.target}: ok again (${sample.latencyMs.toFixed(1)} ms)`, ts: sample.ts });
    }
  }

  has(name: string): boolean {
    return this.probes.has(name);
  }

  config(name: string): ProbeConfig | undefined {
    return this.probes.get(name)?.config;
  }

  summary(name: string, now = Date.now()): ProbeSummary | undefined {
    const probe = this.probes.get(name);
    if (!probe) return undefined;
    // Cached until the next sample: windows only move when samples arrive.
    if (probe.summary) return probe.summary;
    const w1 = probe.history.window('1m', now);
    const w5 = probe.history.window('5m', now);
    const w15 = probe.history.window('15m', now);
    const strip = ({ p50, p95, p99, count }: typeof w1) => ({ p50, p95, p99, count });
    const summary: ProbeSummary = {
      name,
      kind: probeKind(probe.config),
      target: probe.target,
      everyMs: probe.config.every,
      timeoutMs: probe.config.timeout,
      windows: { '1m': strip(w1), '5m': strip(w5), '15m': strip(w15) },
      availability15m: w15.runs > 0 ? 1 - w15.failed / w15.runs : null,
      slo: sloVerdicts(probe.config.slo, w15, w15.runs, w15.failed),
    };
    if (probe.history.last) summary.last = probe.history.last;
    probe.summary = summary;
    return summary;
  }

  state(): ProbesState {
    const now = Date.now();
    return { probes: [...this.probes.keys()].sort().map((name) => this.summary(name, now)!) };
  }

  series(name: string, range: ProbeRange): ProbeSeriesSnapshot | undefined {
    return this.probes.get(name)?.history.snapshot(name, range, Date.now());
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.scheduler.dispose();
    this.probes.clear();
    this.connections.dispose();
    this.sampled.dispose();
  }
}
