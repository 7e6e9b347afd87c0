/**
 * A document's cleaned text in the new-map dialog, as it will be the source: paragraphs, headings
 * as headings, and a page mark where each printed page begins (inside a paragraph when the page
 * turns there).
 *
 * A long document's preview is put on the page a batch of paragraphs at a time, one batch a frame
 * (the first screenful first), so that no task renders and lays out the whole preview: a 30-page
 * PDF's 200 paragraphs of CJK text in one task blocked the editor for about 100 ms.
 */
import { useEffect, useMemo, useState } from 'react';
import type { Source } from '../model/schema';
import type { ExtractedHeading } from '../io/formats/extracted';
import { previewParagraphs } from './previewParagraphs';
import { useT } from './i18n';

/** Paragraphs shown in a file's preview; the rest are counted. */
export const PREVIEW_PARAGRAPHS = 400;
/** The most paragraphs put on the page in one task (the first batch more than fills the view). */
export const PREVIEW_BATCH = 40;

export function DocumentPreview({
  source,
  headings,
}: {
  source: Source;
  headings: readonly ExtractedHeading[];
}) {
  const t = useT();
  const paragraphs = useMemo(() => previewParagraphs(source, headings), [source, headings]);
  const total = Math.min(paragraphs.length, PREVIEW_PARAGRAPHS);
  // How many are on the page, for these paragraphs (another document starts again from none).
  const [count, setCount] = useState({ of: paragraphs, shown: PREVIEW_BATCH });
  const shownCount = count.of === paragraphs ? Math.min(count.shown, total) : PREVIEW_BATCH;
  useEffect(() => {
    if (count.of === paragraphs && count.shown >= total) return;
    // The next batch after this one is drawn (a frame apart, so each is laid out on its own).
    const frame = requestAnimationFrame(() =>
      setCount((c) => ({
        of: paragraphs,
        shown: (c.of === paragraphs ? c.shown : PREVIEW_BATCH) + PREVIEW_BATCH,
      })),
    );
    return () => cancelAnimationFrame(frame);
  }, [count, paragraphs, total]);
  const shown = paragraphs.slice(0, Math.min(shownCount, total));
  return (
    <div
      className="document-preview"
      data-testid="new-map-preview"
      lang={source.language}
      // Busy while batches are still to come.
      aria-busy={shown.length < total}
    >
      {shown.map((pieces) => {
        const first = pieces[0]!;
        const content = pieces.map((piece) => (
          <span key={piece.start}>
            {piece.page !== undefined && (
              <span className="page-mark" data-testid="page-mark">
                {t('pageNumber').replace('{0}', piece.page)}
              </span>
            )}
            {piece.text}
          </span>
        ));
        const level = pieces.find((p) => p.heading !== undefined)?.heading;
        return level !== undefined ? (
          <h4
            key={first.start}
            className={`preview-heading level-${Math.min(level, 3)}`}
            data-testid="preview-heading"
          >
            {content}
          </h4>
        ) : (
          <p key={first.start}>{content}</p>
        );
      })}
      {paragraphs.length > total && shown.length === total && (
        <p className="muted">
          {t('previewMore').replace('{0}', String(paragraphs.length - total))}
        </p>
      )}
    </div>
  );
}
