/**
 * Every keyboard shortcut, once: the global handler, the rows, the command
 * palette's "shortcut beside each entry", the `?` dialog and the README's
 * Keyboard section all read this list. Pure: no DOM, so it is unit-tested.
 */

/** One way to press a shortcut. `mod` is Ctrl, or Cmd on a Mac. */
export interface Chord {
  key: string;
  mod?: boolean;
  alt?: boolean;
}

/** Where a shortcut works: anywhere on a screen, on a focused list row, or inside an open dialog. */
export type Scope = 'screen' | 'row' | 'dialog';

export interface Binding {
  id: string;
  /** What it does, in the operator's words. */
  does: string;
  scope: Scope;
  /** Alternatives: any of them does it. */
  chords: Chord[];
  /** A mouse button that does the same, as the `?` dialog words it. */
  mouse?: { button: 3 | 4; name: string };
}

/** The screens the Ctrl/Cmd+digit shortcuts go to, in sidebar order. */
export interface ScreenEntry {
  path: string;
  navLabel: string;
}

/** The key event fields a chord is matched against (a KeyboardEvent has them all). */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

const fixedBindings: Binding[] = [
  { id: 'palette', does: 'Open the command palette: every action on every item', scope: 'screen', chords: [{ key: 'k', mod: true }] },
  { id: 'help', does: 'Show these shortcuts', scope: 'screen', chords: [{ key: '?' }] },
  { id: 'search', does: 'Search in this screen (the command palette where a screen has no search field)', scope: 'screen', chords: [{ key: '/' }] },
  { id: 'back', does: 'Back to the previous screen', scope: 'screen', chords: [{ key: 'ArrowLeft', alt: true }], mouse: { button: 3, name: 'mouse back button' } },
  { id: 'forward', does: 'Forward again', scope: 'screen', chords: [{ key: 'ArrowRight', alt: true }], mouse: { button: 4, name: 'mouse forward button' } },
  { id: 'row.next', does: 'Next row of the list (containers, MCP servers)', scope: 'screen', chords: [{ key: 'j' }, { key: 'ArrowDown' }] },
  { id: 'row.previous', does: 'Previous row of the list', scope: 'screen', chords: [{ key: 'k' }, { key: 'ArrowUp' }] },
  { id: 'row.open', does: 'Open the row’s details', scope: 'row', chords: [{ key: 'Enter' }] },
  { id: 'row.restart', does: 'Restart the row’s container or MCP server', scope: 'row', chords: [{ key: 'r' }] },
  { id: 'row.startStop', does: 'Start it, or stop it when it runs', scope: 'row', chords: [{ key: 's' }] },
  { id: 'row.logs', does: 'Open its logs', scope: 'row', chords: [{ key: 'l' }] },
  { id: 'dialog.close', does: 'Close the dialog or the palette (focus goes back where it was)', scope: 'dialog', chords: [{ key: 'Escape' }] },
  { id: 'dialog.confirm', does: 'Confirm the dialog, or run the palette’s picked entry', scope: 'dialog', chords: [{ key: 'Enter' }] },
];

/** Ctrl/Cmd+1…9 reach the first nine screens. */
const digitScreens = 9;

export function screenBindingId(path: string): string {
  return `screen.${path}`;
}

/** The whole keymap for a screen list: the screen digits first, then the fixed shortcuts. */
export function keymapFor(screens: readonly ScreenEntry[]): Binding[] {
  const screenBindings = screens.slice(0, digitScreens).map<Binding>((s, i) => ({
    id: screenBindingId(s.path),
    does: `Go to ${s.navLabel}`,
    scope: 'screen',
    chords: [{ key: String(i + 1), mod: true }],
  }));
  return [...screenBindings, ...fixedBindings];
}

/** The row shortcuts alone, for the list rows (they must not load the screen list: screens import the rows). */
export const rowBindings = fixedBindings.filter((b) => b.scope === 'row');

/**
 * Whether a key press is this chord. Letters compare without case but Shift
 * must be up (Shift+R is not `r`); a symbol such as `?` is whatever Shift it
 * took to type; `mod` is Ctrl or Cmd, never both, and no other modifier may be down.
 */
export function chordMatches(chord: Chord, press: KeyPress): boolean {
  const isLetter = /^[a-z]$/i.test(chord.key);
  const key = isLetter ? press.key.toLowerCase() : press.key;
  if (key !== chord.key) return false;
  const mod = press.ctrlKey || press.metaKey;
  if (Boolean(chord.mod) !== mod || (press.ctrlKey && press.metaKey)) return false;
  if (Boolean(chord.alt) !== press.altKey) return false;
  // A symbol needs Shift on most layouts ("?" is Shift+/), so Shift only counts for letters and named keys.
  if ((isLetter || chord.key.length > 1) && press.shiftKey) return false;
  return true;
}

/** The binding a key press triggers among `bindings`, if any. */
export function bindingFor(press: KeyPress, bindings: readonly Binding[]): Binding | undefined {
  return bindings.find((b) => b.chords.some((c) => chordMatches(c, press)));
}

const keyNames: Record<string, string> = {
  ArrowLeft: '←',
  ArrowRight: '→',
  ArrowUp: '↑',
  ArrowDown: '↓',
  Escape: 'Esc',
  Enter: 'Enter',
};

/** A chord as the keycaps read: "Ctrl+K" (or "⌘K" on a Mac), "Alt+←" ("⌥←"), "j" (a plain letter stays lower case: no Shift), "?". */
export function chordLabel(chord: Chord, mac: boolean): string {
  const key = keyNames[chord.key] ?? (chord.mod || chord.alt ? chord.key.toUpperCase() : chord.key);
  const parts = [...(chord.mod ? [mac ? '⌘' : 'Ctrl'] : []), ...(chord.alt ? [mac ? '⌥' : 'Alt'] : []), key];
  return mac ? parts.join('') : parts.join('+');
}

/** Every way to trigger a binding, in words: "J or ↓", "Alt+← or mouse back button". */
export function bindingLabel(binding: Binding, mac: boolean): string {
  const ways = binding.chords.map((c) => chordLabel(c, mac));
  if (binding.mouse) ways.push(binding.mouse.name);
  return ways.join(' or ');
}

const scopeHeadings: Record<Scope, string> = {
  screen: 'Anywhere (not while typing in a field)',
  row: 'On a focused row of a list',
  dialog: 'In a dialog or the palette',
};

/** The bindings grouped under their scope's heading, in keymap order: the `?` dialog and the README show these groups. */
export function keymapGroups(bindings: readonly Binding[]): Array<{ heading: string; bindings: Binding[] }> {
  return (Object.keys(scopeHeadings) as Scope[]).map((scope) => ({ heading: scopeHeadings[scope], bindings: bindings.filter((b) => b.scope === scope) }));
}

/** The README's Keyboard table (keys as on Linux and Windows, with a note for the Mac). */
export function keymapMarkdown(bindings: readonly Binding[]): string {
  const lines = ['| Keys | What it does |', '| --- | --- |'];
  for (const group of keymapGroups(bindings)) {
    lines.push(`| **${group.heading}** | |`);
    for (const b of group.bindings) lines.push(`| ${bindingLabel(b, false).replace(/\|/g, '\\|')} | ${b.does} |`);
  }
  return lines.join('\n');
}
