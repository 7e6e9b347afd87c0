/**
 * A modal dialog: a backdrop, a titled header with a close button, the focus kept inside while
 * it is open and given back when it closes (useDialogFocus); Esc closes it, and so does a click
 * on the backdrop where `closeOnBackdrop` says so.
 */
import { useRef, type ReactNode } from 'react';
import { useT } from './i18n';
import { useDialogFocus } from './useDialogFocus';

export function Modal({
  title,
  onClose,
  testId,
  className = 'modal',
  closeOnBackdrop = false,
  focusClose = false,
  children,
}: {
  title: string;
  onClose: () => void;
  testId?: string;
  /** The dialog's classes (`modal`, `modal small`…). */
  className?: string;
  closeOnBackdrop?: boolean;
  /** Put the focus on the close button (else on the first control, or one marked autoFocus). */
  focusClose?: boolean;
  children: ReactNode;
}) {
  const t = useT();
  const dialog = useRef<HTMLDivElement>(null);
  useDialogFocus(dialog);
  return (
    <div className="modal-backdrop" onClick={closeOnBackdrop ? onClose : undefined}>
      <div
        ref={dialog}
        className={className}
        role="dialog"
        aria-modal="true"
        aria-label={title}
        data-testid={testId}
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          if (e.key !== 'Escape') return;
          e.stopPropagation();
          onClose();
        }}
      >
        <header>
          <h2>{title}</h2>
          <button autoFocus={focusClose} onClick={onClose} aria-label={t('close')}>
            ✕
          </button>
        </header>
        {children}
      </div>
    </div>
  );
}
