/**
 * Presentation mode for class: steps through the map's first tour (or, without one, each conclusion
 * and then its reasons depth-first), zooming to each node and showing its source sentence and
 * note; optionally hides the nodes not yet presented. ←/→/Space step, Esc leaves.
 */
import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import type { ArgMap } from '../model/schema';
import { sentenceIndex } from '../model/operations';
import { firstTourSteps } from '../model/tours';
import { outlineOrder } from '../io/exportMarkdown';
import { useUiStore } from '../store/uiStore';
import { useT } from './i18n';
import { revealNodes } from './SearchBox';
import { useDialogFocus } from './useDialogFocus';

/**
 * The steps of the presentation: the first tour's existing nodes, or the argument's outline order.
 */
export function presentationSteps(map: ArgMap): string[] {
  const ids = new Set(map.nodes.map((n) => n.id));
  const tour = firstTourSteps(map).filter((id) => ids.has(id));
  return tour.length ? tour : outlineOrder(map);
}

export function Presentation({ map }: { map: ArgMap }) {
  const t = useT();
  const step = useUiStore((s) => s.presentationStep);
  const revealAsYouGo = useUiStore((s) => s.revealAsYouGo);
  const set = useUiStore((s) => s.set);
  const presenting = step !== null;
  // Only while presenting: the outline walks the whole map, too much for every keystroke.
  const steps = useMemo(() => (presenting ? presentationSteps(map) : []), [map, presenting]);
  const sources = map.sources;
  const sentences = useMemo(() => sentenceIndex({ sources }), [sources]);
  const current = step === null ? undefined : map.nodes.find((n) => n.id === steps[step]);

  useEffect(() => {
    if (current) revealNodes([current.id]);
  }, [current]);

  useEffect(() => {
    if (step === null) return;
    const go = (by: number) =>
      set({ presentationStep: Math.max(0, Math.min(steps.length - 1, step + by)) });
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'ArrowRight' || e.key === ' ' || e.key === 'PageDown') go(1);
      else if (e.key === 'ArrowLeft' || e.key === 'PageUp') go(-1);
      else if (e.key === 'Escape') {
        set({ presentationStep: null });
        if (document.fullscreenElement) void document.exitFullscreen();
      } else return;
      e.preventDefault();
      e.stopImmediatePropagation();
    };
    addEventListener('keydown', onKey, { capture: true });
    return () => removeEventListener('keydown', onKey, { capture: true });
  }, [step, steps.length, set]);

  if (step === null || !current) return null;
  return (
    <PresentationDialog>
      {/* Scrollable, so it takes the focus (keyboard users scroll it with the arrows). */}
      <div className="presentation-card" tabIndex={0}>
        <p className="muted">
          {step + 1} / {steps.length} · {t.kind(current.kind)}
        </p>
        <p className="presentation-text" data-testid="presentation-text">
          {current.text}
        </p>
        {current.translations?.en && (
          <p className="presentation-en" lang="en">
            {current.translations.en}
          </p>
        )}
        {current.refs.map((ref, i) => {
          const s = sentences.get(ref.sentence);
          const text = s ? map.sources[s.sourceIndex]!.text : '';
          return (
            <blockquote key={i}>{ref.quote ?? (s ? text.slice(s.start, s.end) : '')}</blockquote>
          );
        })}
        {current.note && <p className="presentation-note">{current.note}</p>}
      </div>
      <div className="presentation-controls row">
        <button
          onClick={() => set({ presentationStep: Math.max(0, step - 1) })}
          disabled={step === 0}
        >
          ← {t('previous')}
        </button>
        <button
          onClick={() => set({ presentationStep: Math.min(steps.length - 1, step + 1) })}
          disabled={step === steps.length - 1}
        >
          {t('next')} →
        </button>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={revealAsYouGo}
            onChange={(e) => set({ revealAsYouGo: e.target.checked })}
          />
          {t('revealAsYouGo')}
        </label>
        <button
          onClick={() => void document.documentElement.requestFullscreen?.().catch(() => undefined)}
        >
          {t('fullScreen')}
        </button>
        <button onClick={() => set({ presentationStep: null })}>
          {t('exitPresentation')} (Esc)
        </button>
      </div>
    </PresentationDialog>
  );
}

/**
 * The presentation's card and controls: a dialog that takes the focus when the presentation
 * starts (its card, scrollable with the arrows), keeps Tab inside and gives the focus back when
 * it ends. The view keeps each step's node clear of it (data-canvas-cover, see MapCanvas).
 */
function PresentationDialog({ children }: { children: ReactNode }) {
  const t = useT();
  const dialog = useRef<HTMLDivElement>(null);
  useDialogFocus(dialog);
  return (
    <div
      ref={dialog}
      className="presentation"
      role="dialog"
      aria-label={t('presentation')}
      data-testid="presentation"
      data-canvas-cover
    >
      {children}
    </div>
  );
}
