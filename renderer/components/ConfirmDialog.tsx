import type { KeyboardEvent, ReactNode } from 'react';
import { useModalDialog } from '../keyboard/useModalDialog.js';
import { ActionButton } from './ActionButton.js';
import './confirmDialog.css';

interface Props {
  open: boolean;
  title: string;
  children: ReactNode;
  /** The confirm button's words: what will happen ("End 3 processes"). */
  confirmLabel: string;
  tone?: 'danger' | 'primary';
  /** The confirmed action is running: the dialog stays open and cannot be cancelled. */
  pending?: boolean;
  onConfirm(): void;
  onCancel(): void;
  /** Where focus goes on close when the button that opened the dialog is gone or disabled by then. */
  fallbackFocus?(): HTMLElement | null | undefined;
}

/**
 * A modal question before something that cannot be undone: Esc cancels,
 * Enter confirms (the confirm button has focus), and focus goes back to
 * the button that opened it.
 */
export function ConfirmDialog({ open, title, children, confirmLabel, tone = 'danger', pending, onConfirm, onCancel, fallbackFocus }: Props) {
  // While the action runs Esc does nothing; if the browser closed the dialog anyway, our state follows.
  const dialog = useModalDialog(open, {
    onDismiss: (reason) => {
      if (reason === 'closed' || !pending) onCancel();
    },
    ...(fallbackFocus ? { fallbackFocus } : {}),
  });

  // Enter anywhere but on a button confirms; on a button, the button's own click decides
  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.key !== 'Enter' || pending || (event.target instanceof HTMLElement && event.target.closest('button'))) return;
    event.preventDefault();
    onConfirm();
  };

  return (
    <dialog ref={dialog} className="confirm-dialog" aria-labelledby="confirm-dialog-title" onKeyDown={onKeyDown}>
      {open ? (
        <>
          <h2 id="confirm-dialog-title" className="confirm-dialog-title">
            {title}
          </h2>
          <div className="confirm-dialog-body">{children}</div>
          <div className="confirm-dialog-actions">
            <ActionButton label="Cancel" disabled={pending} onClick={onCancel} />
            <ActionButton label={confirmLabel} tone={tone} pending={pending} onClick={onConfirm} data-confirm="" data-autofocus="" />
          </div>
        </>
      ) : null}
    </dialog>
  );
}
