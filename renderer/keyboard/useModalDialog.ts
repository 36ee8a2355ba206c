import { useEffect, useRef, type RefObject } from 'react';

interface Handlers {
  /**
   * Esc ('escape': the owner may refuse, e.g. while its action runs) or the
   * browser having closed it already ('closed': the owner's state must follow).
   */
  onDismiss(reason: 'escape' | 'closed'): void;
  /** After it closed and focus went back: the moment to act on what was picked in it. */
  onClosed?(): void;
  /** Where focus goes on close when the element that opened it is gone or disabled by then. */
  fallbackFocus?(): HTMLElement | null | undefined;
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
      restoreFocus(opener.current, latest.current.handlers.fallbackFocus);
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
      latest.current.handlers.onDismiss('escape');
    };
    // closed by the browser anyway (a second Esc): keep state and focus in step. The event comes a task
    // after the close, so one from our own close can arrive after the dialog opened again: then it is open.
    const onClose = () => {
      if (!latest.current.open || element.open) return;
      restoreFocus(opener.current, latest.current.handlers.fallbackFocus);
      opener.current = null;
      latest.current.handlers.onDismiss('closed');
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

function restoreFocus(opener: HTMLElement | null, fallback: Handlers['fallbackFocus']): void {
  const usable = opener?.isConnected && !(opener instanceof HTMLButtonElement && opener.disabled);
  (usable ? opener : fallback?.())?.focus();
}
