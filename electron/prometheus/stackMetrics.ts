import type { Disposable } from '../base/disposable.js';
import { DisposableStore } from '../base/disposable.js';
import type { EventBus, SignalBus } from '../core/stackBus.js';
import type { McpStatus } from '../../shared/contract/mcp.js';
import { parseSourceId } from '../../shared/sourceId.js';
import type { Signal, SignalName, StackEvent } from '../../shared/stackEvents.js';
import { ExpositionWriter, formatValue, labelText } from './exposition.js';
import { latencyBucketsSeconds, mcpStateMetric, probeMetrics, signalMetrics, sourceLabel, type LabelledKind, type SignalMetric } from './metricCatalogue.js';
import { ProbeTally } from './probeTally.js';

/** What the exporter reads: the buses the composition root hands it. */
export type SignalFeed = Pick<SignalBus, 'on' | 'latest'>;
export type EventFeed = Pick<EventBus, 'on'>;

/** Every state an MCP server can be in, so the one-hot metric always has the same series. */
const mcpStates = Object.keys({
  stopped: 1, starting: 1, ready: 1, degraded: 1, exited: 1, backoff: 1, 'crash-loop': 1,
} satisfies Record<McpStatus, 1>) as McpStatus[];

/** The `le` label values, spelled once. */
const latencyBounds = latencyBucketsSeconds.map(formatValue);

/** Past this many sources the label memo starts over, so sources that come and go cannot grow it without bound. */
const maxRememberedLabels = 10_000;

/**
 * The stack as Prometheus sees it. Gauges and counters are read from the
 * signal bus's latest values at scrape time; what needs every sample (the
 * latency histogram, check counts) and MCP states (events) are tallied as they
 * arrive.
 */
export class StackMetrics implements Disposable {
  private readonly tallies = new Map<string, ProbeTally>();
  private readonly mcpStateBySource = new Map<string, McpStatus>();
  private readonly subscriptions = new DisposableStore();
  /** A source's rendered labels ('probe="api"'), escaped once, not at every scrape. */
  private readonly labelMemo = new Map<string, string | undefined>();

  constructor(private readonly signals: SignalFeed, events: EventFeed) {
    this.subscriptions.add(signals.on((signal) => this.onSignal(signal)));
    this.subscriptions.add(events.on((event) => this.onEvent(event)));
  }

  private onSignal(signal: Signal): void {
    if (signal.name !== 'probe.latency_ms' && signal.name !== 'probe.up') return;
    let tally = this.tallies.get(signal.source);
    if (!tally) this.tallies.set(signal.source, (tally = new ProbeTally()));
    if (signal.name === 'probe.latency_ms') tally.observeLatency(signal.value);
    else tally.observeCheck(signal.value);
  }

  private onEvent(event: StackEvent): void {
    if (event.kind !== 'mcp.state') return;
    const state = event.details?.state;
    if (typeof state === 'string' && (mcpStates as string[]).includes(state)) this.mcpStateBySource.set(event.source, state as McpStatus);
  }

  /** One scrape's text. */
  render(): string {
    const out = new ExpositionWriter();
    const latestByName = new Map<SignalName, Signal[]>();
    const liveSources = new Set<string>();
    const stoppedContainers = new Set<string>();
    for (const signal of this.signals.latest()) {
      liveSources.add(signal.source);
      if (signal.name === 'container.up' && signal.value === 0) stoppedContainers.add(signal.source);
      const list = latestByName.get(signal.name);
      if (list) list.push(signal);
      else latestByName.set(signal.name, [signal]);
    }
    this.writeProbes(out, liveSources);
    for (const [name, spec] of Object.entries(signalMetrics) as Array<[SignalName, SignalMetric]>) {
      this.writeSignalMetric(out, spec, latestByName.get(name) ?? [], stoppedContainers);
    }
    this.writeMcpStates(out, liveSources);
    return out.text();
  }

  private writeProbes(out: ExpositionWriter, liveSources: Set<string>): void {
    const rows: Array<[string, ProbeTally]> = [];
    for (const [source, tally] of this.tallies) {
      // A probe the bus forgot (taken out of the stack file) leaves the export with it.
      if (!liveSources.has(source)) {
        this.tallies.delete(source);
        continue;
      }
      const labels = this.labelsOf(source, 'probe');
      if (labels) rows.push([labels, tally]);
    }
    if (rows.length === 0) return;
    const { latency, checks, failures } = probeMetrics;
    out.family(latency.metric, 'histogram', latency.help);
    for (const [labels, tally] of rows) out.histogram(latency.metric, labels, latencyBounds, tally.bucketCounts, tally.sumSeconds);
    out.family(checks.metric, 'counter', checks.help);
    for (const [labels, tally] of rows) out.sample(checks.metric, labels, tally.checks);
    out.family(failures.metric, 'counter', failures.help);
    for (const [labels, tally] of rows) out.sample(failures.metric, labels, tally.failures);
  }

  private writeSignalMetric(out: ExpositionWriter, spec: SignalMetric, signals: Signal[], stoppedContainers: Set<string>): void {
    let headed = false;
    for (const signal of signals) {
      if (spec.whileRunning && stoppedContainers.has(signal.source)) continue;
      const labels = this.labelsOf(signal.source, spec.kind);
      if (!labels) continue;
      if (!headed) out.family(spec.metric, spec.type, spec.help);
      headed = true;
      out.sample(spec.metric, labels, signal.value * spec.scale);
    }
  }

  private writeMcpStates(out: ExpositionWriter, liveSources: Set<string>): void {
    let headed = false;
    for (const [source, current] of this.mcpStateBySource) {
      // Every transition also records mcp.up: a server the bus forgot is out of the stack file.
      if (!liveSources.has(source)) {
        this.mcpStateBySource.delete(source);
        continue;
      }
      const labels = this.labelsOf(source, 'mcp');
      if (!labels) continue;
      if (!headed) out.family(mcpStateMetric.metric, 'gauge', mcpStateMetric.help);
      headed = true;
      for (const state of mcpStates) out.sample(mcpStateMetric.metric, `${labels},state="${state}"`, state === current ? 1 : 0);
    }
  }

  /** The rendered labels of a source of `kind`; undefined for a source of another kind. */
  private labelsOf(source: string, kind: LabelledKind): string | undefined {
    if (!source.startsWith(`${kind}:`)) return undefined;
    if (!this.labelMemo.has(source)) {
      if (this.labelMemo.size >= maxRememberedLabels) this.labelMemo.clear();
      this.labelMemo.set(source, renderLabels(source));
    }
    return this.labelMemo.get(source);
  }

  dispose(): void {
    this.subscriptions.dispose();
  }
}

/** The source's name under its kind's label ("probe:api" → 'probe="api"'); undefined for a source of no labelled kind. */
function renderLabels(source: string): string | undefined {
  const parsed = parseSourceId(source);
  if (!parsed || parsed.kind === 'switchboard' || !(parsed.kind in sourceLabel)) return undefined;
  const kind = parsed.kind as LabelledKind;
  return labelText([[sourceLabel[kind], parsed.name]]);
}
