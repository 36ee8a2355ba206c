// Alerts: rules over every signal and event, their state, and where firings go.
export { registerAlerts, type AlertsOptions } from './register.js';
export type { AlertEvaluator, StackFeeds } from './alertEvaluator.js';
