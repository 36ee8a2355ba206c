import { randomUUID } from 'node:crypto';
import type { BenchmarkProgress, BenchmarkResult, BenchmarksState } from '../../shared/contract/benchmark.js';
import type { Percentiles } from '../../shared/contract/probes.js';
import { SwitchboardError } from '../../shared/errors.js';
import type { HttpProbeConfig, ProbeConfig } from '../base/stackFile/probes.js';
import type { Disposable } from '../base/disposable.js';
import { Emitter } from '../base/emitter.js';
import type { AuditLog } from '../core/auditLog.js';
import { availabilityVerdict, sloVerdicts } from '../base/sloVerdicts.js';
import { SecretMasker } from '../base/secrets/secretMasker.js';
import { runLoadTest, type LoadTestOutcome, type RunningLoadTest } from './loadTest.js';

export interface BenchmarkRequest {
  probe: string;
  requests?: number;
  concurrency: number;
  durationS?: number;
}

/** The probes the load test may target, handed over by the composition root (probes' lookup). */
export interface LoadTestTargets {
  /** The named probe's settings; a load test reuses an HTTP probe's request, timeout and SLO. */
  find(name: string): ProbeConfig | undefined;
}

/** Enough to compare a handful of before/after runs without growing without bound. */
const keptResults = 20;

/**
 * The "Benchmark" action on an HTTP probe: one load test at a time (two at once
 * would measure each other), progress while it runs, results kept newest first.
 */
export class BenchmarkService implements Disposable {
  readonly changed = new Emitter<BenchmarksState>();
  private running: { progress: BenchmarkProgress; test: RunningLoadTest } | undefined;
  private results: BenchmarkResult[] = [];
  private disposed = false;

  constructor(
    private readonly probes: LoadTestTargets,
    private readonly audit: AuditLog,
    /** The URL, errors and log lines go through it (a probe URL's password). */
    private readonly secrets = new SecretMasker(),
  ) {}

  state(): BenchmarksState {
    return this.running ? { running: { ...this.running.progress }, results: this.results } : { results: this.results };
  }

  start(request: BenchmarkRequest): { id: string } {
    const config = this.probes.find(request.probe);
    if (!config) throw new SwitchboardError('not_found', `no probe named "${request.probe}" in the stack file`);
    if (!('url' in config)) throw new SwitchboardError('invalid_params', `probe "${request.probe}" is not an HTTP probe; only HTTP probes can be load-tested`);
    if (this.running) {
      throw new SwitchboardError('conflict', `a load test of "${this.running.progress.probe}" is still running; cancel it or wait for it to finish`);
    }
    const requests = request.requests ?? (request.durationS === undefined ? 1_000 : undefined);
    const id = randomUUID();
    const startedAt = Date.now();
    const shownUrl = this.secrets.mask(config.url);
    const progress: BenchmarkProgress = { id, probe: request.probe, url: shownUrl, startedAt, elapsedMs: 0, done: 0, fraction: 0 };
    if (requests !== undefined) progress.requests = requests;
    else if (request.durationS !== undefined) progress.durationS = request.durationS;
    const test = runLoadTest(
      {
        url: config.url,
        method: config.method,
        headers: config.headers,
        ...(config.body !== undefined ? { body: config.body } : {}),
        ...(requests !== undefined ? { requests } : { durationS: request.durationS! }),
        concurrency: request.concurrency,
        timeoutMs: config.timeout,
      },
      (p) => {
        if (this.running?.progress.id !== id) return;
        Object.assign(this.running.progress, p);
        this.emit();
      },
    );
    this.running = { progress, test };
    const settings = { concurrency: request.concurrency, ...(requests !== undefined ? { requests } : { durationS: request.durationS! }) };
    this.log(`load test of ${request.probe} started: ${config.method} ${shownUrl}, ${requests !== undefined ? `${requests} requests` : `${request.durationS} s`}, concurrency ${request.concurrency}`);
    test.done.then(
      (outcome) => this.finish(progress, config, settings, outcome),
      (err: Error) => this.finish(progress, config, settings, undefined, this.secrets.mask(err.message)),
    );
    this.emit();
    return { id };
  }

  cancel(id?: string): boolean {
    if (!this.running || (id !== undefined && this.running.progress.id !== id)) return false;
    this.running.test.cancel();
    return true;
  }

  forget(id: string): boolean {
    const before = this.results.length;
    this.results = this.results.filter((r) => r.id !== id);
    if (this.results.length !== before) this.emit();
    return this.results.length !== before;
  }

  private finish(progress: BenchmarkProgress, config: HttpProbeConfig, settings: BenchmarkResult['settings'], outcome?: LoadTestOutcome, error?: string): void {
    if (this.disposed) return;
    this.running = undefined;
    const result: BenchmarkResult = {
      id: progress.id,
      probe: progress.probe,
      url: progress.url,
      startedAt: progress.startedAt,
      finishedAt: Date.now(),
      status: error ? 'failed' : outcome?.cancelled ? 'cancelled' : 'completed',
      settings,
      requests: outcome?.responses ?? 0,
      durationMs: outcome?.durationMs ?? 0,
      reqPerSec: outcome?.reqPerSec ?? 0,
      latencyMs: outcome?.latencyMs ?? { min: 0, mean: 0, p50: 0, p90: 0, p95: 0, p99: 0, max: 0 },
      histogram: outcome?.histogram ?? [],
      errors: (outcome?.errors ?? []).map((e) => ({ ...e, kind: this.secrets.mask(e.kind) })),
      statusCodes: outcome?.statusCodes ?? {},
      verdict: outcome ? benchmarkVerdict(config, outcome) : [],
    };
    if (error) result.error = error;
    this.results = [result, ...this.results].slice(0, keptResults);
    const errorCount = result.errors.reduce((n, e) => n + e.count, 0);
    this.log(
      result.status === 'failed'
        ? `load test of ${progress.probe} failed: ${error}`
        : `load test of ${progress.probe} ${result.status}: ${result.requests} responses, ${result.reqPerSec.toFixed(0)} req/s, p50 ${result.latencyMs.p50.toFixed(1)} ms, p99 ${result.latencyMs.p99.toFixed(1)} ms, ${errorCount} errors`,
      result.status === 'failed' ? 'error' : 'info',
    );
    this.emit();
  }

  private log(text: string, level: 'info' | 'error' = 'info'): void {
    this.audit.note(text, level);
  }

  private emit(): void {
    if (!this.disposed) this.changed.emit(this.state());
  }

  dispose(): void {
    if (this.disposed) return;
    this.running?.test.cancel();
    this.disposed = true;
    this.running = undefined;
    this.changed.dispose();
  }
}

/** The probe's objectives checked against one run; availability counts every answered 2xx. */
export function benchmarkVerdict(config: HttpProbeConfig, outcome: LoadTestOutcome) {
  const percentiles: Percentiles = { p50: outcome.latencyMs.p50, p95: outcome.latencyMs.p95, p99: outcome.latencyMs.p99, count: outcome.responses };
  const failed = outcome.errors.reduce((n, e) => n + e.count, 0);
  const attempts = outcome.responses + outcome.errors.filter((e) => !e.kind.startsWith('status ')).reduce((n, e) => n + e.count, 0);
  const verdicts = sloVerdicts({ ...config.slo, availability: undefined }, percentiles, attempts, failed);
  if (config.slo?.availability !== undefined) verdicts.push(availabilityVerdict(config.slo.availability, attempts, failed));
  return verdicts;
}
