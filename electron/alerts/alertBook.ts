import { alertLink, type AlertSilence, type AlertView } from '../../shared/contract/alerts.js';
import { parseSourceId } from '../../shared/sourceId.js';
import { severityRank } from '../../shared/stackEvents.js';
import type { AlertRule } from './alertRules.js';
import type { ConditionResult } from './conditionCheck.js';

export interface BookOptions {
  /** A rule that fires this often inside flapWindowMs is flapping. */
  flapFirings: number;
  flapWindowMs: number;
  /** A flapping alert resolves only after its condition has been clear this long. */
  settleMs: number;
  keepResolved: number;
}

export const defaultBookOptions: BookOptions = { flapFirings: 4, flapWindowMs: 30 * 60_000, settleMs: 5 * 60_000, keepResolved: 50 };

/** What changed, for the notices: a firing or a resolution, and whether it is sent anywhere (not silenced, not flapping). */
export interface Transition {
  kind: 'firing' | 'resolved';
  alert: AlertView;
  rule: AlertRule;
  send: boolean;
}

interface Instance {
  rule: AlertRule;
  source: string;
  state: 'idle' | 'pending' | 'firing';
  since: number;
  firings: number;
  firedAt?: number;
  fireTimes: number[];
  flapping: boolean;
  /** While a flapping alert's condition is clear: since when. */
  clearSince?: number;
  acknowledged: boolean;
  /** The firing was sent, so its resolution is too. */
  sent: boolean;
  value?: number | string;
  recheckAt?: number;
}

/**
 * Every (rule, thing) pair's state: pending → firing → resolved, with since,
 * silences, acknowledgements and the flapping guard. Pure: time comes in as
 * `now`, so the evaluator owns the one timer and tests own the clock.
 */
export class AlertBook {
  private readonly instances = new Map<string, Instance>();
  private readonly resolved: AlertView[] = [];
  private silences: AlertSilence[] = [];

  constructor(private readonly options: BookOptions = defaultBookOptions) {}

  /** Feeds one check's result; returns the firing or resolution it caused, if any. `viewChanged` says whether the active list looks different. */
  update(rule: AlertRule, source: string, result: ConditionResult, now: number): Transition | undefined {
    const id = alertId(rule.name, source);
    const instance = this.instances.get(id);
    const before = signature(instance);
    const transition = this.step(id, instance, rule, source, result, now);
    this.viewChanged ||= before !== signature(this.instances.get(id));
    return transition;
  }

  /** Set by update() when an active alert appeared, changed or left; the evaluator clears it after telling listeners. */
  viewChanged = false;

  private step(id: string, existing: Instance | undefined, rule: AlertRule, source: string, result: ConditionResult, now: number): Transition | undefined {
    let instance = existing;
    if (!instance) {
      if (!result.holds) return undefined;
      instance = { rule, source, state: 'idle', since: now, firings: 0, fireTimes: [], flapping: false, acknowledged: false, sent: false };
      this.instances.set(id, instance);
    }
    instance.rule = rule;
    if (result.value !== undefined) instance.value = result.value;
    if (result.changesAt !== undefined) instance.recheckAt = result.changesAt;
    else delete instance.recheckAt;

    if (result.holds) {
      delete instance.clearSince;
      if (instance.state === 'idle') {
        instance.state = 'pending';
        instance.since = now;
      }
      if (instance.state === 'pending' && now - instance.since >= rule.forMs) return this.fire(instance, now);
      return undefined;
    }
    if (instance.state === 'pending') {
      this.instances.delete(id);
      return undefined;
    }
    if (instance.state === 'firing') {
      if (instance.flapping) {
        instance.clearSince ??= now;
        if (now - instance.clearSince < this.options.settleMs) return undefined;
      }
      return this.resolve(id, instance, now);
    }
    return undefined;
  }

  /** The nearest moment something may change without new input: a for: running out, a flapping alert settling, a count window sliding, a silence ending. */
  nextDeadline(now: number): number | undefined {
    let next = Infinity;
    for (const instance of this.instances.values()) {
      if (instance.state === 'pending') next = Math.min(next, instance.since + instance.rule.forMs);
      if (instance.clearSince !== undefined) next = Math.min(next, instance.clearSince + this.options.settleMs);
      if (instance.recheckAt !== undefined) next = Math.min(next, instance.recheckAt);
    }
    for (const silence of this.silences) next = Math.min(next, silence.until);
    return next === Infinity ? undefined : Math.max(next, now);
  }

  /** Pairs whose deadline has come: the evaluator checks them again. */
  due(now: number): { rule: AlertRule; source: string }[] {
    const out: { rule: AlertRule; source: string }[] = [];
    for (const instance of this.instances.values()) {
      const pendingDue = instance.state === 'pending' && instance.since + instance.rule.forMs <= now;
      const settleDue = instance.clearSince !== undefined && instance.clearSince + this.options.settleMs <= now;
      const recheckDue = instance.recheckAt !== undefined && instance.recheckAt <= now;
      if (pendingDue || settleDue || recheckDue) out.push({ rule: instance.rule, source: instance.source });
    }
    return out;
  }

  /** Drops silences that ended; true when one did (the view changes). */
  expireSilences(now: number): boolean {
    const before = this.silences.length;
    this.silences = this.silences.filter((s) => s.until > now);
    return this.silences.length !== before;
  }

  silence(rule: string, source: string | undefined, until: number): void {
    this.silences = this.silences.filter((s) => !(s.rule === rule && s.source === source));
    this.silences.push({ rule, ...(source !== undefined ? { source } : {}), until });
  }

  unsilence(rule: string, source: string | undefined): boolean {
    const before = this.silences.length;
    this.silences = this.silences.filter((s) => !(s.rule === rule && s.source === source));
    return this.silences.length !== before;
  }

  acknowledge(id: string): AlertView | undefined {
    const instance = this.instances.get(id);
    if (!instance || instance.state !== 'firing' || instance.acknowledged) return undefined;
    instance.acknowledged = true;
    return this.viewOf(id, instance);
  }

  /** A rule that is gone (stack file edited): its alerts end without a word, as if they never were. */
  forgetRulesExcept(names: ReadonlySet<string>): boolean {
    let changed = false;
    for (const [id, instance] of this.instances) {
      if (!names.has(instance.rule.name)) {
        this.instances.delete(id);
        changed = true;
      }
    }
    return changed;
  }

  /** A thing that is gone (a removed container, a probe taken out of the stack file): its firing alerts resolve, its pending ones end. */
  retireSource(source: string, now: number): Transition[] {
    const out: Transition[] = [];
    for (const [id, instance] of this.instances) {
      if (instance.source !== source) continue;
      if (instance.state === 'firing') out.push(this.resolve(id, instance, now));
      this.instances.delete(id);
      this.viewChanged = true;
    }
    return out;
  }

  silencedUntil(rule: string, source: string): number | undefined {
    let until: number | undefined;
    for (const s of this.silences) if (s.rule === rule && (s.source === undefined || s.source === source)) until = Math.max(until ?? 0, s.until);
    return until;
  }

  active(): AlertView[] {
    return [...this.instances.entries()]
      .filter(([, i]) => i.state !== 'idle')
      .map(([id, i]) => this.viewOf(id, i))
      .sort((a, b) => (a.state === b.state ? 0 : a.state === 'firing' ? -1 : 1) || severityRank[b.severity] - severityRank[a.severity] || a.since - b.since);
  }

  recentResolutions(): AlertView[] {
    return [...this.resolved];
  }

  activeSilences(): AlertSilence[] {
    return [...this.silences];
  }

  private fire(instance: Instance, now: number): Transition {
    instance.state = 'firing';
    instance.since = now;
    instance.firedAt = now;
    instance.firings++;
    instance.acknowledged = false;
    instance.fireTimes = [...instance.fireTimes.filter((t) => t > now - this.options.flapWindowMs), now];
    const wasFlapping = instance.flapping;
    instance.flapping = instance.fireTimes.length >= this.options.flapFirings;
    const silenced = (this.silencedUntil(instance.rule.name, instance.source) ?? 0) > now;
    // A flapping alert was sent when it started flapping; its next firings are not news.
    instance.sent = !silenced && !wasFlapping;
    const id = alertId(instance.rule.name, instance.source);
    return { kind: 'firing', alert: this.viewOf(id, instance), rule: instance.rule, send: instance.sent };
  }

  private resolve(id: string, instance: Instance, now: number): Transition {
    const view: AlertView = { ...this.viewOf(id, instance), state: 'resolved', since: now, resolvedAt: now };
    const send = instance.sent;
    // The instance keeps its firing times (the flapping guard's memory) but leaves the active list.
    instance.state = 'idle';
    instance.sent = false;
    instance.flapping = instance.fireTimes.filter((t) => t > now - this.options.flapWindowMs).length >= this.options.flapFirings;
    delete instance.clearSince;
    this.resolved.unshift(view);
    this.resolved.length = Math.min(this.resolved.length, this.options.keepResolved);
    return { kind: 'resolved', alert: view, rule: instance.rule, send };
  }

  private viewOf(id: string, instance: Instance): AlertView {
    const silencedUntil = this.silencedUntil(instance.rule.name, instance.source);
    return {
      id,
      rule: instance.rule.name,
      source: instance.source,
      state: instance.state === 'idle' ? 'resolved' : instance.state,
      severity: instance.rule.severity,
      summary: alertSummary(instance.rule, instance.source, instance.value),
      since: instance.since,
      ...(instance.firedAt !== undefined && instance.state !== 'pending' ? { firedAt: instance.firedAt, firingId: `${id}#${instance.firings}` } : {}),
      acknowledged: instance.acknowledged,
      ...(silencedUntil !== undefined ? { silencedUntil } : {}),
      flapping: instance.flapping,
      notify: instance.rule.notify,
      link: alertLink(instance.source),
    };
  }
}

/**
 * What the active list shows of an instance: an idle one shows nothing. The value as its summary
 * prints it ("78.8%"): a hit rate moving in its fourth digit each second is no change to send.
 */
function signature(instance: Instance | undefined): string {
  return !instance || instance.state === 'idle' ? 'idle' : `${instance.state}|${alertSummary(instance.rule, instance.source, instance.value)}|${instance.flapping}`;
}

export function alertId(rule: string, source: string): string {
  return `${rule}|${source}`;
}

/** "probe failing for 1 min — probe backend-health: up = 0". */
export function alertSummary(rule: AlertRule, source: string, value: number | string | undefined): string {
  const parsed = parseSourceId(source);
  const thing = parsed && parsed.kind !== 'switchboard' ? `${parsed.kind} ${parsed.name}` : source;
  const metric = rule.condition.metric;
  const seen = value === undefined ? '' : `: ${metric} = ${typeof value === 'number' ? formatValue(metric, value) : value}`;
  return `${rule.summary ?? rule.when} — ${thing}${seen}`;
}

function formatValue(metric: string, value: number): string {
  if (['latency', 'p50', 'p95', 'p99'].includes(metric)) return `${Math.round(value)} ms`;
  if (metric === 'hitRate' || metric === 'availability') return `${(value * 100).toFixed(1)}%`;
  if (metric === 'cpu') return `${value.toFixed(1)}%`;
  if (metric === 'memory') return `${(value / 1e6).toFixed(0)} MB`;
  if (metric === 'burnRate') return `${value}×`;
  return String(value);
}
