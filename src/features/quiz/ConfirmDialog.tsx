import { useEffect, useId, useRef, type ReactNode } from 'react';

interface Props {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  /** The button focused on opening: the safe choice when the dialog warns. */
  initialFocus?: 'confirm' | 'cancel';
  /** Styles the confirm button as a warning (e.g. discarding). */
  danger?: boolean;
}

/**
 * A modal confirmation on the native <dialog> (focus trapped, Escape cancels, the page behind
 * inert). Where showModal is missing (old browsers, jsdom) it falls back to an open dialog.
 */
export function ConfirmDialog({ open, title, children, confirmLabel, cancelLabel, onConfirm, onCancel, initialFocus = 'confirm', danger = false }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const bodyId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
      (initialFocus === 'cancel' ? cancelRef : confirmRef).current?.focus();
    } else if (!open && dialog.open) {
      if (typeof dialog.close === 'function') dialog.close();
      else dialog.removeAttribute('open');
    }
  }, [open, initialFocus]);

  return (
    <dialog
      ref={ref}
      className="quiz-dialog"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onCancel={(event) => {
        // Escape: keep React in charge of closing.
        event.preventDefault();
        onCancel();
      }}
      onKeyDown={(event) => {
        // Keys pressed inside the dialog must not reach the screen's shortcuts.
        event.stopPropagation();
        if (event.key === 'Escape') {
          event.preventDefault();
          onCancel();
        }
      }}
    >
      {open ? (
        <>
          <h2 id={titleId}>{title}</h2>
          <div id={bodyId}>{children}</div>
          <div className="dialog-actions">
            <button ref={cancelRef} type="button" className="btn" onClick={onCancel} aria-keyshortcuts="Escape">
              {cancelLabel} <kbd aria-hidden="true">Esc</kbd>
            </button>
            <button ref={confirmRef} type="button" className={`btn ${danger ? 'danger' : 'primary'}`} onClick={onConfirm}>
              {confirmLabel}
            </button>
          </div>
        </>
      ) : null}
    </dialog>
  );
}
