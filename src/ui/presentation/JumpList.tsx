/**
 * The stage's jump list: every slide by number and title, as a listbox. ↑/↓/Home/End move,
 * Enter or a click jumps, Esc closes the list (not the presentation).
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { Slide } from '../../io/slides';
import { useT } from '../i18n';
import { slideTitle } from './SlideView';

export function JumpList({
  slides,
  current,
  onJump,
  onClose,
}: {
  slides: Slide[];
  current: number;
  onJump: (index: number) => void;
  onClose: () => void;
}) {
  const t = useT();
  const [active, setActive] = useState(current);
  const list = useRef<HTMLUListElement>(null);
  useEffect(() => {
    const option = list.current?.children[active] as HTMLElement | undefined;
    option?.focus();
    option?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  const onKeyDown = (e: KeyboardEvent) => {
    const move: Record<string, number> = {
      ArrowDown: active + 1,
      ArrowUp: active - 1,
      PageDown: active + 10,
      PageUp: active - 10,
      Home: 0,
      End: slides.length - 1,
    };
    if (e.key in move) setActive(Math.max(0, Math.min(slides.length - 1, move[e.key]!)));
    else if (e.key === 'Enter' || e.key === ' ') onJump(active);
    else if (e.key === 'Escape') onClose();
    else if (e.key === 'Tab') return;
    else return e.stopPropagation();
    e.preventDefault();
    e.stopPropagation();
  };

  return (
    <div className="stage-jump" data-jump-list data-testid="presentation-jump-list">
      <h2 id="stage-jump-heading">{t('slideList')}</h2>
      <ul ref={list} role="listbox" aria-labelledby="stage-jump-heading" onKeyDown={onKeyDown}>
        {slides.map((slide, i) => (
          <li
            key={i}
            role="option"
            aria-selected={i === current}
            tabIndex={i === active ? 0 : -1}
            data-type={slide.type}
            onClick={() => onJump(i)}
            onFocus={() => setActive(i)}
          >
            <span className="stage-jump-number">{slide.index}</span>
            <span className="stage-jump-title">{slideTitle(slide)}</span>
          </li>
        ))}
      </ul>
      <button className="stage-button" onClick={onClose}>
        {t('close')} (Esc)
      </button>
    </div>
  );
}
