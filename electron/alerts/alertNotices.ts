import type { LogWriter } from '../core/logWriter.js';
import type { EventWriter } from '../core/stackBus.js';
import { sourceId } from '../../shared/sourceId.js';
import type { AlertView } from '../../shared/contract/alerts.js';
import type { EventDetails } from '../../shared/stackEvents.js';
import type { Transition } from './alertBook.js';

/**
 * Every firing and resolution, sent or not: a line in the log hub under the
 * rule's source ("alert:probe-down") and an alert.* event, which history
 * records and the timeline shows next to what caused it.
 */
export function noteTransition(transition: Transition, logs: LogWriter, events: EventWriter): void {
  const { alert, kind } = transition;
  const source = sourceId.alert(alert.rule);
  const quiet = transition.send ? '' : alert.silencedUntil !== undefined && alert.silencedUntil > Date.now() ? ' (silenced)' : alert.flapping ? ' (flapping)' : '';
  const text = kind === 'firing' ? `FIRING [${alert.severity}] ${alert.summary}${quiet}` : `RESOLVED ${alert.summary}${quiet}`;
  logs.write({ source, stream: 'system', level: kind === 'resolved' ? 'info' : alert.severity === 'critical' || alert.severity === 'error' ? 'error' : 'warn', text });
  events.publish({ source, kind: kind === 'firing' ? 'alert.firing' : 'alert.resolved', severity: kind === 'firing' ? alert.severity : 'info', summary: alert.summary, details: alertDetails(alert, transition.send) });
}

export function alertDetails(alert: AlertView, sent?: boolean): EventDetails {
  return {
    rule: alert.rule,
    target: alert.source,
    state: alert.state,
    ...(alert.firingId ? { firingId: alert.firingId } : {}),
    ...(sent === undefined ? {} : { sent }),
    flapping: alert.flapping,
  };
}
