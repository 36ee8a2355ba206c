import type { Ranked } from './rankEntries.js';
import type { PaletteEntry } from './paletteEntry.js';

interface Props {
  id: string;
  ranked: Ranked<PaletteEntry>;
  active: boolean;
  /** The keycaps of the entry's shortcut, when it has one. */
  shortcut: string | undefined;
  onHover(): void;
  onPick(): void;
}

/** The label with the characters the query matched in bold. */
function Highlighted({ label, positions }: { label: string; positions: number[] }) {
  if (positions.length === 0) return <>{label}</>;
  const hit = new Set(positions);
  const parts: Array<{ text: string; hit: boolean }> = [];
  for (let i = 0; i < label.length; i++) {
    const last = parts.at(-1);
    if (last && last.hit === hit.has(i)) last.text += label[i];
    else parts.push({ text: label[i]!, hit: hit.has(i) });
  }
  return <>{parts.map((p, i) => (p.hit ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}</>;
}

/** One entry of the palette's listbox: label, what it acts on, and its shortcut; red when it cannot be undone. */
export function PaletteOption({ id, ranked, active, shortcut, onHover, onPick }: Props) {
  const { entry, positions } = ranked;
  return (
    <li
      id={id}
      role="option"
      aria-selected={active}
      className={`palette-option${active ? ' is-active' : ''}${entry.confirm ? ' is-destructive' : ''}`}
      onMouseMove={active ? undefined : onHover}
      // keep focus in the search field: the option is picked by its click
      onMouseDown={(e) => e.preventDefault()}
      onClick={onPick}
    >
      <span className="palette-option-label">
        <Highlighted label={entry.label} positions={positions} />
        {entry.confirm ? <span className="palette-sr-only"> (asks to confirm)</span> : null}
      </span>
      <span className="palette-option-detail">{entry.detail}</span>
      {shortcut ? (
        <span className="palette-option-keys">
          <span className="palette-sr-only">shortcut </span>
          <kbd className="keycap">{shortcut}</kbd>
        </span>
      ) : (
        <span />
      )}
    </li>
  );
}
