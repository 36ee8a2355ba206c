// The Prometheus capability as the composition root sees it: the /metrics export, and series history read from a Prometheus server.
export { registerPrometheus, type PrometheusWiring } from './register.js';
export type { ListenOnLoopback, LoopbackRoutes, MetricsEndpoint } from './metricsEndpoint.js';
export { PrometheusSeriesSource, prometheusHistoryFor, type PrometheusHistoryOptions } from './prometheusSeriesSource.js';
