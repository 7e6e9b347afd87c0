/**
 * A modal dialog's focus: on opening, the focus moves into it (its first control, or the one
 * marked autofocus); Tab and Shift+Tab cycle within it; on closing, the focus goes back to what
 * had it before.
 */
import { useEffect, useState, type RefObject } from 'react';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

export function useDialogFocus(
  dialog: RefObject<HTMLElement | null>,
  /** What had the focus, when the caller knew it before this dialog rendered. */
  opener?: HTMLElement | null,
) {
  // What had the focus before the dialog opened: read while rendering, before an autofocus
  // control inside the dialog takes it.
  const [before] = useState(() => opener ?? (document.activeElement as HTMLElement | null));
  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    const controls = () =>
      [...el.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((c) => !c.hidden);
    if (!el.contains(document.activeElement))
      (el.querySelector<HTMLElement>('[autofocus]') ?? controls()[0] ?? el).focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Tab') return;
      const all = controls();
      if (!all.length) return;
      const first = all[0]!;
      const last = all[all.length - 1]!;
      const active = document.activeElement;
      if (event.shiftKey && (active === first || !el.contains(active))) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && (active === last || !el.contains(active))) {
        event.preventDefault();
        first.focus();
      }
    };
    document.addEventListener('keydown', onKey, true);
    return () => {
      document.removeEventListener('keydown', onKey, true);
      if (before && document.contains(before)) {
        before.focus();
        // A command inside a menu that has closed since (File → Import) cannot take the focus
        // back: its menu's button does.
        if (document.activeElement !== before)
          before.closest('details')?.querySelector<HTMLElement>('summary')?.focus();
      }
    };
  }, [dialog, before]);
}
