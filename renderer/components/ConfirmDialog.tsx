import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
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
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const latest = useRef({ open, pending, onCancel, fallbackFocus });
  latest.current = { open, pending, onCancel, fallbackFocus };

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      element.showModal();
      element.querySelector<HTMLElement>('[data-confirm]')?.focus();
    } else if (!open && element.open) {
      element.close();
      restoreFocus(opener.current, latest.current.fallbackFocus);
    }
  }, [open]);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    // Esc: our state closes the dialog, so focus is restored in one place
    const onCancelEvent = (event: Event) => {
      event.preventDefault();
      if (!latest.current.pending) latest.current.onCancel();
    };
    // the browser may close it anyway (a second Esc without a click in between): keep state and focus in step
    const onClose = () => {
      if (!latest.current.open) return;
      restoreFocus(opener.current, latest.current.fallbackFocus);
      latest.current.onCancel();
    };
    element.addEventListener('cancel', onCancelEvent);
    element.addEventListener('close', onClose);
    return () => {
      element.removeEventListener('cancel', onCancelEvent);
      element.removeEventListener('close', onClose);
    };
  }, []);

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
            <ActionButton label={confirmLabel} tone={tone} pending={pending} onClick={onConfirm} data-confirm="" />
          </div>
        </>
      ) : null}
    </dialog>
  );
}

function restoreFocus(opener: HTMLElement | null, fallback: Props['fallbackFocus']): void {
  const usable = opener?.isConnected && !(opener instanceof HTMLButtonElement && opener.disabled);
  (usable ? opener : fallback?.())?.focus();
}
