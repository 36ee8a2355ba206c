/** Keys the terminal keeps for itself instead of sending them to the process. */
export type TerminalShortcut = 'copy' | 'paste' | 'find' | 'font-bigger' | 'font-smaller' | 'font-reset';

/**
 * Ctrl-C and Ctrl-V go to the process, as in any terminal; copy and paste
 * are Ctrl+Shift+C / Ctrl+Shift+V (⌘C / ⌘V on a Mac), search Ctrl+Shift+F,
 * font size Ctrl+= / Ctrl+- / Ctrl+0.
 */
export function shortcutFor(event: Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>): TerminalShortcut | undefined {
  if (event.altKey) return undefined;
  const key = event.key.toLowerCase();
  const command = event.metaKey && !event.ctrlKey;
  const ctrlShift = event.ctrlKey && event.shiftKey && !event.metaKey;
  if ((ctrlShift || command) && key === 'c') return 'copy';
  if ((ctrlShift || command) && key === 'v') return 'paste';
  if ((ctrlShift || command) && key === 'f') return 'find';
  if (event.ctrlKey || event.metaKey) {
    if (key === '=' || key === '+') return 'font-bigger';
    if (key === '-' || key === '_') return 'font-smaller';
    if (key === '0' && event.code === 'Digit0') return 'font-reset';
  }
  return undefined;
}

export const fontSizes = { min: 8, max: 32, normal: 13 };

const storageKey = 'switchboard.terminal.fontSize';

export function savedFontSize(): number {
  const saved = Number(localStorage.getItem(storageKey));
  return Number.isInteger(saved) && saved >= fontSizes.min && saved <= fontSizes.max ? saved : fontSizes.normal;
}

/** The next font size for a shortcut, remembered for the next terminal. */
export function nextFontSize(current: number, shortcut: 'font-bigger' | 'font-smaller' | 'font-reset'): number {
  const next = shortcut === 'font-reset' ? fontSizes.normal : Math.min(fontSizes.max, Math.max(fontSizes.min, current + (shortcut === 'font-bigger' ? 1 : -1)));
  localStorage.setItem(storageKey, String(next));
  return next;
}
