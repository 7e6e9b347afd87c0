/**
 * Where everything on a slide goes, once, for every renderer (the SVG slides and the PDF deck):
 * wrapped lines of text at a size and a baseline, and coloured boxes. The page is 16:9 at the
 * width of A4 landscape (842 × 473.6 pt), so the sizes are print points: the node's text is set
 * at 26 pt (24 pt when long), everything a class must read at 18 pt or more, and only the
 * running header and the source line below a quote smaller. Text that cannot fit is cut with
 * "…" rather than run off the page.
 */
import { kindStyles } from './kindStyles';
import { deckWord, type Slide, type StopSlide } from './slides';
import { textWidthEm, wrapText } from './wrapText';
import type { WordsLanguage } from '../model/words';

export const SLIDE_WIDTH = 842;
export const SLIDE_HEIGHT = 473.6;
const MARGIN = 40;
const CONTENT = SLIDE_WIDTH - 2 * MARGIN;
const BOTTOM = SLIDE_HEIGHT - 30;

/** The smallest size of text a class has to read on a slide, in points. */
export const BODY_SIZE = 18;
/** The presented node's text. */
export const NODE_SIZE = 26;
const NODE_SIZE_LONG = 24;
const SMALL = 12;

export interface SlideText {
  type: 'text';
  x: number;
  /** The baseline. */
  y: number;
  size: number;
  text: string;
  colour: string;
  bold?: boolean;
  /** Right-aligned at `x` rather than starting there. */
  alignRight?: boolean;
}

export interface SlideBox {
  type: 'box';
  x: number;
  y: number;
  width: number;
  height: number;
  fill: string;
  stroke?: string;
}

export type SlideItem = SlideText | SlideBox;

export interface SlideDrawing {
  width: number;
  height: number;
  items: SlideItem[];
}

const INK = '#1A1A1A';
const GREY = '#555555';

/** Wrapped lines, at most `max`, the last cut with "…" when the text goes on. */
function lines(text: string, size: number, width: number, max: number): string[] {
  // A little slack: real glyphs run slightly wider than the estimate in bold and in Latin text.
  const all = wrapText(text, (width / size) * 0.94);
  if (all.length <= max) return all;
  const kept = all.slice(0, max);
  let last = kept[max - 1]!;
  while (last && textWidthEm(`${last}…`) * size > width * 0.94)
    last = Array.from(last).slice(0, -1).join('');
  kept[max - 1] = `${last.trimEnd()}…`;
  return kept;
}

class Page {
  readonly items: SlideItem[] = [];
  y = MARGIN;

  text(
    text: string,
    size: number,
    options: { colour?: string; bold?: boolean; x?: number; width?: number; max?: number } = {},
  ): number {
    const x = options.x ?? MARGIN;
    const wrapped = lines(text, size, options.width ?? CONTENT - (x - MARGIN), options.max ?? 99);
    for (const line of wrapped) {
      this.y += size * 1.3;
      this.items.push({
        type: 'text',
        x,
        y: this.y - size * 0.3,
        size,
        text: line,
        colour: options.colour ?? INK,
        ...(options.bold ? { bold: true } : {}),
      });
    }
    return wrapped.length;
  }

  /** Room left above the bottom margin. */
  get room(): number {
    return BOTTOM - this.y;
  }

  header(slide: Slide) {
    const y = 26;
    if (slide.chapter)
      this.items.push({
        type: 'text',
        x: MARGIN,
        y,
        size: SMALL,
        text: lines(slide.chapter, SMALL, CONTENT - 80, 1)[0]!,
        colour: GREY,
      });
    this.items.push({
      type: 'text',
      x: SLIDE_WIDTH - MARGIN,
      y,
      size: SMALL,
      text: `${slide.index} / ${slide.total}`,
      colour: GREY,
      alignRight: true,
    });
    // The deck's progress as a thin bar along the bottom.
    this.items.push({
      type: 'box',
      x: 0,
      y: SLIDE_HEIGHT - 4,
      width: (SLIDE_WIDTH * slide.index) / slide.total,
      height: 4,
      fill: '#0072B2',
    });
    this.y = MARGIN;
  }
}

function stopSlide(page: Page, slide: StopSlide) {
  const style = kindStyles[slide.kind];
  const badge = `${slide.number} · ${slide.kindName}`;
  const badgeWidth = textWidthEm(badge) * BODY_SIZE + 20;
  page.items.push({
    type: 'box',
    x: MARGIN,
    y: page.y,
    width: badgeWidth,
    height: 28,
    fill: style.fill,
    stroke: style.stroke,
  });
  page.items.push({
    type: 'text',
    x: MARGIN + 10,
    y: page.y + 21,
    size: BODY_SIZE,
    text: badge,
    colour: INK,
    bold: true,
  });
  page.y += 34;
  const long = wrapText(slide.text, CONTENT / NODE_SIZE).length > 3;
  page.text(slide.text, long ? NODE_SIZE_LONG : NODE_SIZE, { bold: true, max: 5 });
  if (slide.rendering) {
    page.y += 4;
    page.text(slide.rendering, BODY_SIZE, { colour: GREY, max: 3 });
  }
  // Quotes before relations: the author's words are what a class most needs to see.
  for (const quote of slide.quotes.slice(0, 2)) {
    if (page.room < 3 * BODY_SIZE * 1.3) break;
    page.y += 10;
    const top = page.y;
    const cite = [quote.cite, quote.page !== undefined ? `p. ${quote.page}` : '']
      .filter(Boolean)
      .join(', ');
    page.text(`“${quote.text}”`, BODY_SIZE, { x: MARGIN + 14, max: 3 });
    if (cite) page.text(`— ${cite}`, SMALL, { x: MARGIN + 14, colour: GREY, max: 1 });
    page.items.push({
      type: 'box',
      x: MARGIN,
      y: top + 4,
      width: 4,
      height: page.y - top,
      fill: style.stroke,
    });
  }
  if (slide.relations.length && page.room >= 2 * BODY_SIZE * 1.3) {
    page.y += 10;
    const fit = Math.max(1, Math.floor(page.room / (BODY_SIZE * 1.3)));
    const shown = slide.relations.length > fit ? fit - 1 : slide.relations.length;
    for (const r of slide.relations.slice(0, shown)) {
      const number = r.number !== undefined ? `${r.number} ` : '';
      page.text(`${r.words} ${number}· ${r.text}`, BODY_SIZE, { max: 1 });
    }
    const more = slide.relations.length - shown;
    if (more > 0) page.text(`+ ${more}`, BODY_SIZE, { colour: GREY, max: 1 });
  }
}

/** Lays out one slide of a deck. */
export function layoutSlide(slide: Slide, lang: WordsLanguage): SlideDrawing {
  const page = new Page();
  page.header(slide);
  if (slide.type === 'title') {
    page.y = 90;
    page.text(slide.title, 30, { bold: true, max: 3 });
    if (slide.subtitle) {
      page.y += 6;
      page.text(slide.subtitle, BODY_SIZE, { colour: GREY, max: 2 });
    }
    if (slide.contents.length) {
      page.y += 16;
      const fit = Math.floor(page.room / (BODY_SIZE * 1.3));
      for (const title of slide.contents.slice(0, fit)) page.text(title, BODY_SIZE, { max: 1 });
    }
  } else if (slide.type === 'section') {
    page.text(slide.title, 28, { bold: true, max: 2 });
    page.y += 2;
    page.text(deckWord(lang, 'nodes', slide.nodeCount), SMALL + 2, { colour: GREY });
    page.y += 8;
    for (const item of slide.items) {
      if (page.room < BODY_SIZE * 1.3 * 2) {
        page.text('…', BODY_SIZE, { colour: GREY });
        break;
      }
      const style = kindStyles[item.kind];
      page.items.push({
        type: 'box',
        x: MARGIN,
        y: page.y + 8,
        width: 12,
        height: 12,
        fill: style.fill,
        stroke: style.stroke,
      });
      page.text(`${item.number} · ${item.text}`, BODY_SIZE, { x: MARGIN + 20, max: 2 });
      page.y += 4;
    }
  } else {
    stopSlide(page, slide);
  }
  return { width: SLIDE_WIDTH, height: SLIDE_HEIGHT, items: page.items };
}
