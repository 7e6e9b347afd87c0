/**
 * File › Drafting model…: the menu entry of the optional model-made draft (issue 15, part 4), and
 * what it opens — the settings dialog and, after a model's draft, the list of what was dropped
 * and repaired — both loaded on first use (./ModelSettings.tsx), so the editor's first page
 * carries none of their code. The offline drafter stays the default; this only adds a choice.
 */
import { lazy, Suspense } from 'react';
import { createPortal } from 'react-dom';
import { create } from 'zustand';
import type { ModelDraftReport } from '../../draft/modelDraft';
import { useT } from '../i18n';

interface ModelUi {
  /** The settings dialog is open. */
  open: boolean;
  /** What the last model-made draft dropped and repaired, shown until dismissed. */
  report: { units: number; report: ModelDraftReport } | null;
  set(patch: Partial<Omit<ModelUi, 'set'>>): void;
}

export const useModelUi = create<ModelUi>()((set) => ({
  open: false,
  report: null,
  set: (patch) => set(patch),
}));

const ModelSettingsDialog = lazy(() =>
  import('./ModelSettings').then((m) => ({ default: m.ModelSettingsDialog })),
);
const ModelDraftReportPanel = lazy(() =>
  import('./ModelSettings').then((m) => ({ default: m.ModelDraftReportPanel })),
);

/** The menu item; the dialog and the report render over the page (outside the closed menu). */
export function ModelSettingsMenuItem() {
  const t = useT();
  const open = useModelUi((s) => s.open);
  const report = useModelUi((s) => s.report);
  const set = useModelUi((s) => s.set);
  return (
    <>
      <button
        role="menuitem"
        data-testid="drafting-model"
        onClick={(e) => {
          // The menu closes; the focus goes to its button, where the dialog gives it back.
          const menu = e.currentTarget.closest('details');
          menu?.removeAttribute('open');
          menu?.querySelector('summary')?.focus();
          set({ open: true });
        }}
      >
        {t('modelMenu')}
      </button>
      {(open || report) &&
        createPortal(
          <Suspense fallback={null}>
            {open && <ModelSettingsDialog />}
            {report && <ModelDraftReportPanel />}
          </Suspense>,
          document.body,
        )}
    </>
  );
}
