import { useEffect, useId, useMemo, useState, type KeyboardEvent } from 'react';
import { bindingFor, chordLabel, type Binding } from '../keyboard/keymap.js';
import { isMac } from '../keyboard/platform.js';
import { useModalDialog } from '../keyboard/useModalDialog.js';
import { PaletteOption } from './PaletteOption.js';
import type { PaletteEntry } from './paletteEntry.js';
import { rankEntries } from './rankEntries.js';
import { usePaletteEntries } from './usePaletteEntries.js';
import './palette.css';

/** How many matches the list shows at once; typing narrows the rest down. */
export const shownLimit = 50;
/** PageUp / PageDown move this many options. */
const pageStep = 8;

interface Props {
  open: boolean;
  keymap: readonly Binding[];
  /** Ids of the entries picked lately, most recent first: shown first. */
  recent: readonly string[];
  onPick(entry: PaletteEntry): void;
  onClose(): void;
  /** After it closed and focus went back where it was. */
  onClosed(): void;
}

/**
 * The command palette (Ctrl/Cmd+K): a search field over every action on every
 * item, fuzzy-matched, as an ARIA combobox whose listbox follows
 * aria-activedescendant; Esc closes it and focus returns where it was.
 */
export function CommandPalette({ open, keymap, recent, onPick, onClose, onClosed }: Props) {
  const dialog = useModalDialog(open, { onDismiss: onClose, onClosed });
  return (
    <dialog ref={dialog} className="palette" aria-label="Command palette">
      {open ? <PaletteBody keymap={keymap} recent={recent} onPick={onPick} onClose={onClose} /> : null}
    </dialog>
  );
}

function PaletteBody({ keymap, recent, onPick, onClose }: Pick<Props, 'keymap' | 'recent' | 'onPick' | 'onClose'>) {
  const entries = usePaletteEntries();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const ids = useId();
  const listId = `${ids}-list`;
  const optionId = (i: number) => `${ids}-option-${i}`;
  const { shown, total } = useMemo(() => rankEntries(entries, query, recent, shownLimit), [entries, query, recent]);
  const activeIndex = Math.min(active, shown.length - 1);
  const shortcuts = useMemo(() => new Map(keymap.map((b) => [b.id, chordLabel(b.chords[0]!, isMac)])), [keymap]);

  useEffect(() => {
    if (activeIndex >= 0) document.getElementById(`${ids}-option-${activeIndex}`)?.scrollIntoView({ block: 'nearest' });
  }, [ids, activeIndex]);

  const move = (to: number) => {
    if (shown.length === 0) return;
    setActive((to + shown.length) % shown.length);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const pick = shown[activeIndex];
    if (event.key === 'ArrowDown') move(activeIndex + 1);
    else if (event.key === 'ArrowUp') move(activeIndex - 1);
    else if (event.key === 'PageDown') setActive(Math.min(shown.length - 1, activeIndex + pageStep));
    else if (event.key === 'PageUp') setActive(Math.max(0, activeIndex - pageStep));
    else if (event.key === 'Enter' && pick) onPick(pick.entry);
    // the field is the only stop in the dialog
    else if (event.key === 'Tab') move(activeIndex + (event.shiftKey ? -1 : 1));
    else if (bindingFor(event.nativeEvent, keymap)?.id === 'palette') onClose();
    else return;
    event.preventDefault();
  };

  return (
    <div className="palette-body">
      <input
        type="text"
        className="palette-input"
        role="combobox"
        aria-label="Command"
        aria-expanded="true"
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={activeIndex >= 0 ? optionId(activeIndex) : undefined}
        placeholder="Type a command or an item: restart redis, logs backend, go to containers…"
        autoComplete="off"
        spellCheck={false}
        data-autofocus=""
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      {/* data-query: the query these results are for (the palette benchmark waits for it) */}
      <ul id={listId} role="listbox" aria-label="Commands" className="palette-list" data-query={query}>
        {shown.map((ranked, i) => (
          <PaletteOption
            key={ranked.entry.id}
            id={optionId(i)}
            ranked={ranked}
            active={i === activeIndex}
            shortcut={ranked.entry.shortcut ? shortcuts.get(ranked.entry.shortcut) : undefined}
            onHover={() => setActive(i)}
            onPick={() => onPick(ranked.entry)}
          />
        ))}
      </ul>
      {shown.length === 0 ? <div className="palette-empty">Nothing matches “{query}”.</div> : null}
      <div className="palette-foot">
        <span role="status" className="palette-count">
          {total === 0 ? 'no matches' : total > shown.length ? `${shown.length} of ${total} · type to narrow` : `${total} ${total === 1 ? 'match' : 'matches'}`}
        </span>
        <span className="palette-hints" aria-hidden="true">
          <kbd className="keycap">↑</kbd> <kbd className="keycap">↓</kbd> move · <kbd className="keycap">Enter</kbd> run · <kbd className="keycap">Esc</kbd> close
        </span>
      </div>
    </div>
  );
}
