/** A document's text cut for the new-map preview: paragraphs, headings, page marks. */
import type { Source } from '../model/schema';
import type { ExtractedHeading } from '../io/formats/extracted';

/** A run of a paragraph's text. */
export interface Piece {
  start: number;
  text: string;
  heading?: number;
  /** The label of the page that begins where this piece begins. */
  page?: string;
}

/**
 * A source's text as the preview shows it: paragraphs, each in pieces cut where a printed page
 * begins (a page that begins between paragraphs is marked where the next one begins), with the
 * heading level of a paragraph that is a heading.
 */
export function previewParagraphs(
  source: Pick<Source, 'text' | 'pages'>,
  headings: readonly ExtractedHeading[],
): Piece[][] {
  const { text } = source;
  const pages = source.pages ?? [];
  const headingAt = new Map(headings.map((h) => [h.start, h.level]));
  const out: Piece[][] = [];
  let start = 0;
  let next = 0; // the next page to mark
  for (const paragraph of text.split('\n\n')) {
    const end = start + paragraph.length;
    const pieces: Piece[] = [];
    let at = start;
    let label: string | undefined;
    // A page that begins between paragraphs is marked where the next one begins.
    while (next < pages.length && pages[next]!.start < end) {
      const page = pages[next++]!;
      const cut = Math.max(page.start, start);
      if (cut > at) {
        pieces.push({ start: at, text: text.slice(at, cut), ...(label ? { page: label } : {}) });
        at = cut;
      }
      label = page.label;
    }
    pieces.push({
      start: at,
      text: text.slice(at, end),
      ...(label ? { page: label } : {}),
      ...(headingAt.has(start) ? { heading: headingAt.get(start)! } : {}),
    });
    out.push(pieces);
    start = end + 2;
  }
  return out;
}
