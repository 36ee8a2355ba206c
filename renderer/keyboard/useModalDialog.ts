import { useEffect, useRef, type RefObject } from 'react';

interface Handlers {
  /** Esc (or the browser closing it): the owner's state should close it. */
  onDismiss(): void;
  /** After it closed and focus went back: the moment to act on what was picked in it. */
  onClosed?(): void;
}

/**
 * A <dialog> shown modal while `open`: focus moves to its `[data-autofocus]`
 * element, Esc dismisses it, and on close focus returns to where it was (the
 * same contract as ConfirmDialog). Returns the ref for the <dialog>.
 */
export function useModalDialog(open: boolean, handlers: Handlers): RefObject<HTMLDialogElement | null> {
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const latest = useRef({ open, handlers });
  useEffect(() => {
    latest.current = { open, handlers };
  });

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      element.showModal();
      element.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    } else if (!open && element.open) {
      element.close();
      if (opener.current?.isConnected) opener.current.focus();
      opener.current = null;
      latest.current.handlers.onClosed?.();
    }
  }, [open]);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    // Esc: the owner's state closes it, so focus is restored in one place
    const onCancel = (event: Event) => {
      event.preventDefault();
      latest.current.handlers.onDismiss();
    };
    // closed by the browser anyway (a second Esc): keep state and focus in step. The event comes a task
    // after the close, so one from our own close can arrive after the dialog opened again: then it is open.
    const onClose = () => {
      if (!latest.current.open || element.open) return;
      if (opener.current?.isConnected) opener.current.focus();
      opener.current = null;
      latest.current.handlers.onDismiss();
    };
    element.addEventListener('cancel', onCancel);
    element.addEventListener('close', onClose);
    return () => {
      element.removeEventListener('cancel', onCancel);
      element.removeEventListener('close', onClose);
    };
  }, []);

  return dialog;
}
