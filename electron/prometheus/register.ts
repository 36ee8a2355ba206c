import type { Disposable } from '../base/disposable.js';
import type { AppContext } from '../core/appContext.js';
import type { StackConfig } from '../base/stackFile/stack.js';
import type { HttpRoute } from '../core/httpRoutes.js';
import { MetricsEndpoint, type ListenOnLoopback } from './metricsEndpoint.js';
import { StackMetrics, type EventFeed, type SignalFeed } from './stackMetrics.js';

export interface PrometheusWiring {
  /** The app's buses: what every capability records and publishes. */
  signals: SignalFeed;
  events: EventFeed;
  /** Browser mode's server routes (the composition root hands them to the transport). */
  routes: { add(route: HttpRoute): Disposable };
  /** The desktop app's own loopback listener for /metrics; browser mode needs none. */
  listenOnLoopback?: ListenOnLoopback;
}

/**
 * The Prometheus export: /metrics in the text exposition format, from the
 * signal and event buses, behind a bearer token. Browser mode serves it on its
 * own address; the desktop app on metrics.port.
 */
export function registerPrometheus(ctx: AppContext, wiring: PrometheusWiring): MetricsEndpoint {
  const metrics = ctx.disposables.add(new StackMetrics(wiring.signals, wiring.events));
  const endpoint = ctx.disposables.add(new MetricsEndpoint(ctx, metrics, ctx.mode === 'electron' ? wiring.listenOnLoopback : undefined));
  ctx.disposables.add(wiring.routes.add(endpoint.route));
  // The scrape token is a secret like any other: no log line or event shows it.
  const follow = (config: StackConfig) => {
    if (config.metrics.token) ctx.secrets.remember([config.metrics.token]);
    void endpoint.follow(config.metrics.port);
  };
  follow(ctx.config.current());
  ctx.disposables.add(ctx.config.changed.on(follow));
  ctx.commands.handle('prometheus.endpoint', () => endpoint.info());
  return endpoint;
}
