import { z } from 'zod';
import { text } from './text.js';
import { durationWithin, interval } from './duration.js';
import { eventSeverities } from '../../../shared/stackEvents.js';
import { parseCondition } from './alertCondition.js';
import { alertTargetKinds, type AlertTargetKind } from './alertMetrics.js';
import { builtInAlertNames } from './builtInAlertRules.js';
import { didYouMean } from './nearestName.js';

const hour = 3_600_000;

/** "desktop" (Electron's Notification, or the browser's once allowed) or "webhook:<name>" from notify.webhooks. */
const notifyTarget = text.regex(/^(desktop|webhook:[A-Za-z0-9][\w.-]*)$/, 'a notify entry is desktop or webhook:<name>, e.g. webhook:ops');

const ruleCommon = {
  /** The condition, e.g. "p95 > 100ms", "restarts > 3 in 10m", "state in [crash-loop, exited]". */
  when: text.min(1, 'when is empty: write a condition like p95 > 100ms'),
  /** How long the condition must hold before the alert fires (pending until then). */
  for: durationWithin(0, 24 * hour, 'for: is at most 24h').default(0),
  severity: z.enum(eventSeverities).default('warning'),
  /** Where a firing goes; default notify.default (desktop). */
  notify: z.array(notifyTarget).optional(),
  summary: text.min(1).optional(),
};

const selectors = Object.fromEntries(
  alertTargetKinds.map((kind) => [kind, text.min(1, `${kind} names what the rule watches: a name or a glob like "web-*"`).optional()]),
) as Record<AlertTargetKind, z.ZodOptional<z.ZodString>>;

/**
 * One object with every selector optional rather than a union per kind, so an
 * unknown key ("whn") gets its "did you mean" and a missing selector one clear message.
 */
export const alertRuleSchema = z
  .strictObject({
    ...selectors,
    when: ruleCommon.when.optional(),
    for: ruleCommon.for,
    severity: ruleCommon.severity,
    notify: ruleCommon.notify,
    summary: ruleCommon.summary,
    /** `off: true` under a built-in rule's name turns it off. */
    off: z.literal(true, 'off: true turns a built-in rule off; delete the key to keep it on').optional(),
  })
  .superRefine((rule, ctx) => {
    const kinds = alertTargetKinds.filter((kind) => rule[kind] !== undefined);
    if (rule.off) {
      if (kinds.length > 0 || rule.when !== undefined) ctx.addIssue({ code: 'custom', path: ['off'], message: 'a rule that is off: true has nothing else: delete off: to use this rule' });
      return;
    }
    if (kinds.length === 0) {
      ctx.addIssue({ code: 'custom', path: [], message: 'a rule names what it watches with one of probe:, container:, mcp:, cache: or engine: (or is { off: true } to turn off a built-in rule)' });
      return;
    }
    if (kinds.length > 1) {
      ctx.addIssue({ code: 'custom', path: [kinds[1]!], message: `a rule watches one kind of thing: it has ${kinds.map((k) => `${k}:`).join(' and ')}; make one rule for each` });
      return;
    }
    if (rule.when === '') return;
    if (rule.when === undefined) {
      ctx.addIssue({ code: 'custom', path: [], message: 'when is required: write a condition like p95 > 100ms' });
      return;
    }
    const parsed = parseCondition(rule.when, kinds[0]!);
    if (!parsed.ok) ctx.addIssue({ code: 'custom', path: ['when'], message: parsed.message });
  });

/** One rule after validation: exactly one of probe/container/mcp/cache/engine is set. */
export type AlertRuleEntry = z.infer<typeof alertRuleSchema>;

const ruleName = z.string().regex(/^[A-Za-z0-9][\w.-]*$/, 'rule names use letters, digits, ".", "_" and "-"');

/** `alerts:` — rule name → rule, or `{ off: true }` for a built-in rule. */
export const alertsSchema = z.record(ruleName, alertRuleSchema).superRefine((rules, ctx) => {
  for (const [name, rule] of Object.entries(rules)) {
    if (rule.off && !builtInAlertNames.includes(name)) {
      ctx.addIssue({ code: 'custom', path: [name], message: `"${name}" is not a built-in rule, so there is nothing to turn off: ${didYouMean(name, builtInAlertNames, 'the built-in rules are')}` });
    }
  }
});

const webhookSchema = z.strictObject({
  /** http(s) address, usually "${OPS_WEBHOOK}": the expanded value is a secret and never shown. */
  url: text.regex(/^(https?:\/\/|\$\{)/, 'a webhook url is an http:// or https:// address, or a ${VARIABLE} holding one'),
  /** json: Switchboard's own body; slack: { text } as Slack's incoming webhooks (and Mattermost, Rocket.Chat) take. */
  format: z.enum(['json', 'slack']).default('json'),
  timeout: interval.default(5_000),
  /** Tries after the first one fails (an error, a timeout or a 5xx); each waits twice as long as the one before. */
  retries: z.number().int().min(0).max(10).default(3),
  backoff: interval.default(1_000),
  /** Deliveries waiting at most; past it the oldest is dropped and counted. */
  queue: z.number().int().min(1).max(10_000).default(100),
});

export type WebhookConfig = z.infer<typeof webhookSchema>;

/** `notify:` — where alerts go. */
export const notifySchema = z.strictObject({
  /** For rules without notify: (built-ins too). */
  default: z.array(notifyTarget).default(['desktop']),
  webhooks: z.record(ruleName, webhookSchema).default({}),
});

export type NotifyConfig = z.infer<typeof notifySchema>;

/** Every webhook:<name> a rule or notify.default names must be in notify.webhooks. */
export function checkNotifyReferences(stack: { alerts: Record<string, unknown>; notify: NotifyConfig }, ctx: z.RefinementCtx): void {
  const known = Object.keys(stack.notify.webhooks);
  const check = (entries: readonly string[] | undefined, path: PropertyKey[]) =>
    entries?.forEach((entry, index) => {
      if (!entry.startsWith('webhook:')) return;
      const name = entry.slice('webhook:'.length);
      if (known.includes(name)) return;
      const hint = known.length === 0 ? 'there is no notify.webhooks section; add notify: { webhooks: { ' + name + ': { url: … } } }' : didYouMean(name, known, 'notify.webhooks has');
      ctx.addIssue({ code: 'custom', path: [...path, index], message: `webhook "${name}" is not in notify.webhooks: ${hint}` });
    });
  check(stack.notify.default, ['notify', 'default']);
  for (const [name, rule] of Object.entries(stack.alerts)) check((rule as { notify?: string[] }).notify, ['alerts', name, 'notify']);
}
