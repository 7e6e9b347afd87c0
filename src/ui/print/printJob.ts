/**
 * What the browser prints: one job at a time (the handout, or a slide deck), rendered into a
 * print-only view and then handed to the browser's print dialog (Print → Save as PDF). A new job
 * replaces the last, so only one view is ever laid out for print.
 */
import { create } from 'zustand';

export type PrintKind = 'handout' | 'slides';

interface PrintJobState {
  /** The view to print, or null when nothing was asked for. */
  kind: PrintKind | null;
  /** Incremented by each request, so a view can tell a new request from a re-render. */
  request: number;
  /** Set by the view once everything in it (pictures, fonts) is drawn. */
  ready: boolean;
}

export const usePrintJob = create<PrintJobState>()(() => ({
  kind: null,
  request: 0,
  ready: false,
}));

/** Shows the view of `kind` for print; the view calls {@link printWhenReady} once it is drawn. */
export function requestPrint(kind: PrintKind) {
  usePrintJob.setState((s) => ({ kind, request: s.request + 1, ready: false }));
}

/**
 * Called by a print view when its content is drawn: waits for the fonts and two frames (so the
 * layout is final), then opens the print dialog.
 */
export function printWhenReady(request: number) {
  void document.fonts.ready.then(() =>
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        if (usePrintJob.getState().request !== request) return;
        usePrintJob.setState({ ready: true });
        print();
      }),
    ),
  );
}
