/**
 * The one place that tells a screen reader what changed (e.g. "postgres: ready"):
 * rows call announce(); <LiveAnnouncer /> renders the single polite live region.
 * Changes that land together are said together, once each.
 */
export interface Announcement {
  /** Grows with each announcement, so the same words said twice are still heard twice. */
  seq: number;
  text: string;
}

/** Long enough to gather the rows that changed in one update, short enough to feel immediate. */
const gatherMs = 250;
const listeners = new Set<() => void>();
let pending: string[] = [];
let timer: ReturnType<typeof setTimeout> | undefined;
let latest: Announcement = { seq: 0, text: '' };

export function announce(text: string): void {
  if (!pending.includes(text)) pending.push(text);
  timer ??= setTimeout(flush, gatherMs);
}

function flush(): void {
  timer = undefined;
  latest = { seq: latest.seq + 1, text: pending.join('. ') };
  pending = [];
  for (const listener of listeners) listener();
}

export function subscribeAnnouncements(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function latestAnnouncement(): Announcement {
  return latest;
}
