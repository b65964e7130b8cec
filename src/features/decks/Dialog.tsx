import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { downloadBackup } from '../../store/downloads';

interface DialogProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** Buttons and other actions, laid out at the bottom. */
  actions: ReactNode;
  tone?: 'default' | 'danger';
}

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * A modal dialog: labelled by its title, focus moved to the first field (or first action)
 * and kept inside while open, Escape closes, focus goes back to where it was on close.
 */
export function Dialog({ title, onClose, children, actions, tone = 'default' }: DialogProps) {
  const titleId = useId();
  const bodyId = useId();
  const ref = useRef<HTMLDivElement>(null);
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  });

  useEffect(() => {
    const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const box = ref.current;
    const field = box?.querySelector<HTMLElement>('input:not([type="hidden"]), textarea, select');
    const first = field ?? box?.querySelector<HTMLElement>('.lib-dialog-actions button');
    (first ?? box)?.focus();
    return () => {
      if (returnTo?.isConnected) returnTo.focus();
    };
  }, []);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onCloseRef.current();
      return;
    }
    if (event.key !== 'Tab') return;
    const items = [...(ref.current?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? [])];
    const first = items[0];
    const last = items[items.length - 1];
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  }

  return (
    <div className="lib-dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        ref={ref}
        className={`lib-dialog panel${tone === 'danger' ? ' is-danger' : ''}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={bodyId}
        tabIndex={-1}
        onKeyDown={onKeyDown}
      >
        <h2 id={titleId}>{title}</h2>
        <div id={bodyId} className="lib-dialog-body">
          {children}
        </div>
        <div className="lib-dialog-actions">{actions}</div>
      </div>
    </div>
  );
}

/** Offered in every dialog that removes data: a backup before it goes. */
export function BackupFirst() {
  return (
    <p className="lib-dialog-aside">
      <button type="button" className="btn small" onClick={() => downloadBackup()}>
        Download backup first
      </button>
    </p>
  );
}
