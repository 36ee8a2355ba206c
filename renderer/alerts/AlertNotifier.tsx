import { useContext, useEffect } from 'react';
import { ClientContext, useTopicState } from '../client/hooks.js';
import { notifiesDesktop } from '../../shared/contract/alerts.js';
import { useNotificationPermission } from './notificationPermission.js';

const seenKey = 'switchboard.alerts.notified';

/** Firings this browser has shown (or decided not to show), kept across reloads so a reload is not a new notification. */
function seenFirings(): Set<string> {
  try {
    return new Set(JSON.parse(localStorage.getItem(seenKey) ?? '[]') as string[]);
  } catch {
    return new Set();
  }
}

function remember(seen: Set<string>): void {
  // The newest 500 are plenty: a firing id is never reused.
  localStorage.setItem(seenKey, JSON.stringify([...seen].slice(-500)));
}

/**
 * Browser mode's OS notifications: one per firing, after the operator has
 * allowed them; a click brings the tab forward on the affected item's screen.
 * The desktop app shows Electron's own from main, so this stays quiet there.
 */
export function AlertNotifier() {
  const mode = useContext(ClientContext)?.connection.mode;
  const { data } = useTopicState('alerts.firing');
  const permission = useNotificationPermission();
  useEffect(() => {
    if (mode !== 'browser' || !data || permission !== 'granted') return;
    const seen = seenFirings();
    const now = Date.now();
    let changed = false;
    for (const alert of data.firing) {
      if (!alert.firingId || seen.has(alert.firingId)) continue;
      seen.add(alert.firingId);
      changed = true;
      // A silenced firing is marked seen too: the silence ending later is not news.
      if (!notifiesDesktop(alert, now)) continue;
      const notification = new Notification(`${alert.severity === 'critical' ? '🔴' : '⚠'} ${alert.rule}`, { body: alert.summary, tag: alert.firingId });
      notification.onclick = () => {
        window.focus();
        location.hash = alert.link;
        notification.close();
      };
    }
    if (changed) remember(seen);
  }, [mode, data, permission]);
  return null;
}
