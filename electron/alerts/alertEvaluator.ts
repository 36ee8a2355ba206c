import type { Disposable } from '../base/disposable.js';
import { DisposableStore } from '../base/disposable.js';
import { Emitter } from '../base/emitter.js';
import type { StackConfig } from '../base/stackFile/stack.js';
import { defaultMetricWindowMs, type AlertTargetKind } from '../base/stackFile/alertMetrics.js';
import { parseSourceId, type ParsedSourceId } from '../../shared/sourceId.js';
import type { Signal, StackEvent } from '../../shared/stackEvents.js';
import { firingAlerts, type AlertsState, type AlertView } from '../../shared/contract/alerts.js';
import { severityRank } from '../../shared/stackEvents.js';
import { AlertBook, defaultBookOptions, type BookOptions, type Transition } from './alertBook.js';
import { alertRulesOf, offRuleView, ruleView, type AlertRule } from './alertRules.js';
import { checkCondition, type ConditionResult, type TargetsOf } from './conditionCheck.js';
import { readingOf, SourceReadings } from './sourceReadings.js';

/** The two buses, as far as alerts need them: something to listen on. */
export interface StackFeeds {
  events: { on(listener: (event: StackEvent) => void): Disposable };
  /** In batches as they were recorded together: a stats tick of 20 containers is one evaluation pass, not 100. */
  signals: { onBatch(listener: (signals: readonly Signal[]) => void): Disposable };
}

export type AlertConfig = Pick<StackConfig, 'alerts' | 'notify' | 'probes' | 'cache' | 'mcpServers'>;

/** Past this many source ids the parse memo starts over, so sources that come and go cannot grow it without bound. */
const maxParsedSources = 10_000;

export interface EvaluatorOptions {
  now?: () => number;
  book?: BookOptions;
}

/**
 * Rules evaluated when their inputs arrive: a signal or event re-checks only
 * the rules on its source, and one timer waits for the nearest deadline (a
 * for: running out, a window sliding, a silence ending). No polling: with
 * nothing arriving and nothing pending, it costs nothing.
 */
export class AlertEvaluator implements Disposable {
  readonly transitions = new Emitter<Transition>();
  /** The view changed (an alert appeared, moved, left; a silence came or went). */
  readonly changed = new Emitter<void>();
  /** The firing list changed (a firing, its value as shown, an acknowledgement, a silence, a resolution); a pending alert moving is not told here. */
  readonly firingChanged = new Emitter<void>();
  private firingTold = '[]';
  readonly book: AlertBook;
  private rules: AlertRule[] = [];
  private off: string[] = [];
  private rulesByKind = new Map<AlertTargetKind, AlertRule[]>();
  /** The rules whose glob matches a source, found once per source and config rather than 500 regex tests per arrival. */
  private readonly rulesBySource = new Map<string, AlertRule[]>();
  private config!: AlertConfig;
  private readonly readings = new Map<string, SourceReadings>();
  /** Each source id parsed once, not per signal (100 a second from 20 containers' stats); bounded like the exporter's label memo. */
  private readonly parsedSources = new Map<string, ParsedSourceId | undefined>();
  private readonly retention = new Map<AlertTargetKind, number>();
  private readonly store = new DisposableStore();
  private timer: NodeJS.Timeout | undefined;
  private timerAt: number | undefined;
  private readonly now: () => number;

  constructor(feeds: StackFeeds, config: AlertConfig, options: EvaluatorOptions = {}) {
    this.now = options.now ?? Date.now;
    this.book = new AlertBook(options.book ?? defaultBookOptions);
    this.setConfig(config);
    this.store.add(feeds.signals.onBatch((signals) => this.takeSignals(signals)));
    this.store.add(
      feeds.events.on((event) => {
        // A removed container will say nothing more: its alerts resolve now rather than fire forever.
        if (event.kind === 'container.destroy') {
          this.retire(event.source);
          this.settle();
        } else this.take(event.source, (r) => r.takeEvent(event));
      }),
    );
  }

  setConfig(config: AlertConfig): void {
    this.config = config;
    ({ rules: this.rules, off: this.off } = alertRulesOf(config));
    this.rulesByKind = new Map();
    this.rulesBySource.clear();
    this.retention.clear();
    for (const rule of this.rules) {
      this.rulesByKind.set(rule.kind, [...(this.rulesByKind.get(rule.kind) ?? []), rule]);
      const longest = Math.max(defaultMetricWindowMs, ...rule.condition.kind === 'compare' ? rule.condition.windowsMs : []);
      this.retention.set(rule.kind, Math.max(this.retention.get(rule.kind) ?? 0, longest));
    }
    for (const [source, readings] of this.readings) {
      const kind = parseSourceId(source)?.kind as AlertTargetKind;
      readings.setRetention(this.retention.get(kind) ?? defaultMetricWindowMs);
    }
    if (this.book.forgetRulesExcept(new Set(this.rules.map((r) => r.name)))) this.book.viewChanged = true;
    // Probes, caches and MCP servers exist only as the stack file names them: one taken out resolves its alerts.
    for (const source of [...this.readings.keys()]) if (this.isGoneFromConfig(source)) this.retire(source);
    // New rules look at what is already known at once, rather than at the next sample.
    for (const source of this.readings.keys()) this.evaluate(source);
    this.settle();
  }

  state(): AlertsState {
    const active = this.book.active();
    const firing = firingAlerts(active);
    const worst = firing.reduce<AlertsState['worst']>((w, a) => (w === undefined || severityRank[a.severity] > severityRank[w] ? a.severity : w), undefined);
    return {
      active,
      resolved: this.book.recentResolutions(),
      rules: [...this.rules.map((r) => ruleView(r)), ...this.off.map(offRuleView)],
      silences: this.book.activeSilences(),
      ...(worst ? { worst } : {}),
    };
  }

  /** The firing alerts, worst first: the banner's and the notifications' list. */
  firing(): AlertView[] {
    return firingAlerts(this.book.active());
  }

  /** After a silence or an acknowledgement: the view and the timer follow. */
  touched(): void {
    this.book.viewChanged = true;
    this.settle();
  }

  private isGoneFromConfig(source: string): boolean {
    const parsed = parseSourceId(source);
    if (parsed?.kind === 'probe') return !(parsed.name in this.config.probes);
    if (parsed?.kind === 'cache') return !(parsed.name in this.config.cache);
    if (parsed?.kind === 'mcp') return !(parsed.name in this.config.mcpServers);
    return false;
  }

  private parsed(source: string): ParsedSourceId | undefined {
    if (this.parsedSources.has(source)) return this.parsedSources.get(source);
    if (this.parsedSources.size >= maxParsedSources) this.parsedSources.clear();
    const parsed = parseSourceId(source);
    this.parsedSources.set(source, parsed);
    return parsed;
  }

  private retire(source: string): void {
    this.parsedSources.delete(source);
    this.readings.delete(source);
    this.rulesBySource.delete(source);
    for (const transition of this.book.retireSource(source, this.now())) this.transitions.emit(transition);
  }

  private take(source: string, feed: (readings: SourceReadings) => boolean): void {
    const readings = this.readingsOf(source);
    if (!readings || !feed(readings)) return;
    this.evaluate(source);
    this.settle();
  }

  /** A batch of signals: per source, only the rules reading what changed are checked, once; listeners told once. */
  private takeSignals(signals: readonly Signal[]): void {
    let changed: Map<string, Set<string>> | undefined;
    for (const signal of signals) {
      const readings = this.readingsOf(signal.source);
      const reading = readings?.takeSignal(signal);
      if (reading === undefined) continue;
      changed ??= new Map();
      let names = changed.get(signal.source);
      if (!names) changed.set(signal.source, (names = new Set()));
      names.add(reading);
    }
    if (!changed) return;
    for (const [source, names] of changed) this.evaluate(source, undefined, names);
    this.settle();
  }

  /** The readings of a source some rule watches (created on its first arrival), else undefined. */
  private readingsOf(source: string): SourceReadings | undefined {
    const parsed = this.parsed(source);
    if (!parsed || parsed.kind === 'switchboard' || !this.rulesByKind.has(parsed.kind as AlertTargetKind)) return undefined;
    let readings = this.readings.get(source);
    if (!readings) this.readings.set(source, (readings = new SourceReadings(this.retention.get(parsed.kind as AlertTargetKind) ?? defaultMetricWindowMs)));
    return readings;
  }

  /** Checks the source's rules: one rule (a deadline), those reading one of `changed`, or all. */
  private evaluate(source: string, only?: AlertRule, changed?: ReadonlySet<string>): void {
    const parsed = this.parsed(source);
    const readings = this.readings.get(source);
    if (!parsed || parsed.kind === 'switchboard' || !readings) return;
    const now = this.now();
    const targets = this.targetsOf(parsed.kind as AlertTargetKind, parsed.name);
    // Rules with the same condition on the same thing see the same result: computed once per arrival (500 rules, a few conditions).
    const results = new Map<string, ConditionResult>();
    let matching = this.rulesBySource.get(source);
    if (!matching) this.rulesBySource.set(source, (matching = (this.rulesByKind.get(parsed.kind as AlertTargetKind) ?? []).filter((r) => r.matches(parsed.name))));
    for (const rule of only ? (only.matches(parsed.name) ? [only] : []) : matching) {
      if (changed && !changed.has(readingOf(rule.condition.metric))) continue;
      let result = results.get(rule.when);
      if (!result) results.set(rule.when, (result = checkCondition(rule.condition, readings, targets, now)));
      const transition = this.book.update(rule, source, result, now);
      if (transition) this.transitions.emit(transition);
    }
  }

  private targetsOf(kind: AlertTargetKind, name: string): TargetsOf {
    if (kind === 'cache') {
      const target = this.config.cache[name]?.target;
      return target === undefined ? {} : { target };
    }
    if (kind === 'probe') {
      const availability = this.config.probes[name]?.slo?.availability;
      return availability === undefined ? {} : { availability };
    }
    return {};
  }

  /** Tells listeners once per batch and arms the one timer for the nearest deadline. */
  private settle(): void {
    if (this.book.viewChanged) {
      this.book.viewChanged = false;
      this.changed.emit();
      const firing = JSON.stringify(this.firing());
      if (firing !== this.firingTold) {
        this.firingTold = firing;
        this.firingChanged.emit();
      }
    }
    const next = this.book.nextDeadline(this.now());
    if (next === this.timerAt) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.timerAt = next;
    if (next === undefined) return;
    // Node's timers take at most 2^31 ms; a later deadline is simply looked at again then.
    this.timer = setTimeout(() => this.onDeadline(), Math.min(2 ** 31 - 1, Math.max(0, next - this.now())));
    this.timer.unref?.();
  }

  private onDeadline(): void {
    this.timer = undefined;
    this.timerAt = undefined;
    const now = this.now();
    if (this.book.expireSilences(now)) this.book.viewChanged = true;
    for (const { rule, source } of this.book.due(now)) this.evaluate(source, rule);
    this.settle();
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.store.dispose();
    this.transitions.dispose();
    this.changed.dispose();
    this.firingChanged.dispose();
  }
}
