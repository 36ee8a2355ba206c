import { useSyncExternalStore } from 'react';

type Permission = NotificationPermission | 'unsupported';

const listeners = new Set<() => void>();
const read = (): Permission => (typeof Notification === 'undefined' ? 'unsupported' : Notification.permission);

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Whether this browser lets Switchboard notify: "default" until the operator answers the prompt. */
export function useNotificationPermission(): Permission {
  return useSyncExternalStore(subscribe, read);
}

/** Asks the browser (it must come from a click); every reader of the permission follows. */
export async function requestNotificationPermission(): Promise<void> {
  if (typeof Notification === 'undefined') return;
  await Notification.requestPermission();
  for (const listener of listeners) listener();
}
