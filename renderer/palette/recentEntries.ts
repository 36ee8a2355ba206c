/** How many picked entries the palette remembers, most recent first. */
export const recentLimit = 20;

const storageKey = 'switchboard.palette.recent';

/** The ids of the entries picked lately, most recent first; none when storage is unavailable or spoilt. */
export function loadRecent(): string[] {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(storageKey) ?? '[]');
    return Array.isArray(stored) ? stored.filter((id): id is string => typeof id === 'string').slice(0, recentLimit) : [];
  } catch {
    return [];
  }
}

/** `id` moved to the front of `recent`, the list cut to its limit. */
export function withRecent(recent: readonly string[], id: string): string[] {
  return [id, ...recent.filter((r) => r !== id)].slice(0, recentLimit);
}

/** Remembers a pick across reloads (and, in Electron, across launches). */
export function saveRecent(recent: readonly string[]): void {
  try {
    localStorage.setItem(storageKey, JSON.stringify(recent));
  } catch {
    // private mode or a full storage: the palette still works, it just forgets
  }
}
