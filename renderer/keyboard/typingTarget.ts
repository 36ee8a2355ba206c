/** Input types that take no text: a key pressed on them is not typing (Space toggles a checkbox, letters do nothing). */
const notTyped = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'file', 'color', 'image']);

/**
 * Whether a key pressed with focus on `target` is typing: in a text field, a
 * text area, a select, anything contenteditable, or a terminal (xterm.js
 * keeps its focus on a hidden textarea; `data-terminal` marks any other).
 * Shortcuts never fire then.
 */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  if (target instanceof HTMLInputElement) return !notTyped.has(target.type);
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLElement && target.isContentEditable) return true;
  return target.closest('.xterm, [data-terminal]') !== null;
}
