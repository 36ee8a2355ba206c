import type { AppContext } from '../core/appContext.js';
import { SwitchboardError } from '../../shared/errors.js';
import { sourceId } from '../../shared/sourceId.js';
import { formatElapsed } from '../../shared/elapsed.js';
import { AlertEvaluator, type StackFeeds } from './alertEvaluator.js';
import { alertDetails, noteTransition } from './alertNotices.js';
import { AlertWebhooks, type Environment } from './alertWebhooks.js';

export interface AlertsOptions {
  /** Where ${VAR}s in webhook URLs come from. */
  env: Environment;
}

/**
 * Wires alerts to the contract: the `alerts` state (active, resolved, rules,
 * silences), `alerts.firing` (the firing ones alone, for every screen) and
 * alerts.silence / unsilence / acknowledge. It listens on the stack's buses
 * (handed in by the composition root), publishes alert.* events back through
 * ctx.events and sends webhooks; desktop and browser notifications are the
 * shells' and the renderer's, read from the topics.
 */
export function registerAlerts(ctx: AppContext, feeds: StackFeeds, options: AlertsOptions): AlertEvaluator {
  const evaluator = ctx.disposables.add(new AlertEvaluator(feeds, ctx.config.current()));
  const webhooks = ctx.disposables.add(new AlertWebhooks(options.env, ctx.secrets, ctx.audit, () => ctx.config.current().name));
  webhooks.configure(ctx.config.current().notify);
  ctx.disposables.add(
    evaluator.transitions.on((transition) => {
      noteTransition(transition, ctx.logs, ctx.events);
      webhooks.deliver(transition);
    }),
  );
  ctx.disposables.add(
    ctx.config.changed.on((config) => {
      webhooks.configure(config.notify);
      evaluator.setConfig(config);
    }),
  );

  ctx.topics.provide('alerts', (_params, sink) => {
    sink.snapshot(evaluator.state());
    return evaluator.changed.on(() => sink.state(evaluator.state()));
  });

  // Every screen's banner and notifier read this one: a pending alert's value moving each second is not sent to them.
  ctx.topics.provide('alerts.firing', (_params, sink) => {
    sink.snapshot({ firing: evaluator.firing() });
    return evaluator.firingChanged.on(() => sink.state({ firing: evaluator.firing() }));
  });

  const knownRule = (rule: string) => {
    if (!evaluator.state().rules.some((r) => r.name === rule)) throw new SwitchboardError('not_found', `no alert rule named "${rule}"`);
  };

  ctx.commands.handle('alerts.silence', ({ rule, source, forMs }) => {
    knownRule(rule);
    const until = Date.now() + forMs;
    evaluator.book.silence(rule, source, until);
    evaluator.touched();
    const what = source ? `${rule} on ${source}` : rule;
    ctx.audit.action({ action: 'silence alert', target: sourceId.alert(rule), outcome: 'done', detail: `${what} for ${formatElapsed(forMs)}` });
    ctx.events.publish({ source: sourceId.alert(rule), kind: 'alert.silenced', severity: 'info', summary: `${what} silenced for ${formatElapsed(forMs)}`, details: { rule, until, ...(source ? { target: source } : {}) } });
    return { until };
  });

  ctx.commands.handle('alerts.unsilence', ({ rule, source }) => {
    const removed = evaluator.book.unsilence(rule, source);
    if (removed) {
      evaluator.touched();
      ctx.audit.action({ action: 'end silence', target: sourceId.alert(rule), outcome: 'done' });
    }
    return { removed };
  });

  ctx.commands.handle('alerts.acknowledge', ({ id }) => {
    const alert = evaluator.book.acknowledge(id);
    if (!alert) return { acknowledged: false };
    evaluator.touched();
    ctx.audit.action({ action: 'acknowledge alert', target: sourceId.alert(alert.rule), outcome: 'done', detail: alert.summary });
    ctx.events.publish({ source: sourceId.alert(alert.rule), kind: 'alert.acknowledged', severity: 'info', summary: `acknowledged: ${alert.summary}`, details: alertDetails(alert) });
    return { acknowledged: true };
  });

  return evaluator;
}
