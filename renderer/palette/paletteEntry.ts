import type { CommandName, ParamsIn, ResultOf } from '../../shared/contract/index.js';
// type only: the entry builders must not load the screen list (screens load their rows, rows the keymap)
import type { ScreenPath } from '../navigation/screens.js';
import type { Rankable } from './rankEntries.js';

/** What running an entry may do: call the contract, move to a screen, or do what a shortcut does. */
export interface PaletteActs {
  call<K extends CommandName>(name: K, params: ParamsIn<K>): Promise<ResultOf<K>>;
  navigate(screen: ScreenPath, params?: Record<string, string>): void;
  /** Does what the keymap binding with this id does (the shortcuts dialog, back, search…). */
  press(bindingId: string): void;
}

/** A question asked before an entry that cannot be undone runs (the shared ConfirmDialog shows it). */
export interface Confirmation {
  title: string;
  body: string;
  confirmLabel: string;
}

/** One line of the command palette: one action on one item, or a screen to go to. */
export interface PaletteEntry extends Rankable {
  /** What it acts on and its state, shown muted beside the label: "container · running". */
  detail: string;
  /** The keymap binding that does the same from a screen or a focused row, shown beside it. */
  shortcut?: string;
  /** Set for destructive entries: they ask first. */
  confirm?: Confirmation;
  /** Does it; the words it resolves to say how it went ("restart done in 1.9 s"). A move to a screen returns nothing. */
  run(acts: PaletteActs): Promise<string> | void;
}
