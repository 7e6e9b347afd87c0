/**
 * Presentation: the map as slides on a stage that fills the screen, with nothing of the editor
 * (the editor behind is hidden and inert). The deck is src/io/slides.ts's, in the interface's
 * language: a title slide (where the tour, or one slide per section, is chosen), each section's
 * overview where the tour enters it, and one slide per tour stop. →/Space/PageDown next,
 * ←/PageUp previous, Home/End first/last, G the jump list, P the presenter window, F full
 * screen (the stage's own element), Esc leaves.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { ArgMap } from '../model/schema';
import { buildDeck, type Deck } from '../io/slides';
import { useUiStore } from '../store/uiStore';
import { useT, type Translator } from './i18n';
import { revealNodes } from './SearchBox';
import { useDialogFocus } from './useDialogFocus';
import { isTyping } from './useKeyboard';
import { fill, slideTitle, SlideView, type DeckChoice } from './presentation/SlideView';
import { JumpList } from './presentation/JumpList';
import {
  openPresenterWindow,
  PresenterWindow,
  type PresenterHandle,
} from './presentation/PresenterWindow';
import './presentation/stage.css';

/** The choice that presents one overview slide per section (tour choices are tour ids). */
const BY_SECTION = 'by-section';
const tourChoice = (id: string) => `tour:${id}`;

/** What can be presented: each tour with stops, then by section. */
function deckChoices(map: ArgMap, t: Translator): DeckChoice[] {
  return [
    ...map.tours
      .filter((tour) => tour.steps.length > 0)
      .map((tour) => ({
        value: tourChoice(tour.id),
        label: fill(t('presentTour'), tour.title || tour.id, tour.steps.length),
      })),
    { value: BY_SECTION, label: t('presentBySection') },
  ];
}

/** The deck for a choice, in the interface's language (renderings in it, else in English). */
function deckFor(map: ArgMap, choice: string, t: Translator): Deck {
  const lang = t.language;
  const renderings = [lang, 'en'];
  if (choice === BY_SECTION) return buildDeck(map, { by: 'section', lang, renderings });
  return buildDeck(map, { by: 'tour', tourId: choice.slice('tour:'.length), lang, renderings });
}

export function Presentation({ map, opener }: { map: ArgMap; opener?: HTMLElement | null }) {
  const t = useT();
  const step = useUiStore((s) => s.presentationStep);
  // The choice lasts while the editor is open: presenting again shows the same deck.
  const [chosen, setChosen] = useState<string | null>(null);
  if (step === null) return null;
  const choices = deckChoices(map, t);
  const choice = choices.find((c) => c.value === chosen)?.value ?? choices[0]!.value;
  return createPortal(
    <Stage
      map={map}
      step={step}
      choices={choices}
      choice={choice}
      onChoose={setChosen}
      opener={opener}
    />,
    document.body,
  );
}

function Stage({
  map,
  step,
  choices,
  choice,
  onChoose,
  opener,
}: {
  map: ArgMap;
  step: number;
  choices: DeckChoice[];
  choice: string;
  onChoose: (choice: string) => void;
  /** What had the focus when presenting began: it gets the focus back at the end. */
  opener?: HTMLElement | null | undefined;
}) {
  const t = useT();
  const set = useUiStore((s) => s.set);
  const deck = useMemo(() => deckFor(map, choice, t), [map, choice, t]);
  const slides = deck.slides;
  const index = Math.max(0, Math.min(slides.length - 1, step));
  const slide = slides[index]!;
  const stage = useRef<HTMLDivElement>(null);
  const [jumpOpen, setJumpOpen] = useState(false);
  const [presenter, setPresenter] = useState<PresenterHandle | null>(null);
  const [blocked, setBlocked] = useState(false);
  const [startedAt, setStartedAt] = useState(() => Date.now());
  useDialogFocus(stage, opener);

  const go = useCallback(
    (to: number) => set({ presentationStep: Math.max(0, Math.min(slides.length - 1, to)) }),
    [set, slides.length],
  );
  const leave = useCallback(() => {
    // The map shows the node presented last when the editor comes back.
    if (slide.type === 'stop') revealNodes([slide.nodeId]);
    set({ presentationStep: null });
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
  }, [set, slide]);
  const fullScreen = useCallback(() => {
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    else void stage.current?.requestFullscreen?.().catch(() => undefined);
  }, []);
  const togglePresenter = useCallback(() => {
    if (presenter) return setPresenter(null);
    const opened = openPresenterWindow(t('presenterView'), t.language);
    setBlocked(!opened);
    setPresenter(opened);
  }, [presenter, t]);
  const presenterClosed = useCallback(() => setPresenter(null), []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // Tab is the dialog's (its focus stays inside); the jump list handles its own keys.
      if (e.key === 'Tab' || (e.target as Element | null)?.closest?.('[data-jump-list]')) return;
      const typing = isTyping(e.target);
      const plain = !e.ctrlKey && !e.metaKey && !e.altKey;
      const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
      let act: (() => void) | null = null;
      if (key === 'Escape') act = leave;
      else if (plain && !typing) {
        if (['ArrowRight', 'ArrowDown', 'PageDown', ' '].includes(key)) act = () => go(index + 1);
        else if (['ArrowLeft', 'ArrowUp', 'PageUp'].includes(key)) act = () => go(index - 1);
        else if (key === 'Home') act = () => go(0);
        else if (key === 'End') act = () => go(slides.length - 1);
        else if (key === 'g' || key === 'j') act = () => setJumpOpen(true);
        else if (key === 'p') act = togglePresenter;
        else if (key === 'f') act = fullScreen;
      }
      if (act) {
        e.preventDefault();
        e.stopImmediatePropagation();
        act();
      } else {
        // Nothing of the editor acts while presenting (its shortcuts, undo).
        e.stopPropagation();
      }
    };
    addEventListener('keydown', onKey, { capture: true });
    return () => removeEventListener('keydown', onKey, { capture: true });
  }, [go, index, slides.length, leave, togglePresenter, fullScreen]);

  // The presentation's end closes the presenter window (its component unmounts with the stage).
  const title = slideTitle(slide);
  return (
    <div
      ref={stage}
      className="stage"
      role="dialog"
      aria-modal="true"
      aria-label={t('presentation')}
      data-testid="presentation"
      data-slide={index}
      data-slide-type={slide.type}
    >
      <header className="stage-head">
        <span className="stage-chapter" data-testid="presentation-chapter">
          {slide.chapter ?? deck.title}
        </span>
        <span className="stage-count" data-testid="presentation-count">
          {fill(t('slideCount'), slide.index, slide.total)}
        </span>
      </header>
      {/* Focusable, so the stage takes the focus and a long slide scrolls with the keyboard. */}
      <div className="stage-slide" tabIndex={0} aria-label={title} data-testid="presentation-slide">
        <SlideView slide={slide} choices={choices} choice={choice} onChoose={onChoose} />
      </div>
      <footer className="stage-foot">
        <div
          className="stage-progress"
          role="progressbar"
          aria-label={t('presentationProgress')}
          aria-valuemin={1}
          aria-valuemax={slide.total}
          aria-valuenow={slide.index}
        >
          <div style={{ width: `${(100 * slide.index) / slide.total}%` }} />
        </div>
        <nav className="stage-controls" aria-label={t('presentation')}>
          <button className="stage-button" onClick={() => go(index - 1)} disabled={index === 0}>
            ← {t('previous')}
          </button>
          <button
            className="stage-button"
            onClick={() => go(index + 1)}
            disabled={index === slides.length - 1}
            data-testid="presentation-next"
          >
            {t('next')} →
          </button>
          <button
            className="stage-button"
            onClick={() => setJumpOpen(true)}
            data-testid="presentation-jump"
          >
            {t('slideList')} (G)
          </button>
          <button
            className="stage-button"
            onClick={togglePresenter}
            aria-pressed={presenter !== null}
            data-testid="presentation-presenter"
          >
            {t('presenterWindow')} (P)
          </button>
          <button className="stage-button" onClick={fullScreen} data-testid="presentation-full">
            {t('fullScreen')} (F)
          </button>
          <button className="stage-button" onClick={leave} data-testid="presentation-exit">
            {t('exitPresentation')} (Esc)
          </button>
          {blocked && (
            <span className="stage-warning" role="alert">
              {t('presenterBlocked')}
            </span>
          )}
        </nav>
      </footer>
      <div className="sr-only" aria-live="polite" data-testid="presentation-announce">
        {fill(t('slideAnnounce'), slide.index, slide.total, title)}
      </div>
      {jumpOpen && (
        <JumpList
          slides={slides}
          current={index}
          onJump={(i) => {
            setJumpOpen(false);
            go(i);
            stage.current?.querySelector<HTMLElement>('.stage-slide')?.focus();
          }}
          onClose={() => {
            setJumpOpen(false);
            stage.current?.querySelector<HTMLElement>('.stage-slide')?.focus();
          }}
        />
      )}
      {presenter && (
        <PresenterWindow
          handle={presenter}
          slides={slides}
          current={index}
          startedAt={startedAt}
          onGo={go}
          onResetTimer={() => setStartedAt(Date.now())}
          onClosed={presenterClosed}
        />
      )}
    </div>
  );
}
