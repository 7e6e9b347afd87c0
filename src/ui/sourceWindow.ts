/**
 * Windowing the source pane: a long source is cut into blocks of a few paragraphs, and only the
 * blocks on screen (and a margin around them) are rendered; the others are stood in for by empty
 * spacers of their height (measured once rendered, estimated before). A book of 100,000 sentences
 * then costs the page a few dozen sentence elements instead of 100,000. Small maps are not
 * windowed at all (every sentence is in the page, so the browser's find-in-page finds them all).
 * Pure logic, no DOM: the pane measures and scrolls (SourcePane.tsx).
 */
import type { Source } from '../model/schema';

/**
 * Maps with more sentences than this (all sources together) are windowed. Rendering 1,000
 * sentences fully takes the page about 100 ms on a modest machine; the time grows linearly.
 */
export const WINDOW_ABOVE_SENTENCES = 1_000;
/** A windowed block gathers whole paragraphs up to about this many characters. */
export const BLOCK_CHARS = 1_500;
/**
 * A paragraph longer than this is cut between sentences into pieces of about {@link BLOCK_CHARS}
 * (shown as one paragraph with a line break where it is cut); shorter ones are never cut.
 */
export const SPLIT_PARAGRAPH_CHARS = 6_000;
/** Pixels rendered beyond the visible part of the pane, above and below. */
export const OVERSCAN_PX = 800;

/** Sentences `first` to `end` (exclusive) of one paragraph; `continues`: the paragraph goes on. */
export interface ParagraphPiece {
  first: number;
  end: number;
  continues: boolean;
}

/** A run of paragraphs (or of pieces of one long paragraph), rendered or skipped as a whole. */
export interface Block {
  pieces: ParagraphPiece[];
  /** The first sentence of the block, and one past its last. */
  first: number;
  end: number;
  /** Characters of text in the block, for estimating its height before it is rendered. */
  chars: number;
}

/**
 * A source's sentences in blocks. Windowed: whole paragraphs up to {@link BLOCK_CHARS} a block,
 * very long paragraphs cut. Not windowed: one block of every paragraph, none cut. Linear in the
 * number of sentences.
 */
export function sourceBlocks(
  source: Pick<Source, 'text' | 'sentences'>,
  windowed: boolean,
): Block[] {
  const { text, sentences } = source;
  // Paragraphs: a line break between two sentences starts a new one.
  const paragraphs: { first: number; end: number; chars: number }[] = [];
  for (let i = 0; i < sentences.length; i++) {
    const sentence = sentences[i]!;
    const previous = sentences[i - 1];
    const newParagraph = !previous || text.slice(previous.end, sentence.start).includes('\n');
    if (newParagraph) paragraphs.push({ first: i, end: i + 1, chars: 0 });
    const last = paragraphs[paragraphs.length - 1]!;
    last.end = i + 1;
    last.chars += sentence.end - sentence.start + 1;
  }
  if (!windowed) {
    const pieces = paragraphs.map((p) => ({ first: p.first, end: p.end, continues: false }));
    return pieces.length ? [{ pieces, first: 0, end: sentences.length, chars: text.length }] : [];
  }
  const blocks: Block[] = [];
  let open: Block | null = null;
  const add = (piece: ParagraphPiece, chars: number) => {
    if (!open || open.chars + chars > BLOCK_CHARS) {
      open = { pieces: [], first: piece.first, end: piece.first, chars: 0 };
      blocks.push(open);
    }
    open.pieces.push(piece);
    open.end = piece.end;
    open.chars += chars;
  };
  for (const paragraph of paragraphs) {
    if (paragraph.chars <= SPLIT_PARAGRAPH_CHARS) {
      add({ first: paragraph.first, end: paragraph.end, continues: false }, paragraph.chars);
      continue;
    }
    // A very long paragraph: pieces of about BLOCK_CHARS, each in a block of its own.
    let first = paragraph.first;
    let chars = 0;
    for (let i = paragraph.first; i < paragraph.end; i++) {
      chars += sentences[i]!.end - sentences[i]!.start + 1;
      const last = i + 1 === paragraph.end;
      if (chars >= BLOCK_CHARS || last) {
        open = null;
        add({ first, end: i + 1, continues: !last }, chars);
        open = null;
        first = i + 1;
        chars = 0;
      }
    }
  }
  return blocks;
}

/** The index of the block holding sentence `index` (blocks in order, covering every sentence). */
export function blockOfSentence(blocks: readonly Block[], index: number): number {
  let lo = 0;
  let hi = blocks.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (blocks[mid]!.first <= index) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Rough typography of the pane, for estimates before anything is measured. */
const CHAR_PX = 8;
const LINE_PX = 29;
const PARAGRAPH_PX = 16;

/**
 * The heights of a source's blocks: measured for those rendered so far (at the current width),
 * estimated for the others from their length, scaled by how the measured ones compared with
 * their own estimates. `offsets[i]` is the top of block i within the source's body.
 */
export class BlockHeights {
  private readonly measured: Float64Array;
  private width = 0;
  /** Σ measured heights / Σ their raw estimates: corrects the estimate for font and script. */
  private measuredSum = 0;
  private estimatedSum = 0;
  offsets: Float64Array;

  constructor(private readonly blocks: readonly Block[]) {
    this.measured = new Float64Array(blocks.length).fill(Number.NaN);
    this.offsets = new Float64Array(blocks.length + 1);
    this.recompute();
  }

  /** The body's width in pixels; a new width forgets what was measured. Returns if it changed. */
  setWidth(width: number): boolean {
    if (width <= 0 || Math.abs(width - this.width) < 1) return false;
    this.width = width;
    this.measured.fill(Number.NaN);
    this.measuredSum = 0;
    this.estimatedSum = 0;
    this.recompute();
    return true;
  }

  private rawEstimate(i: number): number {
    const block = this.blocks[i]!;
    const perLine = Math.max(10, Math.floor((this.width || 400) / CHAR_PX));
    const pieces = block.pieces.length;
    const linesEach = Math.max(1, Math.ceil(block.chars / pieces / perLine));
    return pieces * (linesEach * LINE_PX + PARAGRAPH_PX);
  }

  /** Block i's height: measured, or estimated. */
  height(i: number): number {
    const measured = this.measured[i]!;
    if (!Number.isNaN(measured)) return measured;
    const scale = this.estimatedSum > 0 ? this.measuredSum / this.estimatedSum : 1;
    return this.rawEstimate(i) * scale;
  }

  /** Records block i's rendered height; returns whether anything changed (then recomputed). */
  measure(i: number, height: number): boolean {
    const previous = this.measured[i]!;
    if (Math.abs(previous - height) < 0.5) return false;
    if (Number.isNaN(previous)) {
      this.estimatedSum += this.rawEstimate(i);
      this.measuredSum += height;
    } else this.measuredSum += height - previous;
    this.measured[i] = height;
    return true;
  }

  /** Brings {@link offsets} up to date after {@link measure}s. Linear in the blocks. */
  recompute(): void {
    let at = 0;
    for (let i = 0; i < this.blocks.length; i++) {
      this.offsets[i] = at;
      at += this.height(i);
    }
    this.offsets[this.blocks.length] = at;
  }

  get total(): number {
    return this.offsets[this.blocks.length]!;
  }

  /** The blocks overlapping [top, bottom) of the body (inclusive indices), or null if none. */
  range(top: number, bottom: number): [number, number] | null {
    const n = this.blocks.length;
    if (n === 0 || bottom <= 0 || top >= this.total) return null;
    // First block whose bottom is below `top`; last block whose top is above `bottom`.
    const first = this.indexAt(top);
    const last = this.indexAt(bottom);
    return [first, Math.max(first, last)];
  }

  /** The block at height y of the body (clamped to the first and last). */
  indexAt(y: number): number {
    let lo = 0;
    let hi = this.blocks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.offsets[mid]! <= y) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}

/**
 * What to render of a source's body: its blocks in order, with a spacer standing for each run of
 * blocks left out. `shown` need not be contiguous (the blocks on screen, and those a text
 * selection starts or ends in, so the selection survives scrolling).
 */
export type BodyItem = { block: number } | { spacer: number; height: number };

export function bodyItems(
  shown: readonly number[],
  count: number,
  heights: BlockHeights,
): BodyItem[] {
  const sorted = [...new Set(shown)].filter((i) => i >= 0 && i < count).sort((a, b) => a - b);
  const items: BodyItem[] = [];
  let next = 0;
  for (const i of sorted) {
    if (i > next)
      items.push({ spacer: next, height: heights.offsets[i]! - heights.offsets[next]! });
    items.push({ block: i });
    next = i + 1;
  }
  if (next < count)
    items.push({ spacer: next, height: heights.offsets[count]! - heights.offsets[next]! });
  return items;
}
