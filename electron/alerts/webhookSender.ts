import type { Disposable } from '../base/disposable.js';
import type { WebhookConfig } from '../base/stackFile/alerts.js';

/** One message to one webhook, already rendered: the sender knows nothing of alerts. */
export interface WebhookMessage {
  /** For the log: "firing probe-down probe:api". */
  label: string;
  body: unknown;
}

export interface WebhookReport {
  delivered(message: WebhookMessage, attempts: number): void;
  /** A try failed; `willRetry` says whether another comes. */
  failed(message: WebhookMessage, reason: string, willRetry: boolean): void;
  /** The queue was full: the oldest waiting message was dropped. */
  dropped(message: WebhookMessage, droppedTotal: number): void;
}

/**
 * Delivers to one webhook, one message at a time and in order: each try has a
 * timeout, a failure (network, timeout, 5xx, 429) is retried after a backoff
 * that doubles, and at most `queue` messages wait — past that the oldest is
 * dropped and counted, so a dead receiver never grows memory.
 */
export class WebhookSender implements Disposable {
  private readonly waiting: WebhookMessage[] = [];
  private busy = false;
  private stopped = false;
  private droppedTotal = 0;
  private retryTimer: NodeJS.Timeout | undefined;
  private wakeRetry: (() => void) | undefined;
  /** The try in flight, aborted by its timeout or by dispose. */
  private inFlight: AbortController | undefined;

  constructor(
    private readonly url: string,
    private readonly config: Pick<WebhookConfig, 'timeout' | 'retries' | 'backoff' | 'queue'>,
    private readonly report: WebhookReport,
  ) {}

  send(message: WebhookMessage): void {
    if (this.stopped) return;
    this.waiting.push(message);
    while (this.waiting.length > this.config.queue) this.report.dropped(this.waiting.shift()!, ++this.droppedTotal);
    if (!this.busy) void this.pump();
  }

  get queued(): number {
    return this.waiting.length;
  }

  private async pump(): Promise<void> {
    this.busy = true;
    while (!this.stopped && this.waiting.length > 0) {
      const message = this.waiting.shift()!;
      await this.deliver(message);
    }
    this.busy = false;
  }

  private async deliver(message: WebhookMessage): Promise<void> {
    for (let attempt = 0; attempt <= this.config.retries && !this.stopped; attempt++) {
      const outcome = await this.post(message.body);
      if (outcome.ok) {
        this.report.delivered(message, attempt + 1);
        return;
      }
      const willRetry = outcome.retry && attempt < this.config.retries && !this.stopped;
      this.report.failed(message, outcome.reason, willRetry);
      if (!willRetry) return;
      await this.pause(this.config.backoff * 2 ** attempt);
    }
  }

  private async post(body: unknown): Promise<{ ok: true } | { ok: false; retry: boolean; reason: string }> {
    // One controller per try with its own timer: AbortSignal.any on Node 20 can lose a combined signal to GC.
    const controller = new AbortController();
    this.inFlight = controller;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.config.timeout);
    try {
      const response = await fetch(this.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'Switchboard-alerts' },
        body: JSON.stringify(body),
        signal: controller.signal,
        redirect: 'error',
      });
      // The body is not read for anything but must be drained so the connection is released.
      await response.arrayBuffer().catch(() => undefined);
      if (response.ok) return { ok: true };
      return { ok: false, retry: response.status >= 500 || response.status === 429, reason: `answered ${response.status}` };
    } catch (error) {
      const reason = timedOut ? `no answer within ${this.config.timeout} ms` : error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error);
      return { ok: false, retry: true, reason };
    } finally {
      clearTimeout(timer);
      this.inFlight = undefined;
    }
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      this.wakeRetry = resolve;
      this.retryTimer = setTimeout(resolve, ms);
    });
  }

  dispose(): void {
    this.stopped = true;
    this.waiting.length = 0;
    this.inFlight?.abort();
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.wakeRetry?.();
  }
}
