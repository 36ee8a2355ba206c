import { useSyncExternalStore } from 'react';
import { latestAnnouncement, subscribeAnnouncements } from './announcer.js';

/** The app's single polite live region (mounted once, by App): screen readers say each announcement when they are idle. */
export function LiveAnnouncer() {
  const { seq, text } = useSyncExternalStore(subscribeAnnouncements, latestAnnouncement);
  return (
    <div className="visually-hidden" role="status" aria-live="polite" aria-label="Status changes">
      {/* a new node per announcement: a repeat of the same words is an addition the reader says again */}
      {text ? <p key={seq}>{text}</p> : null}
    </div>
  );
}
