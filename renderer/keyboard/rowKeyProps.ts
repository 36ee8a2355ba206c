import type { KeyboardEvent } from 'react';
import { bindingFor, rowBindings } from './keymap.js';
import { isTyping } from './typingTarget.js';

/** What a list row does for each row shortcut; an action left out (or busy) does nothing. */
export interface RowKeyActions {
  open(): void;
  restart?(): void;
  startStop?(): void;
  logs?(): void;
}

const actionOf: Record<string, keyof RowKeyActions> = { 'row.open': 'open', 'row.restart': 'restart', 'row.startStop': 'startStop', 'row.logs': 'logs' };

/** The row shortcuts as screen readers are told them (aria-keyshortcuts). */
const announced = rowBindings.flatMap((b) => b.chords.map((c) => (c.key.length === 1 ? c.key.toUpperCase() : c.key))).join(' ');

/**
 * Props for a list row (an <li>) that j/k can focus and that answers the row
 * shortcuts: Enter opens it, r restarts, s starts or stops, l opens its logs.
 * They work with focus on the row or on any of its buttons, never while typing.
 */
export function rowKeyProps(actions: RowKeyActions) {
  return {
    tabIndex: -1,
    'data-nav-row': '',
    'aria-keyshortcuts': announced,
    onKeyDown(event: KeyboardEvent<HTMLElement>) {
      if (event.defaultPrevented || isTyping(event.target)) return;
      // a dialog opened from inside the row: its keys are its own
      if (event.target instanceof Element && event.target.closest('dialog')) return;
      const binding = bindingFor(event.nativeEvent, rowBindings);
      if (!binding) return;
      // Enter on one of the row's buttons presses that button
      if (binding.id === 'row.open' && event.target !== event.currentTarget) return;
      const action = actions[actionOf[binding.id]!];
      if (!action) return;
      event.preventDefault();
      action();
    },
  };
}
