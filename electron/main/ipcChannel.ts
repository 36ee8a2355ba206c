/** The one IPC channel name for protocol messages, in both directions. */
export const ipcChannel = 'switchboard:message';

/** Renderer to main only: the preload's delivery notes, how main knows what the page has taken in. */
export const deliveryChannel = 'switchboard:delivery';

/**
 * `opened`: a new page is listening (first load or reload), counting from zero.
 * `received`: how many protocol messages this page has taken in so far.
 */
export type DeliveryNote = { t: 'opened' } | { t: 'received'; count: number };

/** A delivery note, or undefined for anything else (the sender is trusted, the value still is not). */
export function parseDeliveryNote(value: unknown): DeliveryNote | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const note = value as { t?: unknown; count?: unknown };
  if (note.t === 'opened') return { t: 'opened' };
  if (note.t === 'received' && typeof note.count === 'number' && Number.isSafeInteger(note.count) && note.count >= 0) {
    return { t: 'received', count: note.count };
  }
  return undefined;
}
