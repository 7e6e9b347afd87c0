/**
 * File → Slides: the map as a slide deck to print or save as PDF, the browser's twin of
 * `argmap export --format slides`. The user chooses one slide per stop of a tour (which tour) or
 * one per section, and the language of the slides' words. Each slide is the same drawing as the
 * command line's (src/io/slideLayout.ts), rendered as inline SVG so that its text stays text in
 * the PDF (selectable, searchable, Chinese included), on 16:9 pages of A4-landscape width.
 */
import { useMemo, useState, useEffect } from 'react';
import type { ArgMap } from '../model/schema';
import { fillMessage } from '../model/operations';
import { wordsLanguage, type WordsLanguage } from '../model/words';
import { buildDeck, type SlidesBy, type SlidesOptions } from '../io/slides';
import { layoutSlide, type SlideDrawing } from '../io/slideLayout';
import { FONT_FAMILY } from '../io/exportSvg';
import { useUiStore } from '../store/uiStore';
import { useT } from './i18n';
import { Modal } from './Modal';
import { printWhenReady, requestPrint, usePrintJob } from './print/printJob';
import { useSlides } from './print/slidesState';

/** Each language by its own name. */
const LANGUAGE_NAMES: Record<WordsLanguage, string> = { en: 'English', zh: '简体中文' };

/** The options dialog, while open. */
export function SlidesDialog({ map }: { map: ArgMap }) {
  const choosing = useSlides((s) => s.choosing);
  return choosing ? <SlidesOptionsDialog map={map} /> : null;
}

function SlidesOptionsDialog({ map }: { map: ArgMap }) {
  const t = useT();
  const uiLanguage = useUiStore((s) => s.language);
  const tours = map.tours ?? [];
  const hasSections = (map.groups ?? []).length > 0;
  const [by, setBy] = useState<SlidesBy>(tours.length ? 'tour' : 'section');
  const [tourId, setTourId] = useState(tours[0]?.id ?? '');
  const [lang, setLang] = useState<WordsLanguage>(wordsLanguage(uiLanguage));
  const close = () => useSlides.setState({ choosing: false });
  const options = useMemo<SlidesOptions>(
    () => ({ by, lang, ...(by === 'tour' && tourId ? { tourId } : {}) }),
    [by, tourId, lang],
  );
  const count = useMemo(() => buildDeck(map, options).slides.length, [map, options]);
  const print = () => {
    useSlides.setState({ choosing: false, job: { mapId: map.id, options } });
    requestPrint('slides');
  };
  return (
    <Modal
      title={t('slidesTitle')}
      onClose={close}
      testId="slides-dialog"
      className="modal small"
      closeOnBackdrop
    >
      <fieldset className="slides-options">
        <legend>{t('slidesOnePer')}</legend>
        <label className="checkbox">
          <input
            type="radio"
            name="slides-by"
            value="tour"
            checked={by === 'tour'}
            disabled={!tours.length}
            onChange={() => setBy('tour')}
          />
          {t('slidesPerStop')}
        </label>
        {tours.length > 0 && (
          <label>
            {t('tour')}{' '}
            <select
              data-testid="slides-tour"
              value={tourId}
              disabled={by !== 'tour'}
              onChange={(e) => setTourId(e.target.value)}
            >
              {tours.map((tour) => (
                <option key={tour.id} value={tour.id}>
                  {tour.title} ({tour.steps.length})
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="checkbox">
          <input
            type="radio"
            name="slides-by"
            value="section"
            checked={by === 'section'}
            onChange={() => setBy('section')}
          />
          {hasSections ? t('slidesPerSection') : t('slidesPerSectionNone')}
        </label>
      </fieldset>
      <label>
        {t('slidesLanguage')}{' '}
        <select
          data-testid="slides-lang"
          value={lang}
          onChange={(e) => setLang(e.target.value as WordsLanguage)}
        >
          {Object.entries(LANGUAGE_NAMES).map(([code, name]) => (
            <option key={code} value={code}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <p className="muted" data-testid="slides-count">
        {fillMessage(t('slidesCount'), [count])}
      </p>
      <div className="row">
        <button className="primary" autoFocus data-testid="slides-print" onClick={print}>
          {t('slidesPrint')}
        </button>
        <button onClick={close}>{t('cancel')}</button>
      </div>
    </Modal>
  );
}

/** The deck laid out for print: one SVG slide per page. Shown only when printing. */
export function PrintSlides({ map }: { map: ArgMap }) {
  const job = useSlides((s) => s.job);
  const shown = usePrintJob((s) => s.kind === 'slides');
  if (!shown || !job || job.mapId !== map.id) return null;
  return <SlidesView map={map} options={job.options} />;
}

function SlidesView({ map, options }: { map: ArgMap; options: SlidesOptions }) {
  const request = usePrintJob((s) => s.request);
  const ready = usePrintJob((s) => s.ready);
  const drawings = useMemo(() => {
    const deck = buildDeck(map, options);
    return deck.slides.map((slide) => ({
      drawing: layoutSlide(slide, deck.lang),
      label: `${deck.title} — ${slide.index}/${slide.total}`,
    }));
  }, [map, options]);
  useEffect(() => printWhenReady(request), [request]);
  return (
    <div className="print-view print-slides" data-testid="print-slides" data-ready={ready}>
      {drawings.map(({ drawing, label }, i) => (
        <SlideSvg key={i} drawing={drawing} label={label} />
      ))}
    </div>
  );
}

/** One slide as SVG elements (text stays text). */
function SlideSvg({ drawing, label }: { drawing: SlideDrawing; label: string }) {
  return (
    <svg
      className="print-slide"
      viewBox={`0 0 ${drawing.width} ${drawing.height}`}
      role="img"
      aria-label={label}
      fontFamily={FONT_FAMILY}
    >
      <rect width="100%" height="100%" fill="#FFFFFF" />
      {drawing.items.map((item, i) =>
        item.type === 'box' ? (
          <rect
            key={i}
            x={item.x}
            y={item.y}
            width={item.width}
            height={item.height}
            rx={item.height > 8 ? 4 : 0}
            fill={item.fill}
            stroke={item.stroke}
          />
        ) : (
          <text
            key={i}
            x={item.x}
            y={item.y}
            fontSize={item.size}
            fill={item.colour}
            fontWeight={item.bold ? 700 : undefined}
            textAnchor={item.alignRight ? 'end' : undefined}
          >
            {item.text}
          </text>
        ),
      )}
    </svg>
  );
}
