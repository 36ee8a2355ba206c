import type { AlertView } from '../../shared/contract/alerts.js';
import type { EventSeverity } from '../../shared/stackEvents.js';
import type { Tone, Verdict } from '../components/StatusPill.js';

/** A severity's colour, the same on the banner, the screen and (in the desktop app) the tray. */
export function severityTone(severity: EventSeverity): Tone {
  return severity === 'critical' || severity === 'error' ? 'bad' : severity === 'warning' ? 'warn' : 'idle';
}

/** What an alert's pill says: its state, and its severity's colour while it fires. */
export function alertVerdict(alert: AlertView): Verdict {
  if (alert.state === 'resolved') return { tone: 'ok', label: 'resolved' };
  if (alert.state === 'pending') return { tone: 'busy', label: 'pending' };
  return { tone: severityTone(alert.severity), label: `firing · ${alert.severity}` };
}

/** Firing and not yet acknowledged: what the banner on every screen asks about. */
export function needsAttention(alerts: readonly AlertView[]): AlertView[] {
  return alerts.filter((a) => a.state === 'firing' && !a.acknowledged);
}
