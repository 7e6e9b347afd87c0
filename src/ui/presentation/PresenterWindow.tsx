/**
 * The presenter window: a second window (opened on request, same origin) showing the current
 * slide's speaker notes, the next slide, a timer and the slide count, with buttons and keys that
 * move the stage. React renders into the window's document through a portal, so the two can
 * never disagree; closing either ends the other's part cleanly.
 */
import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { Slide } from '../../io/slides';
import { useT } from '../i18n';
import { fill, slideTitle } from './SlideView';
import presenterCss from './presenter.css?inline';

export interface PresenterHandle {
  win: Window;
  root: HTMLElement;
}

const WINDOW_NAME = 'argmap-presenter';

/**
 * Opens (or takes over) the presenter window, ready for the portal; null when the browser blocks
 * it. Call from a click or a key press.
 */
export function openPresenterWindow(title: string, lang: string): PresenterHandle | null {
  const win = window.open('', WINDOW_NAME, 'popup,width=960,height=640');
  if (!win) return null;
  const doc = win.document;
  doc.documentElement.lang = lang;
  const style = doc.createElement('style');
  style.textContent = presenterCss;
  const meta = doc.createElement('meta');
  meta.setAttribute('charset', 'utf-8');
  doc.head.replaceChildren(meta, style);
  doc.title = title;
  const root = doc.createElement('div');
  doc.body.replaceChildren(root);
  win.focus();
  return { win, root };
}

/** m:ss, or h:mm:ss past an hour. */
export function clock(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const mm = String(Math.floor(s / 60) % 60).padStart(s >= 3600 ? 2 : 1, '0');
  const ss = String(s % 60).padStart(2, '0');
  return s >= 3600 ? `${Math.floor(s / 3600)}:${mm}:${ss}` : `${mm}:${ss}`;
}

/** Keys that move the stage from the presenter window (the stage's own keys). */
function stepOf(key: string): 'next' | 'previous' | 'first' | 'last' | null {
  if (key === 'ArrowRight' || key === 'ArrowDown' || key === 'PageDown' || key === ' ')
    return 'next';
  if (key === 'ArrowLeft' || key === 'ArrowUp' || key === 'PageUp') return 'previous';
  if (key === 'Home') return 'first';
  if (key === 'End') return 'last';
  return null;
}

export function PresenterWindow({
  handle,
  slides,
  current,
  startedAt,
  onGo,
  onResetTimer,
  onClosed,
}: {
  handle: PresenterHandle;
  slides: Slide[];
  current: number;
  startedAt: number;
  onGo: (index: number) => void;
  onResetTimer: () => void;
  /** The window was closed (by the user, or the page it showed went away). */
  onClosed: () => void;
}) {
  const t = useT();
  const [now, setNow] = useState(() => Date.now());
  const { win } = handle;

  useEffect(() => {
    // Ticks the timer, and notices the window being closed.
    const timer = setInterval(() => {
      if (win.closed) onClosed();
      else setNow(Date.now());
    }, 250);
    const closed = () => onClosed();
    win.addEventListener('pagehide', closed);
    // The editor's page going away takes its presenter window with it.
    const leaving = () => win.close();
    addEventListener('pagehide', leaving);
    return () => {
      clearInterval(timer);
      win.removeEventListener('pagehide', closed);
      removeEventListener('pagehide', leaving);
    };
  }, [win, onClosed]);

  // Closes the window when the presenter view ends (the presentation ends, or it is toggled off):
  // after the cleanup's task, so that an effect run again at once (React's StrictMode checks)
  // keeps it.
  const live = useRef(false);
  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
      setTimeout(() => {
        if (!live.current) win.close();
      });
    };
  }, [win]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const target = e.target as HTMLElement | null;
      if (e.key === ' ' && target?.tagName === 'BUTTON') return;
      const step = stepOf(e.key);
      if (!step) return;
      e.preventDefault();
      const last = slides.length - 1;
      onGo(
        step === 'next'
          ? Math.min(last, current + 1)
          : step === 'previous'
            ? Math.max(0, current - 1)
            : step === 'first'
              ? 0
              : last,
      );
    };
    win.addEventListener('keydown', onKey);
    return () => win.removeEventListener('keydown', onKey);
  }, [win, slides.length, current, onGo]);

  const slide = slides[current]!;
  const next = slides[current + 1];
  const notes =
    slide.type === 'stop' ? slide.notes : slide.type === 'title' ? slide.subtitle : undefined;
  return createPortal(
    <div className="presenter" data-testid="presenter">
      <header className="presenter-head">
        <span className="presenter-count" data-testid="presenter-count">
          {fill(t('slideCount'), slide.index, slide.total)}
        </span>
        <span className="presenter-chapter">{slide.chapter ?? ''}</span>
        <span className="presenter-timer">
          <span className="presenter-label">{t('elapsed')}</span>{' '}
          <time role="timer" data-testid="presenter-timer">
            {clock(now - startedAt)}
          </time>{' '}
          <button onClick={onResetTimer} data-testid="presenter-reset">
            {t('resetTimer')}
          </button>
        </span>
      </header>
      <main className="presenter-body">
        <section className="presenter-now">
          <h2>{t('currentSlide')}</h2>
          <p className="presenter-slide-title" data-testid="presenter-current">
            {slideTitle(slide)}
          </p>
          {slide.type === 'stop' && slide.rendering && <p lang="en">{slide.rendering}</p>}
        </section>
        <section className="presenter-notes">
          <h2>{t('speakerNotes')}</h2>
          <div className="presenter-notes-text" data-testid="presenter-notes">
            {notes || <span className="presenter-none">{t('noSpeakerNotes')}</span>}
          </div>
        </section>
        <section className="presenter-next">
          <h2>{t('nextSlide')}</h2>
          <p className="presenter-slide-title" data-testid="presenter-next">
            {next ? slideTitle(next) : t('endOfPresentation')}
          </p>
        </section>
      </main>
      <footer className="presenter-foot">
        <button
          onClick={() => onGo(Math.max(0, current - 1))}
          disabled={current === 0}
          data-testid="presenter-previous"
        >
          ← {t('previous')}
        </button>
        <button
          onClick={() => onGo(Math.min(slides.length - 1, current + 1))}
          disabled={!next}
          data-testid="presenter-next-button"
        >
          {t('next')} →
        </button>
      </footer>
    </div>,
    handle.root,
  );
}
