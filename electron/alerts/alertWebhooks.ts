import type { Disposable } from '../base/disposable.js';
import type { NotifyConfig, WebhookConfig } from '../base/stackFile/alerts.js';
import type { SecretMasker } from '../base/secrets/secretMasker.js';
import type { AuditLog } from '../core/auditLog.js';
import type { Transition } from './alertBook.js';
import { WebhookSender, type WebhookMessage } from './webhookSender.js';

export type Environment = Readonly<Record<string, string | undefined>>;

const reference = /\$\{(?:env:)?([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}/g;

/**
 * The stack file's webhooks, one sender each. URLs are expanded from the
 * environment here and remembered as secrets: a Slack URL is its own password,
 * so no log line ever shows one.
 */
export class AlertWebhooks implements Disposable {
  private senders = new Map<string, { sender: WebhookSender; format: WebhookConfig['format'] }>();
  private written = '';

  constructor(
    private readonly env: Environment,
    private readonly secrets: SecretMasker,
    private readonly audit: AuditLog,
    private readonly stackName: () => string,
  ) {}

  /** Rebuilt only when notify.webhooks really changed: a pending retry survives an unrelated edit. */
  configure(notify: NotifyConfig): void {
    const written = JSON.stringify(notify.webhooks);
    if (written === this.written) return;
    this.written = written;
    this.dispose();
    for (const [name, config] of Object.entries(notify.webhooks)) {
      const url = this.expand(name, config.url);
      if (url) this.senders.set(name, { sender: this.senderFor(name, url, config), format: config.format });
    }
  }

  deliver(transition: Transition): void {
    if (!transition.send) return;
    for (const target of transition.rule.notify) {
      if (!target.startsWith('webhook:')) continue;
      const name = target.slice('webhook:'.length);
      const webhook = this.senders.get(name);
      webhook?.sender.send({ label: `${transition.kind} ${transition.alert.rule} ${transition.alert.source}`, body: webhookBody(transition, webhook.format, this.stackName()) });
    }
  }

  private expand(name: string, written: string): string | undefined {
    let missing: string | undefined;
    const url = written.replace(reference, (whole, variable: string, fallback: string | undefined) => {
      const value = this.env[variable];
      if (value !== undefined && value !== '') return value;
      if (fallback !== undefined) return fallback;
      missing ??= variable;
      return whole;
    });
    this.secrets.remember([url]);
    if (missing) {
      this.audit.note(`webhook ${name} is off: \${${missing}} is not set; export it before starting Switchboard`, 'warn');
      return undefined;
    }
    if (!/^https?:\/\/[^\s]+$/.test(url)) {
      this.audit.note(`webhook ${name} is off: its url is not an http:// or https:// address`, 'warn');
      return undefined;
    }
    return url;
  }

  private senderFor(name: string, url: string, config: WebhookConfig): WebhookSender {
    const mask = (text: string) => this.secrets.mask(text);
    return new WebhookSender(url, config, {
      delivered: (message, attempts) => this.audit.note(`webhook ${name}: sent ${message.label}${attempts > 1 ? ` after ${attempts} tries` : ''}`),
      failed: (message, reason, willRetry) => this.audit.note(mask(`webhook ${name}: ${message.label} failed (${reason})${willRetry ? '; trying again' : '; gave up'}`), willRetry ? 'warn' : 'error'),
      dropped: (message: WebhookMessage, total) => this.audit.note(`webhook ${name}: queue full, dropped ${message.label} (${total} dropped so far)`, 'warn'),
    });
  }

  dispose(): void {
    for (const { sender } of this.senders.values()) sender.dispose();
    this.senders.clear();
  }
}

/** json: Switchboard's own shape; slack: { text } with mrkdwn, which Slack, Mattermost and Rocket.Chat accept. */
export function webhookBody(transition: Transition, format: 'json' | 'slack', stack: string): unknown {
  const { alert, kind } = transition;
  if (format === 'slack') {
    const icon = kind === 'resolved' ? ':white_check_mark:' : alert.severity === 'critical' ? ':rotating_light:' : ':warning:';
    const head = kind === 'resolved' ? 'Resolved' : `Firing [${alert.severity}]`;
    return { text: `${icon} *${head}* ${alert.rule} — ${alert.summary} (stack ${stack})` };
  }
  return {
    status: kind,
    stack,
    alert: {
      id: alert.id,
      firingId: alert.firingId,
      rule: alert.rule,
      source: alert.source,
      severity: alert.severity,
      summary: alert.summary,
      firedAt: alert.firedAt,
      ...(alert.resolvedAt !== undefined ? { resolvedAt: alert.resolvedAt } : {}),
    },
  };
}
