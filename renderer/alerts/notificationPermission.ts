import { useSyncExternalStore } from 'react';

type Permission = NotificationPermission | 'unsupported';

const listeners = new Set<() => void>();
const ask = (): Permission => (typeof Notification === 'undefined' ? 'unsupported' : Notification.permission);

// Read once and kept: each read of Notification.permission is a synchronous call into
// Chromium's browser process (~0.3 ms here), and its readers render with every alerts
// update, once a second while an alert is pending. Changes come from our own request
// or from the browser's site settings, which the Permissions API reports.
let current = ask();

function refresh(): void {
  const next = ask();
  if (next === current) return;
  current = next;
  for (const listener of listeners) listener();
}

if (typeof navigator !== 'undefined' && navigator.permissions) {
  navigator.permissions.query({ name: 'notifications' }).then(
    (status) => status.addEventListener('change', refresh),
    () => {}, // no Permissions API for notifications here: only our own request changes it
  );
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const read = (): Permission => current;

/** Whether this browser lets Switchboard notify: "default" until the operator answers the prompt. */
export function useNotificationPermission(): Permission {
  return useSyncExternalStore(subscribe, read);
}

/** Asks the browser (it must come from a click); every reader of the permission follows. */
export async function requestNotificationPermission(): Promise<void> {
  if (typeof Notification === 'undefined') return;
  await Notification.requestPermission();
  refresh();
}
