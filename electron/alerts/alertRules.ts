import type { StackConfig } from '../base/stackFile/stack.js';
import { parseCondition, type AlertCondition } from '../base/stackFile/alertCondition.js';
import { alertTargetKinds, type AlertTargetKind } from '../base/stackFile/alertMetrics.js';
import { builtInAlertRules, type WrittenAlertRule } from '../base/stackFile/builtInAlertRules.js';
import type { EventSeverity } from '../../shared/stackEvents.js';
import type { AlertRuleView } from '../../shared/contract/alerts.js';

/** A rule ready to evaluate: its condition parsed, its glob compiled, its notify targets settled. */
export interface AlertRule {
  name: string;
  builtIn: boolean;
  kind: AlertTargetKind;
  pattern: string;
  matches(name: string): boolean;
  when: string;
  condition: AlertCondition;
  forMs: number;
  severity: EventSeverity;
  notify: string[];
  summary?: string;
}

/** The rules in effect: built-ins unless turned off or replaced by a rule of the same name, then the stack file's own. */
export function alertRulesOf(config: Pick<StackConfig, 'alerts' | 'notify'>): { rules: AlertRule[]; off: string[] } {
  const rules: AlertRule[] = [];
  const off: string[] = [];
  for (const [name, written] of Object.entries(builtInAlertRules)) {
    const own = config.alerts[name];
    if (own?.off) off.push(name);
    else if (!own) rules.push(ruleFrom(name, written, true, config.notify.default));
  }
  for (const [name, entry] of Object.entries(config.alerts)) {
    if (entry.off) continue;
    const kind = alertTargetKinds.find((k) => entry[k] !== undefined);
    // The schema guarantees a kind and a when: on every rule that is not off.
    if (!kind || entry.when === undefined) continue;
    const written: WrittenAlertRule = { kind, pattern: entry[kind]!, when: entry.when, forMs: entry.for, severity: entry.severity, ...(entry.summary ? { summary: entry.summary } : {}) };
    rules.push(ruleFrom(name, written, name in builtInAlertRules, entry.notify ?? config.notify.default));
  }
  return { rules, off };
}

function ruleFrom(name: string, written: WrittenAlertRule, builtIn: boolean, notify: string[]): AlertRule {
  const parsed = parseCondition(written.when, written.kind);
  if (!parsed.ok) throw new Error(`alert rule ${name}: ${parsed.message}`);
  const glob = globPattern(written.pattern);
  return {
    name,
    builtIn,
    kind: written.kind,
    pattern: written.pattern,
    matches: (target) => glob.test(target),
    when: written.when,
    condition: parsed.condition,
    forMs: written.forMs,
    severity: written.severity,
    notify,
    ...(written.summary ? { summary: written.summary } : {}),
  };
}

/** "sutazai-*" → /^sutazai-.*$/: * is any run of characters, ? one; everything else is literal. */
export function globPattern(glob: string): RegExp {
  const body = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${body}$`);
}

export function ruleView(rule: AlertRule, on = true): AlertRuleView {
  return {
    name: rule.name,
    builtIn: rule.builtIn,
    on,
    watches: `${rule.kind} ${rule.pattern}`,
    when: rule.when,
    forMs: rule.forMs,
    severity: rule.severity,
    notify: rule.notify,
    ...(rule.summary ? { summary: rule.summary } : {}),
  };
}

/** A built-in rule that is turned off, shown in the rule list so the operator sees what they gave up. */
export function offRuleView(name: string): AlertRuleView {
  const written = builtInAlertRules[name]!;
  return { name, builtIn: true, on: false, watches: `${written.kind} ${written.pattern}`, when: written.when, forMs: written.forMs, severity: written.severity, notify: [], ...(written.summary ? { summary: written.summary } : {}) };
}
