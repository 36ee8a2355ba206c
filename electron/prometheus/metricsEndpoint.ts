import { randomBytes } from 'node:crypto';
import type { AsyncDisposable } from '../base/disposable.js';
import type { AppContext } from '../core/appContext.js';
import type { HttpRoute, HttpRouteLookup } from '../core/httpRoutes.js';
import type { MetricsEndpoint as EndpointInfo } from '../../shared/contract/prometheus.js';
import { expositionContentType } from './exposition.js';
import type { StackMetrics } from './stackMetrics.js';

/** A loopback listener serving the routes it is given; the composition root makes it with the browser-mode guard. */
export interface LoopbackRoutes {
  origin: string;
  port: number;
  close(): Promise<void>;
}
export type ListenOnLoopback = (port: number, routes: HttpRouteLookup) => Promise<LoopbackRoutes>;

export const metricsPath = '/metrics';

/**
 * /metrics as a route behind a bearer token: on browser mode's server, and in
 * the desktop app on its own loopback port (metrics.port), moved when the
 * stack file changes the port.
 */
export class MetricsEndpoint implements AsyncDisposable {
  /** Made once per run, used while the stack file sets none. */
  private readonly generatedToken = randomBytes(24).toString('base64url');
  readonly route: HttpRoute;
  private listener: LoopbackRoutes | undefined;
  private listening: Promise<void> = Promise.resolve();
  private problem: string | undefined;
  private requestedPort: number | undefined;
  private closed = false;

  constructor(
    private readonly ctx: AppContext,
    metrics: StackMetrics,
    private readonly listen?: ListenOnLoopback,
  ) {
    ctx.secrets.remember([this.generatedToken]);
    this.route = {
      path: metricsPath,
      token: () => this.token(),
      answer: () => ({ contentType: expositionContentType, body: metrics.render() }),
    };
  }

  token(): string {
    return this.ctx.config.current().metrics.token ?? this.generatedToken;
  }

  /** Starts (or moves) the desktop listener to the stack file's port; resolves when it is serving or has said why not. */
  follow(port: number): Promise<void> {
    if (!this.listen || this.requestedPort === port) return this.listening;
    this.requestedPort = port;
    const listen = this.listen;
    this.listening = this.listening.then(async () => {
      if (this.closed) return;
      await this.listener?.close();
      this.listener = undefined;
      try {
        this.listener = await listen(port, { find: (path) => (path === metricsPath ? this.route : undefined) });
        this.problem = undefined;
        this.ctx.audit.note(`Prometheus metrics at ${this.listener.origin}${metricsPath} (its bearer token is on Dashboards › Prometheus)`);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        this.problem = code === 'EADDRINUSE' ? `port ${port} is in use: set metrics.port in the stack file (0 for any free port)` : `could not listen on port ${port}: ${String(error)}`;
        this.ctx.audit.note(`Prometheus metrics not served: ${this.problem}`, 'error');
      }
      if (this.closed) await this.closeListener();
    });
    return this.listening;
  }

  info(): EndpointInfo {
    return {
      path: metricsPath,
      ...(this.listener ? { url: `${this.listener.origin}${metricsPath}` } : {}),
      token: this.token(),
      tokenFrom: this.ctx.config.current().metrics.token ? 'stack file' : 'generated for this run',
      ...(this.problem ? { problem: this.problem } : {}),
    };
  }

  private async closeListener(): Promise<void> {
    const listener = this.listener;
    this.listener = undefined;
    await listener?.close();
  }

  async disposeAsync(): Promise<void> {
    this.closed = true;
    await this.listening;
    await this.closeListener();
  }

  dispose(): void {
    void this.disposeAsync();
  }
}
