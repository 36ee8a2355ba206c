import { useSyncExternalStore } from 'react';

type Permission = NotificationPermission | 'unsupported';

const listeners = new Set<() => void>();
const ask = (): Permission => (typeof Notification === 'undefined' ? 'unsupported' : Notification.permission);

// Kept, not read on each render: each read of Notification.permission is a synchronous
// call into Chromium's browser process (~0.3 ms here), and its readers render with every
// alerts update, once a second while an alert is pending. While anyone reads it, changes
// come from our own request or from the browser's site settings (the Permissions API's
// change event); when the first reader comes, it is asked afresh.
let current: Permission | undefined;
let stopWatching: (() => void) | undefined;

function refresh(): void {
  const next = ask();
  if (next === current) return;
  current = next;
  for (const listener of listeners) listener();
}

/** Follows the site settings; the returned function stops (also before the query has answered). */
function watchSiteSettings(): () => void {
  let stopped = false;
  let status: PermissionStatus | undefined;
  navigator.permissions?.query({ name: 'notifications' }).then(
    (answer) => {
      if (stopped) return;
      status = answer;
      status.addEventListener('change', refresh);
    },
    () => {}, // no Permissions API for notifications here: only our own request changes it
  );
  return () => {
    stopped = true;
    status?.removeEventListener('change', refresh);
  };
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (listeners.size === 1) {
    refresh();
    stopWatching = watchSiteSettings();
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size > 0) return;
    stopWatching?.();
    stopWatching = undefined;
  };
}

const read = (): Permission => (current ??= ask());

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
