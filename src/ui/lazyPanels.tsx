/**
 * The editor's occasional views — the presentation stage, the comparison with a reference map,
 * the printed handout and slides — load on first use, so the page that opens a map carries none
 * of their code. Each stays mounted once shown, keeping what it holds (the deck chosen for
 * presenting) for the rest of the session, as when it was part of the first bundle. The menu
 * commands that open them are here too, importing their module only when chosen.
 */
import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import type { ArgMap } from '../model/schema';
import { useUiStore } from '../store/uiStore';
import { useCompareStore } from '../store/compareStore';
import { usePrintJob } from './print/printJob';
import { useSlides } from './print/slidesState';

export { openSlidesDialog } from './print/slidesState';
export { startComparing } from '../store/compareStore';

const loadPresentation = () => import('./Presentation');
const loadTourEditor = () => import('./TourEditor');
const loadSchemePanel = () => import('./SchemePanel');

/** The inspector's tour editor and toggle, and the scheme fields: loaded once the editor is idle. */
export const TourEditor = lazy(() => loadTourEditor().then((m) => ({ default: m.TourEditor })));
export const TourToggle = lazy(() => loadTourEditor().then((m) => ({ default: m.TourToggle })));
export const SchemePanel = lazy(() => loadSchemePanel().then((m) => ({ default: m.SchemePanel })));
const Presentation = lazy(() => loadPresentation().then((m) => ({ default: m.Presentation })));
const PrintHandout = lazy(() =>
  import('./PrintHandout').then((m) => ({ default: m.PrintHandout })),
);
const PrintSlides = lazy(() => import('./PrintSlides').then((m) => ({ default: m.PrintSlides })));
const SlidesDialog = lazy(() => import('./PrintSlides').then((m) => ({ default: m.SlidesDialog })));
const ComparePanel = lazy(() =>
  import('./ComparePanel').then((m) => ({ default: m.ComparePanel })),
);

/** File → Print handout: draws the handout (its module loaded now) and prints it. */
export async function printHandout(options: { comments?: boolean } = {}) {
  const { printHandout: print } = await import('./PrintHandout');
  await print(options);
}

/** True from the first render `active` is, for good. */
function useShownOnce(active: boolean): boolean {
  const [shown, setShown] = useState(active);
  if (active && !shown) setShown(true);
  return shown || active;
}

function WhenShown({ active, children }: { active: boolean; children: ReactNode }) {
  const shown = useShownOnce(active);
  return shown ? <Suspense fallback={null}>{children}</Suspense> : null;
}

/** The views above for the open map, each loaded the first time it is asked for. */
export function OccasionalViews({ map }: { map: ArgMap }) {
  // The stage and the inspector's tour and scheme fields are fetched once the editor is idle, so
  // that ▶ shows the stage at once in class and the fields are there when a node is selected.
  useEffect(() => {
    const idle = window.requestIdleCallback ?? ((run: () => void) => window.setTimeout(run, 2000));
    idle(() => {
      void loadTourEditor();
      void loadSchemePanel();
      void loadPresentation();
      void import('./comments/CommentThreads');
    });
  }, []);
  const presenting = useUiStore((s) => s.presentationStep !== null);
  // What has the focus when presenting begins, read in the render that starts it: the editor
  // behind the stage turns inert in that render's commit, before the stage's code has loaded.
  const [presentedFrom, setPresentedFrom] = useState<{
    on: boolean;
    opener: HTMLElement | null;
  }>({ on: false, opener: null });
  if (presenting !== presentedFrom.on)
    setPresentedFrom({
      on: presenting,
      opener: presenting ? (document.activeElement as HTMLElement | null) : presentedFrom.opener,
    });
  const printing = usePrintJob((s) => s.kind);
  const slides = useSlides((s) => s.choosing || s.job !== null);
  const comparing = useCompareStore((s) => s.choosing || s.reference !== null);
  return (
    <>
      <WhenShown active={presenting}>
        <Presentation map={map} opener={presentedFrom.opener} />
      </WhenShown>
      <WhenShown active={printing === 'handout'}>
        <PrintHandout map={map} />
      </WhenShown>
      <WhenShown active={slides}>
        <PrintSlides map={map} />
        <SlidesDialog map={map} />
      </WhenShown>
      <WhenShown active={comparing}>
        <ComparePanel map={map} />
      </WhenShown>
    </>
  );
}
