import { z } from 'zod';
import { command, stateTopic } from './define.js';
import type { EventSeverity } from '../stackEvents.js';
import { parseSourceId } from '../sourceId.js';

// Alerts: rules from the stack file (and the built-in ones) evaluated on every signal and event.

/** pending: the condition holds, waiting out for:. firing: it held long enough. resolved: it stopped holding. */
export type AlertState = 'pending' | 'firing' | 'resolved';

export interface AlertView {
  /** Rule and source: "probe-down|probe:backend-health". */
  id: string;
  rule: string;
  /** The sourceId of the affected thing. */
  source: string;
  state: AlertState;
  severity: EventSeverity;
  /** One line: "probe backend-health: up = 0 (up < 1) for 1m". Masked. */
  summary: string;
  /** When it entered its state (ms since epoch). */
  since: number;
  /** Set while firing and after: one id per firing, so a client notifies once for it. */
  firingId?: string;
  firedAt?: number;
  resolvedAt?: number;
  acknowledged: boolean;
  /** Until then nothing is sent for it; it still shows. */
  silencedUntil?: number;
  /** It fired and resolved too often lately: it stays firing and stops notifying until it settles. */
  flapping: boolean;
  /** Where a firing goes: "desktop", "webhook:ops". */
  notify: string[];
  /** The screen of the affected thing, as a hash route ("#/mcp?server=postgres"). */
  link: string;
}

export interface AlertRuleView {
  name: string;
  builtIn: boolean;
  on: boolean;
  /** "probe backend-health", "container sutazai-*". */
  watches: string;
  when: string;
  forMs: number;
  severity: EventSeverity;
  notify: string[];
  summary?: string;
}

export interface AlertSilence {
  rule: string;
  /** Absent: every source of the rule. */
  source?: string;
  until: number;
}

export interface AlertsState {
  /** Pending and firing, worst first. */
  active: AlertView[];
  /** The latest resolutions, newest first (bounded). */
  resolved: AlertView[];
  rules: AlertRuleView[];
  silences: AlertSilence[];
  /** The worst severity firing, for the banner and the tray. */
  worst?: EventSeverity;
}

/** Only the firing alerts: what every screen shows (the banner) and notifies about. A pending alert's live value is the Alerts screen's alone. */
export interface AlertsFiring {
  /** Firing, acknowledged or not, worst first. */
  firing: AlertView[];
}

export const alertsTopics = {
  alerts: stateTopic<AlertsState>()(z.strictObject({}).prefault({})),
  'alerts.firing': stateTopic<AlertsFiring>()(z.strictObject({}).prefault({})),
};

const ruleName = z.string().min(1).max(200);
const source = z.string().min(1).max(500);

export const alertsCommands = {
  /** Sends nothing for a rule (or one source of it) for a while; firing alerts keep showing. */
  'alerts.silence': command<{ until: number }>()(
    z.strictObject({ rule: ruleName, source: source.optional(), forMs: z.number().int().min(1_000).max(30 * 24 * 3_600_000) }),
  ),
  'alerts.unsilence': command<{ removed: boolean }>()(z.strictObject({ rule: ruleName, source: source.optional() })),
  /** Someone is on it: the banner stops asking; it stays firing until it resolves. */
  'alerts.acknowledge': command<{ acknowledged: boolean }>()(z.strictObject({ id: z.string().min(1).max(800) })),
};

/** The screen that shows the affected thing; the same route in the browser and the desktop app. */
export function alertLink(source: string): string {
  const parsed = parseSourceId(source);
  if (!parsed || parsed.kind === 'switchboard') return '#/overview';
  const name = encodeURIComponent(parsed.name);
  switch (parsed.kind) {
    case 'mcp':
      return `#/mcp?server=${name}`;
    case 'probe':
      return `#/dashboards?tab=health&probe=${name}`;
    case 'cache':
      return '#/dashboards?tab=cache';
    case 'container':
    case 'engine':
      return '#/containers';
    default:
      return '#/alerts';
  }
}

/** The firing ones among active alerts, in their order: the banner's, the tray's and the notifications' list. */
export function firingAlerts(active: readonly AlertView[]): AlertView[] {
  return active.filter((a) => a.state === 'firing');
}

/** An OS notification is shown once per firing, for rules that notify the desktop, unless silenced: the browser and the desktop shell decide alike. */
export function notifiesDesktop(alert: AlertView, now: number): boolean {
  return alert.state === 'firing' && alert.firingId !== undefined && alert.notify.includes('desktop') && !((alert.silencedUntil ?? 0) > now);
}
