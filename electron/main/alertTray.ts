import { firingAlerts, notifiesDesktop, type AlertsState, type AlertView } from '../../shared/contract/alerts.js';
import { accent, type Rgb } from './trayIcon.js';

/** What the tray shows of the alerts: the icon's tone, its tooltip and one menu entry per firing alert. */
export interface AlertTrayModel {
  tone: 'calm' | 'warning' | 'critical';
  color: Rgb;
  tooltip: string;
  items: { label: string; route: string }[];
  /** Equal models need no new menu: Linux trays only take a changed menu when it is set again. */
  signature: string;
}

const toneColor: Record<AlertTrayModel['tone'], Rgb> = {
  calm: accent,
  warning: { r: 0xd2, g: 0x99, b: 0x22 },
  critical: { r: 0xf8, g: 0x51, b: 0x49 },
};

/** At most this many alerts are listed; the last entry says how many more there are. */
const listed = 8;

/** The worst firing severity sets the tone: error and critical are red, warning amber, nothing firing the usual blue. */
export function alertTrayModel(state: AlertsState | undefined): AlertTrayModel {
  const firing = firingAlerts(state?.active ?? []);
  const worst = state?.worst;
  const tone: AlertTrayModel['tone'] = worst === 'critical' || worst === 'error' ? 'critical' : worst === 'warning' ? 'warning' : 'calm';
  const items = firing.slice(0, listed).map((a) => ({ label: menuLabel(a), route: a.link }));
  if (firing.length > listed) items.push({ label: `… ${firing.length - listed} more`, route: '#/alerts' });
  const tooltip = firing.length === 0 ? 'Switchboard — still supervising your stack' : `Switchboard — ${firing.length} alert${firing.length === 1 ? '' : 's'} firing (worst: ${worst})`;
  return { tone, color: toneColor[tone], tooltip, items, signature: JSON.stringify([tone, items]) };
}

function menuLabel(alert: AlertView): string {
  const text = `[${alert.severity}] ${alert.rule} — ${alert.source}${alert.acknowledged ? ' (acknowledged)' : ''}`;
  // Menus do not wrap: a long label is cut rather than widening the menu across the screen.
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

/** Firings to show as OS notifications now, each once: `notified` remembers firing ids across calls. */
export function firingsToNotify(state: AlertsState, notified: Set<string>, now: number): AlertView[] {
  const out: AlertView[] = [];
  for (const alert of state.active) {
    if (alert.state !== 'firing' || !alert.firingId || notified.has(alert.firingId)) continue;
    notified.add(alert.firingId);
    if (notifiesDesktop(alert, now)) out.push(alert);
  }
  // Keeps the memory bounded; ids are never reused, so forgetting old ones is harmless.
  if (notified.size > 1000) for (const id of [...notified].slice(0, notified.size - 1000)) notified.delete(id);
  return out;
}
