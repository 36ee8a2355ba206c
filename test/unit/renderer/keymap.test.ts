import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bindingFor, bindingLabel, chordLabel, chordMatches, keymapFor, keymapGroups, keymapMarkdown, rowBindings, type KeyPress } from '../../../renderer/keyboard/keymap.js';

const press = (key: string, mods: Partial<Omit<KeyPress, 'key'>> = {}): KeyPress => ({ key, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods });
const screens = [
  { path: 'overview', navLabel: 'Overview' },
  { path: 'containers', navLabel: 'Containers' },
  { path: 'mcp', navLabel: 'MCP servers' },
];
const keymap = keymapFor(screens);
const idOf = (p: KeyPress) => bindingFor(p, keymap)?.id;

describe('the keymap', () => {
  it('gives each screen Ctrl/Cmd + its place in the sidebar, and only the first nine', () => {
    expect(idOf(press('1', { ctrlKey: true }))).toBe('screen.overview');
    expect(idOf(press('3', { metaKey: true }))).toBe('screen.mcp');
    expect(idOf(press('4', { ctrlKey: true }))).toBeUndefined();
    expect(idOf(press('2'))).toBeUndefined();
    const many = keymapFor(Array.from({ length: 12 }, (_, i) => ({ path: `s${i}`, navLabel: `S${i}` })));
    expect(many.filter((b) => b.id.startsWith('screen.')).map((b) => b.chords[0]!.key)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
  });

  it('opens the palette with Ctrl+K or Cmd+K, not with K alone, Ctrl+Cmd+K or Ctrl+Shift+K', () => {
    expect(idOf(press('k', { ctrlKey: true }))).toBe('palette');
    expect(idOf(press('k', { metaKey: true }))).toBe('palette');
    expect(idOf(press('K', { ctrlKey: true, shiftKey: true }))).toBeUndefined();
    expect(idOf(press('k', { ctrlKey: true, metaKey: true }))).toBeUndefined();
    expect(idOf(press('k'))).toBe('row.previous');
  });

  it('moves in lists with j/k and the arrows, but not with Shift (selection) or Alt (back/forward)', () => {
    expect(['j', 'ArrowDown', 'k', 'ArrowUp'].map((k) => idOf(press(k)))).toEqual(['row.next', 'row.next', 'row.previous', 'row.previous']);
    expect(idOf(press('ArrowDown', { shiftKey: true }))).toBeUndefined();
    expect(idOf(press('J', { shiftKey: true }))).toBeUndefined();
    expect(idOf(press('ArrowLeft', { altKey: true }))).toBe('back');
    expect(idOf(press('ArrowRight', { altKey: true }))).toBe('forward');
    expect(idOf(press('ArrowLeft'))).toBeUndefined();
  });

  it('reads ? and / however they were typed (? takes Shift on most layouts), but not with Ctrl', () => {
    expect(idOf(press('?', { shiftKey: true }))).toBe('help');
    expect(idOf(press('?'))).toBe('help');
    expect(idOf(press('/'))).toBe('search');
    expect(idOf(press('/', { ctrlKey: true }))).toBeUndefined();
  });

  it('has the row shortcuts Enter, r, s and l, apart from the screen-wide ones', () => {
    expect(rowBindings.map((b) => [b.id, b.chords.map((c) => c.key)])).toEqual([
      ['row.open', ['Enter']],
      ['row.restart', ['r']],
      ['row.startStop', ['s']],
      ['row.logs', ['l']],
    ]);
    expect(bindingFor(press('r'), rowBindings)?.id).toBe('row.restart');
    expect(bindingFor(press('R', { shiftKey: true }), rowBindings)).toBeUndefined();
    expect(bindingFor(press('r', { ctrlKey: true }), rowBindings)).toBeUndefined();
    expect(bindingFor(press('Enter', { shiftKey: true }), rowBindings)).toBeUndefined();
  });

  it('has one meaning per key press in each scope', () => {
    for (const group of keymapGroups(keymap)) {
      const chords = group.bindings.flatMap((b) => b.chords.map((c) => chordLabel(c, false)));
      expect(new Set(chords).size, group.heading).toBe(chords.length);
    }
    expect(new Set(keymap.map((b) => b.id)).size).toBe(keymap.length);
    expect(chordMatches({ key: 'k', mod: true }, press('k', { ctrlKey: true, altKey: true }))).toBe(false);
  });

  it('words keys as Linux and Windows show them, and as a Mac does', () => {
    const palette = keymap.find((b) => b.id === 'palette')!;
    expect(bindingLabel(palette, false)).toBe('Ctrl+K');
    expect(bindingLabel(palette, true)).toBe('⌘K');
    expect(bindingLabel(keymap.find((b) => b.id === 'back')!, false)).toBe('Alt+← or mouse back button');
    expect(bindingLabel(keymap.find((b) => b.id === 'back')!, true)).toBe('⌥← or mouse back button');
    expect(bindingLabel(keymap.find((b) => b.id === 'row.next')!, false)).toBe('j or ↓');
    expect(bindingLabel(keymap.find((b) => b.id === 'dialog.close')!, false)).toBe('Esc');
  });
});

describe("the README's Keyboard section", () => {
  it('is the app keymap as keymapMarkdown writes it (regenerate it from there when a shortcut changes)', async () => {
    const { appKeymap } = await import('../../../renderer/keyboard/appKeymap.js');
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    const table = keymapMarkdown(appKeymap);
    expect(readme, `README.md should hold this table under "## Keyboard":\n${table}`).toContain(table);
    expect(table).toContain('| Ctrl+1 | Go to Overview |');
  });
});
