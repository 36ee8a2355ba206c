import { useEffect, useRef } from 'react';
import { bindingFor, type Binding } from './keymap.js';
import { isTyping } from './typingTarget.js';

/**
 * What each screen-wide binding does, by id; returns false when it had
 * nothing to do (no list on screen), so the key keeps its usual meaning.
 */
export type ShortcutActions = Record<string, (event?: KeyboardEvent | MouseEvent) => boolean | void>;

/** A modal dialog (the palette, `?`, a confirmation) has the keyboard to itself. */
function dialogOpen(): boolean {
  return document.querySelector('dialog[open]') !== null;
}

/**
 * Listens for the keymap's screen-wide shortcuts on the whole window, and for
 * the mouse's back and forward buttons. Nothing fires while typing in a field
 * or while a dialog is open; a key a row or field already handled is left alone.
 */
export function useGlobalShortcuts(keymap: readonly Binding[], actions: ShortcutActions): void {
  const latest = useRef(actions);
  useEffect(() => {
    latest.current = actions;
  });

  useEffect(() => {
    const screenWide = keymap.filter((b) => b.scope === 'screen');
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing || isTyping(event.target) || dialogOpen()) return;
      const binding = bindingFor(event, screenWide);
      const action = binding && latest.current[binding.id];
      if (action && action(event) !== false) event.preventDefault();
    };
    const byButton = new Map(screenWide.flatMap((b) => (b.mouse ? [[b.mouse.button, b.id] as const] : [])));
    // Browsers go back on the button's release unless the page cancels it: cancel both halves, act once.
    const onMouse = (event: MouseEvent) => {
      const id = byButton.get(event.button as 3 | 4);
      if (id === undefined || dialogOpen()) return;
      event.preventDefault();
      if (event.type === 'mouseup') latest.current[id]?.(event);
    };
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener('mousedown', onMouse);
    window.addEventListener('mouseup', onMouse);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('mousedown', onMouse);
      window.removeEventListener('mouseup', onMouse);
    };
  }, [keymap]);
}
