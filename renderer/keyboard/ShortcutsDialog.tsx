import { Fragment } from 'react';
import { chordLabel, keymapGroups, type Binding } from './keymap.js';
import { isMac } from './platform.js';
import { useModalDialog } from './useModalDialog.js';

interface Props {
  open: boolean;
  keymap: readonly Binding[];
  onClose(): void;
}

/** Keycaps for every way to press a binding: "Ctrl + K", "J or ↓", "Alt + ← or mouse back button". */
function Keys({ binding }: { binding: Binding }) {
  return (
    <>
      {binding.chords.map((c, i) => (
        <Fragment key={i}>
          {i > 0 ? <span className="shortcuts-or"> or </span> : null}
          <kbd className="keycap">{chordLabel(c, isMac)}</kbd>
        </Fragment>
      ))}
      {binding.mouse ? (
        <>
          <span className="shortcuts-or"> or </span>
          <span className="shortcuts-mouse">{binding.mouse.name}</span>
        </>
      ) : null}
    </>
  );
}

/** The `?` dialog: every shortcut of the keymap, grouped by where it works. */
export function ShortcutsDialog({ open, keymap, onClose }: Props) {
  const dialog = useModalDialog(open, { onDismiss: onClose });
  return (
    <dialog ref={dialog} className="shortcuts-dialog" aria-labelledby="shortcuts-dialog-title">
      {open ? (
        <>
          <h2 id="shortcuts-dialog-title" className="shortcuts-title">
            Keyboard shortcuts
          </h2>
          <div className="shortcuts-groups">
            {keymapGroups(keymap).map((group) => (
              <table key={group.heading} className="shortcuts-table">
                <caption>{group.heading}</caption>
                <tbody>
                  {group.bindings.map((b) => (
                    <tr key={b.id}>
                      <th scope="row">
                        <Keys binding={b} />
                      </th>
                      <td>{b.does}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ))}
          </div>
          <div className="shortcuts-actions">
            <button type="button" className="action-button" data-autofocus="" onClick={onClose}>
              Close
            </button>
          </div>
        </>
      ) : null}
    </dialog>
  );
}
