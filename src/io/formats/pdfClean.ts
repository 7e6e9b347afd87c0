/**
 * Turns the text layer of a PDF (pdf.js's text items, page by page) into cleaned text: a pure
 * function of the items, apart from pdf.js, so it can be tested on items made by hand.
 *
 * The steps:
 * 1. Lines: items on one baseline make a row (a raised footnote marker stays with its line);
 *    a space goes where the gap between two items is a word space. CJK radicals that a font
 *    shares with ideographs are mapped back (`⻓` → `长`).
 * 2. Columns: where a page has a gutter (a strip near its middle at least a character wide that
 *    the items of no row cross but a title's), each row is cut there into a left and a right
 *    line; the left column is read first, then the right, between the lines across the page
 *    (a title, a footnote block standing apart below the columns).
 * 3. Running headers and footers: among the one or two rows at each end of a page that stand
 *    apart from the text (by a gap or another size), those that repeat on at least a third of
 *    the pages (digits aside, so `Journal · 12` and `Journal · 13` repeat) are dropped, and so
 *    is a lone page number (`12`, `- 12 -`, `·98·`, `Page 3`, `第 3 页`, `iv`), which becomes the
 *    page's label, as does a number that changes from page to page in a running line. The
 *    numbers are checked against each other (see `settleLabels`).
 * 4. Footnotes: a run of lines in a smaller type than the body at the end of a page, opened by a
 *    marker (`1`, `*`, `①`) or standing apart, goes to a notes section at the end (the
 *    `[n]`-numbered section of `source/footnotes.ts`, under `注释` or `Notes`); a note begins at
 *    the next marker in sequence, or, without markers, after a short line that ends a sentence.
 * 5. Paragraphs: a new one starts after a vertical gap wider than the line spacing, at an
 *    indented line, after a short line that ends a sentence, and where the type size changes; a
 *    paragraph in a clearly larger type than the body's is a heading (the largest size level 1).
 * 6. Lines are rejoined (no space between CJK characters, `joinBroken` of `source/clean.ts`,
 *    whose `tidySpaces` tidies each line), with hyphenation mended: at a line end, a soft hyphen
 *    always goes; a hard one (`-`, or the `‐` a typesetter draws for a soft one) goes when the
 *    word joined without it occurs whole elsewhere in the document, stays when the hyphenated
 *    word does (`well-known`), and otherwise goes between lower-case letters (`argu-` `ment`).
 *
 * Each printed page's start is kept: the offset in the cleaned text of its first body line.
 */
import type { Message } from '../../model/messages';
import { say } from '../../model/messages';
import { isCjk, joinBroken, tidySpaces } from '../../source/clean';
import { appendNotes, NOTES_HEADING } from '../../source/footnotes';
import type { ExtractedHeading, ExtractedPage } from './extracted';

/** One text item as pdf.js gives it, reduced to what the cleaning needs (PDF units, y up). */
export interface PdfItem {
  str: string;
  /** Where the item's baseline starts. */
  x: number;
  y: number;
  width: number;
  /** The font size (the height of the item's text matrix). */
  size: number;
}

/** One page's items in content order, with the page's size. */
export interface PdfPage {
  width: number;
  height: number;
  items: PdfItem[];
}

/** What the cleaning found: the text, where pages start, headings, and counts for the report. */
export interface CleanedPdf {
  text: string;
  pages: ExtractedPage[];
  headings: ExtractedHeading[];
  notes: Message[];
}

export interface PdfCleanOptions {
  /** The heading of the notes section; by default `注释` for mostly-CJK text, else `Notes`. */
  notesHeading?: string;
}

/** A line (or a column's part of one): its text and where it stands on its page. */
interface Line {
  page: number;
  text: string;
  x: number;
  right: number;
  y: number;
  size: number;
  /** 0 left column, 1 right column, -1 the whole width (no columns, or a line across both). */
  column: number;
}

/** A lone page number, bare or decorated: `12`, `·98·`, `- 12 -`, `Page 3`, `3 / 30`, `iv`. */
const PAGE_NUMBER =
  /^\s*(?:[·•\-–—]\s*)?(?:page\s+)?(\d{1,4}|[ivxlcdm]{1,7})(?:\s*(?:\/|of)\s*\d{1,4})?(?:\s*[·•\-–—])?\s*$|^\s*第\s*(\d{1,4})\s*页\s*$/i;
/** What opens a footnote: a number, a circled number, an asterisk or a dagger. */
const NOTE_MARKER = /^\s*(?:\[?\d{1,3}[\].)]?(?=\s|\D)|[\u2460-\u2473]|\*+|[†‡§])/;
/** The number of a numbered or circled footnote marker that opens a line. */
function markerNumber(text: string): number | undefined {
  const match = NOTE_MARKER.exec(text)?.[0].trim();
  if (!match) return undefined;
  const digits = /\d+/.exec(match);
  if (digits) return Number(digits[0]);
  const code = match.codePointAt(0)!;
  return code >= 0x2460 && code <= 0x2473 ? code - 0x245f : undefined;
}

/** How a footnote's text ends: a full stop, Chinese or Latin, possibly after a closing bracket. */
const NOTE_END = /[。.．][”’」』）)]?\s*$/;
/** Characters that end a sentence (possibly followed by closing quotes or brackets). */
const TERMINAL = /[。！？!?.…:：]["'”’」』）)】]*$/;
/** A word of letters, for the hyphenation rule. */
const WORD = /[\p{L}\p{M}]+(?:-[\p{L}\p{M}]+)*/gu;

/**
 * CJK radicals that stand for ideographs: a font draws the radical and the ideograph with one
 * glyph (`⻓` U+2ED3 and `长` U+957F), and a PDF's text layer may map that glyph back to the
 * radical, so the text would read `市⻓` for `市长`. A radical in running text is always this
 * artefact. The Kangxi radicals (U+2F00–U+2FD5) have a compatibility decomposition (NFKC); the
 * supplement's (U+2E80–U+2EF3) do not, so these pairs (radical, ideograph) come from the cmaps of
 * the Noto CJK fonts, where the two share a glyph.
 */
const RADICAL_PAIRS =
  '⺂乛⺃乚⺅亻⺇𠘨⺉刂⺋㔾⺍𭕄⺎兀⺏尣⺐尢⺒巳⺓幺⺔彑⺕彐⺖忄⺘扌' +
  '⺙攵⺛旡⺞歺⺟母⺠民⺡氵⺣灬⺤爫⺦丬⺨犭⺩𤣩⺫罒⺭礻⺮𥫗⺯糹⺰纟' +
  '⺱罓⺲罒⺳㓁⺹耂⺺肀⺽𦥑⺾艹⺿艹⻁虎⻂衤⻃覀⻄西⻅见⻆角⻇𧢲⻈讠' +
  '⻉贝⻊𧾷⻋车⻌辶⻍辶⻎辶⻐钅⻑長⻒镸⻓长⻔门⻕𨸏⻖阝⻘青⻙韦⻚页' +
  '⻛风⻜飞⻝食⻞𩙿⻟飠⻠饣⻡𩠐⻢马⻣骨⻤鬼⻥鱼⻦鸟⻧卤⻨麦⻩黄⻪黾' +
  '⻫斉⻬齐⻭歯⻮齿⻯竜⻰龙⻱龜⻲亀⻳龟';
const RADICAL_CHARS = [...RADICAL_PAIRS];
const RADICALS = new Map(
  Array.from(
    { length: RADICAL_CHARS.length / 2 },
    (_, i) => [RADICAL_CHARS[2 * i]!, RADICAL_CHARS[2 * i + 1]!] as const,
  ),
);

/** Replaces CJK radicals by the ideographs they stand for (see {@link RADICAL_PAIRS}). */
export function mendRadicals(text: string): string {
  return text.replace(
    /[\u2E80-\u2FDF]/g,
    (ch) => RADICALS.get(ch) ?? (ch >= '\u2F00' ? ch.normalize('NFKC') : ch),
  );
}

function median(values: readonly number[]): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function quantile(values: readonly number[], q: number): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))]!;
}

/** Joins the items of one fragment, with a space where the gap between two is a word space. */
function fragmentText(items: readonly PdfItem[]): string {
  let text = '';
  let end = -Infinity;
  for (const item of items) {
    const gap = item.x - end;
    if (text && gap > item.size * 0.2 && !/\s$/.test(text) && !/^\s/.test(item.str)) text += ' ';
    text += item.str;
    end = item.x + item.width;
  }
  return mendRadicals(text.replace(/\s+/g, ' ').trim());
}

/** A page's items in rows (one baseline each, a superscript with its line), each left to right. */
function rowsOf(page: PdfPage): PdfItem[][] {
  const items = page.items
    .filter((item) => item.str.trim() && item.size > 0)
    .sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: PdfItem[][] = [];
  for (const item of items) {
    const row = rows[rows.length - 1];
    const base = row?.[0];
    if (row && base && Math.abs(base.y - item.y) < Math.max(base.size, item.size) * 0.45)
      row.push(item);
    else rows.push([item]);
  }
  for (const row of rows) row.sort((a, b) => a.x - b.x);
  return rows;
}

/** One line of a page from its items. */
function lineOf(items: readonly PdfItem[], page: number, column: number): Line {
  const size = Math.max(...items.map((item) => item.size));
  const first = items[0]!;
  const last = items[items.length - 1]!;
  return {
    page,
    text: fragmentText(items),
    x: first.x,
    right: last.x + last.width,
    // The baseline of the line's largest type (a superscript marker stands higher).
    y: Math.min(...items.filter((item) => item.size === size).map((item) => item.y)),
    size:
      median(items.filter((item) => item.str.trim().length > 1).map((item) => item.size)) || size,
    column,
  };
}

/**
 * Finds a gutter: a vertical strip near the page's middle, at least a character wide, that the
 * items of (nearly) no row cross, with text on both sides of it on at least three rows. Word
 * spaces, however wide, do not line up down a page; a gutter does. Undefined for one column.
 */
function findGutter(rows: readonly PdfItem[][]): number | undefined {
  const items = rows.flat();
  if (rows.length < 6) return undefined;
  const left = Math.min(...items.map((i) => i.x));
  const right = Math.max(...items.map((i) => i.x + i.width));
  const span = right - left;
  if (span <= 0) return undefined;
  const size = median(items.map((i) => i.size));
  const bins = Math.ceil(span);
  const cover = new Array<number>(bins + 1).fill(0);
  for (const item of items) {
    const to = Math.min(bins, Math.floor(item.x + item.width - left));
    for (let b = Math.max(0, Math.ceil(item.x - left)); b <= to; b++) cover[b]!++;
  }
  // Lines across both columns (a title) may cross it.
  const allowed = Math.max(1, Math.floor(rows.length * 0.1));
  let best: { from: number; to: number } | undefined;
  let from = -1;
  const last = Math.ceil(bins * 0.7);
  for (let b = Math.floor(bins * 0.3); b <= last + 1; b++) {
    const free = b <= last && cover[b]! <= allowed;
    if (free && from < 0) from = b;
    if (!free && from >= 0) {
      if (!best || b - from > best.to - best.from) best = { from, to: b };
      from = -1;
    }
  }
  if (!best || best.to - best.from < Math.max(6, size)) return undefined;
  const gutter = left + (best.from + best.to) / 2;
  const both = rows.filter(
    (row) => row.some((i) => i.x + i.width <= gutter) && row.some((i) => i.x >= gutter),
  );
  return both.length >= 3 ? gutter : undefined;
}

/**
 * A page's lines in reading order: one line per row, or, on a page with two columns, a row's
 * left and right parts as lines of the left and right column, read left column first, then
 * right, between the lines that cross the gutter (a title, a footnote across the page).
 */
function linesOf(page: PdfPage, index: number): Line[] {
  const rows = rowsOf(page);
  const gutter = findGutter(rows);
  if (gutter === undefined) return rows.map((row) => lineOf(row, index, -1));
  const placed: Line[] = [];
  for (const row of rows) {
    if (row.some((i) => i.x < gutter && i.x + i.width > gutter)) {
      placed.push(lineOf(row, index, -1));
      continue;
    }
    const leftItems = row.filter((i) => i.x < gutter);
    const rightItems = row.filter((i) => i.x >= gutter);
    if (leftItems.length) placed.push(lineOf(leftItems, index, 0));
    if (rightItems.length) placed.push(lineOf(rightItems, index, 1));
  }
  detach(placed, 0, 1);
  detach(placed, 1, 0);
  const out: Line[] = [];
  let columns: Line[] = [];
  const flush = () => {
    out.push(...columns.filter((l) => l.column === 0), ...columns.filter((l) => l.column === 1));
    columns = [];
  };
  for (const line of placed) {
    if (line.column >= 0) columns.push(line);
    else {
      flush();
      out.push(line);
    }
  }
  flush();
  return out.filter((line) => line.text);
}

/**
 * A short line on one side of the gutter, above or below the other column's lines and apart from
 * its own column by a gap (a short title, a footnote, a caption), spans the page: it is not part
 * of the column. Marks such lines as full-width (column -1), in place.
 */
function detach(lines: Line[], column: number, other: number): void {
  const mine = lines.filter((l) => l.column === column);
  const theirs = lines.filter((l) => l.column === other);
  if (!mine.length || !theirs.length) return;
  const top = Math.max(...theirs.map((l) => l.y));
  const bottom = Math.min(...theirs.map((l) => l.y));
  const spacing = median(mine.slice(1).map((l, i) => mine[i]!.y - l.y)) || mine[0]!.size * 1.2;
  const size = median(mine.map((l) => l.size));
  // Apart: a gap of a few lines, or a wide one and another font size (a paragraph's gap in a
  // column's tail is no reason to take it out of the column).
  const apart = (a: Line, b: Line) => {
    const gap = a.y - b.y;
    const otherSize = [a, b].some((l) => Math.abs(l.size - size) > size * 0.1);
    return gap > spacing * 3 || (gap > spacing * 1.6 && otherSize);
  };
  // Below the other column: after the first wide gap, the rest of this side spans the page.
  for (let i = 1; i < mine.length; i++) {
    if (mine[i]!.y < bottom && apart(mine[i - 1]!, mine[i]!)) {
      for (const line of mine.slice(i)) line.column = -1;
      break;
    }
  }
  // Above it: before the last wide gap, this side spans the page.
  for (let i = mine.length - 1; i > 0; i--) {
    if (mine[i - 1]!.y > top && apart(mine[i - 1]!, mine[i]!)) {
      for (const line of mine.slice(0, i)) line.column = -1;
      break;
    }
  }
}

/**
 * A line's text with its digits, spaces and letters' case flattened, to find running lines. Not
 * its height: a header on even pages may stand elsewhere than on odd ones, and heights jitter.
 */
const repeatKey = (line: Line) => line.text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, '');

/**
 * The lines at the top and at the bottom of a page that stand apart from the text between (by a
 * gap wider than the line spacing, or another font size): one or two rows at each end. Only these
 * may be running headers, footers or page numbers.
 */
function edgeLines(lines: readonly Line[], spacing: number): Set<Line> {
  const rows: { y: number; size: number }[] = [];
  for (const line of [...lines].sort((a, b) => b.y - a.y)) {
    const row = rows.find((r) => r.y === line.y);
    if (row) row.size = Math.max(row.size, line.size);
    else rows.push({ y: line.y, size: line.size });
  }
  const apart = (a: { y: number; size: number }, b: { y: number; size: number }) =>
    Math.abs(a.y - b.y) > spacing * 1.4 ||
    Math.abs(a.size - b.size) > Math.max(a.size, b.size) * 0.15;
  const zone = (ordered: typeof rows) => {
    if (ordered.length <= 2) return ordered;
    if (apart(ordered[0]!, ordered[1]!)) return ordered.slice(0, 1);
    if (ordered.length > 3 && apart(ordered[1]!, ordered[2]!)) return ordered.slice(0, 2);
    return [];
  };
  const ys = new Set([...zone(rows), ...zone([...rows].reverse())].map((r) => r.y));
  return new Set(lines.filter((line) => ys.has(line.y)));
}

/** The size of most characters. */
function dominantSize(lines: readonly Line[]): number {
  const weight = new Map<number, number>();
  for (const line of lines) {
    const size = Math.round(line.size * 2) / 2;
    weight.set(size, (weight.get(size) ?? 0) + line.text.length);
  }
  return [...weight].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
}

/** The line spacing, within what line spacing can be for this font size (when few lines tell). */
function usualSpacing(lines: readonly Line[], size: number): number {
  const spacing = lineSpacing(lines.filter((l) => Math.abs(l.size - size) < 1));
  return spacing > 0 ? Math.min(spacing, size * 2.5) : size * 1.2;
}

/** The printed page number in a line, if the line is only that (or a repeated header with it). */
function pageNumberOf(text: string): string | undefined {
  const match = PAGE_NUMBER.exec(text);
  return match ? (match[1] ?? match[2]) : undefined;
}

function toRoman(n: number): string {
  const table: [number, string][] = [
    [1000, 'm'],
    [900, 'cm'],
    [500, 'd'],
    [400, 'cd'],
    [100, 'c'],
    [90, 'xc'],
    [50, 'l'],
    [40, 'xl'],
    [10, 'x'],
    [9, 'ix'],
    [5, 'v'],
    [4, 'iv'],
    [1, 'i'],
  ];
  let out = '';
  for (const [value, letters] of table) {
    while (n >= value) {
      out += letters;
      n -= value;
    }
  }
  return out;
}

/**
 * Can `label` be a page number? Digits, or a well-formed lower-case roman numeral (`iv`, not
 * `mix`; capitals are more often a section's number, `II`, than a page's).
 */
function plausibleLabel(label: string): boolean {
  if (/^\d+$/.test(label)) return true;
  for (let n = 1; n < 200; n++) if (toRoman(n) === label) return true;
  return false;
}

/**
 * Checks the numbers found against each other: where most pages with a number agree on how far
 * their number is from their index (pages 98, 99, … at indexes 0, 1, …), a page whose number
 * disagrees (a year alone in a footer) or that has none is numbered by that distance; otherwise
 * a page without a number is labelled by its index + 1.
 */
function settleLabels(found: readonly (string | undefined)[]): string[] {
  const offsets = new Map<number, number>();
  found.forEach((label, i) => {
    if (label !== undefined && /^\d+$/.test(label)) {
      const offset = Number(label) - i;
      offsets.set(offset, (offsets.get(offset) ?? 0) + 1);
    }
  });
  const [offset, count] = [...offsets].sort((a, b) => b[1] - a[1])[0] ?? [1, 0];
  const numbered = found.filter((l) => l !== undefined && /^\d+$/.test(l)).length;
  const agreed = count >= 2 && count * 2 > numbered;
  return found.map((label, i) => {
    if (label !== undefined && !/^\d+$/.test(label)) return label;
    if (agreed && i + offset > 0) return String(i + offset);
    return label ?? String(i + 1);
  });
}

/** How one line joins the paragraph before it; `at` is where the line's text starts. */
interface Joined {
  text: string;
  at: number;
  mended: boolean;
}

/**
 * Decides a line-end hyphen by the document's own words (see the module comment). Only the end of
 * `left` matters: its last word and its last character.
 */
function joinLines(left: string, right: string, words: ReadonlySet<string>): Joined {
  if (!left) return { text: right, at: 0, mended: false };
  const a = left.trimEnd();
  const b = right.trimStart();
  const last = a.charAt(a.length - 1);
  if (last === '\u00AD') return { text: a.slice(0, -1) + b, at: a.length - 1, mended: true };
  if (last === '-' || last === '\u2010') {
    const before = /[\p{L}\p{M}]+$/u.exec(a.slice(0, -1))?.[0];
    const after = /^[\p{L}\p{M}]+/u.exec(b)?.[0];
    if (before && after && !isCjk(before.slice(-1))) {
      const joined = (before + after).toLowerCase();
      const hyphenated = `${before}-${after}`.toLowerCase();
      const drop = words.has(joined)
        ? true
        : words.has(hyphenated)
          ? false
          : /\p{Ll}/u.test(before.slice(-1)) && /\p{Ll}/u.test(after.charAt(0));
      if (drop) return { text: a.slice(0, -1) + b, at: a.length - 1, mended: true };
      return { text: a + b, at: a.length, mended: false };
    }
  }
  const text = joinBroken(a, b);
  return { text, at: text.length - b.length, mended: false };
}

/** How much of a paragraph's end {@link joinLines} is given: more than any word is long. */
const JOIN_TAIL = 256;

/**
 * A paragraph's text built line by line with {@link joinLines}, which is given only the text's
 * last {@link JOIN_TAIL} characters or so: joining each line to the whole paragraph built so far
 * would copy it and search it again for each line (a long CJK paragraph, whose characters are all
 * letters, made that the cleaning's slowest step).
 */
class ParagraphText {
  private readonly done: string[] = [];
  private doneLength = 0;
  private tail = '';
  mended = 0;

  /** Joins a line on; returns where its text starts in the paragraph. */
  add(line: string, words: ReadonlySet<string>): number {
    const joined = joinLines(this.tail, line, words);
    if (joined.mended) this.mended++;
    const at = this.doneLength + joined.at;
    this.tail = joined.text;
    if (this.tail.length > JOIN_TAIL * 2) {
      const keep = this.tail.slice(-JOIN_TAIL);
      const leave = this.tail.slice(0, this.tail.length - JOIN_TAIL);
      this.done.push(leave);
      this.doneLength += leave.length;
      this.tail = keep;
    }
    return at;
  }

  get text(): string {
    return this.done.join('') + this.tail;
  }
}

/** The words that stand whole inside lines (not at a line's end), lower-cased. */
function wordsOf(lines: readonly Line[]): Set<string> {
  const words = new Set<string>();
  for (const line of lines) {
    const text = line.text.replace(/[-\u2010\u00AD]$/, ' ');
    const found = [...text.matchAll(WORD)];
    // The last word of a line may be the first half of a hyphenated one.
    const whole = /[-\u2010\u00AD]$/.test(line.text) ? found.slice(0, -1) : found;
    for (const match of whole) {
      const word = match[0].toLowerCase();
      words.add(word);
      for (const part of word.split('-')) words.add(part);
    }
  }
  return words;
}

/** The heading level of each size clearly larger than the body's: the largest is level 1. */
function headingLevels(sizes: readonly number[], body: number): Map<number, number> {
  const large = [...new Set(sizes.map((s) => Math.round(s * 2) / 2))]
    .filter((s) => s >= body * 1.15)
    .sort((a, b) => b - a);
  return new Map(large.map((s, i) => [s, Math.min(i + 1, 6)]));
}

/** Cleans a PDF's pages (see the module comment). */
export function cleanPdfPages(
  pdfPages: readonly PdfPage[],
  options: PdfCleanOptions = {},
): CleanedPdf {
  const pageLines = pdfPages.map((page, index) => linesOf(page, index));

  // Running headers and footers, and page numbers: only among each page's top and bottom lines.
  const rawSize = dominantSize(pageLines.flat());
  const rawSpacing = usualSpacing(pageLines.flat(), rawSize);
  const edges = pageLines.map((lines) => edgeLines(lines, rawSpacing));
  const repeats = new Map<string, number>();
  edges.forEach((lines) => {
    for (const key of new Set([...lines].map(repeatKey)))
      repeats.set(key, (repeats.get(key) ?? 0) + 1);
  });
  const pageCount = pdfPages.length;
  const isRunning = (line: Line) => {
    const count = repeats.get(repeatKey(line)) ?? 0;
    // Journals alternate two running heads (the journal's, the article's): each is on half the
    // pages, less the first.
    return pageCount >= 2 && count >= 2 && count >= pageCount * 0.3;
  };
  let runningRemoved = 0;
  let numbersRemoved = 0;
  const labels: (string | undefined)[] = pageLines.map(() => undefined);
  const headerNumbers = new Map<string, [number, string][]>();
  const kept = pageLines.map((lines, page) => {
    const pageEdges = edges[page]!;
    return lines.filter((line) => {
      if (!pageEdges.has(line)) return true;
      const number = pageNumberOf(line.text);
      if (number !== undefined && plausibleLabel(number)) {
        labels[page] ??= number;
        numbersRemoved++;
        return false;
      }
      if (isRunning(line)) {
        runningRemoved++;
        // A running header with the page's number in it (`Journal · 12`).
        const numbers = line.text.match(/\d{1,4}/g);
        if (numbers?.length === 1) {
          const key = repeatKey(line);
          headerNumbers.set(key, [...(headerNumbers.get(key) ?? []), [page, numbers[0]!]]);
        }
        return false;
      }
      return true;
    });
  });
  // A number in a running line is the page's when it changes from page to page (not a year).
  for (const found of headerNumbers.values()) {
    if (new Set(found.map(([, n]) => n)).size < found.length) continue;
    for (const [page, number] of found) labels[page] ??= number;
  }

  // The body's font size and line spacing.
  const bodySize = dominantSize(kept.flat());
  const spacing = usualSpacing(kept.flat(), bodySize);

  // Footnotes: a run of smaller lines at the end of a page's reading order.
  const footnotes: string[][] = [];
  const body = kept.map((lines) => {
    let start = lines.length;
    while (start > 0 && lines[start - 1]!.size < bodySize * 0.92) start--;
    if (start === lines.length || start === 0) return lines;
    const block = lines.slice(start);
    const previous = lines[start - 1]!;
    const gap = previous.y - block[0]!.y;
    const opens = NOTE_MARKER.test(block[0]!.text) || gap > spacing * 1.6;
    if (!opens) return lines;
    let note: string[] | undefined;
    let number: number | undefined;
    const blockRight = Math.max(...block.map((l) => l.right));
    block.forEach((line, i) => {
      // A numbered line opens the next note only if it bears the next number: `115 页` on the
      // line after `第` continues a note. Without markers, a note ends with a short line that
      // ends a sentence (as `source/footnotes.ts` has it).
      const marker = markerNumber(line.text);
      const before = block[i - 1];
      const afterEnd =
        before !== undefined &&
        NOTE_END.test(before.text) &&
        before.right < blockRight - before.size * 2;
      const opensNote =
        marker === undefined
          ? NOTE_MARKER.test(line.text) || afterEnd
          : number === undefined || marker === number + 1;
      if (!note || opensNote) {
        note = [];
        footnotes.push(note);
        if (marker !== undefined) number = marker;
      }
      note.push(line.text);
    });
    return lines.slice(0, start);
  });

  const all = body.flat();
  const words = wordsOf(all);
  const levels = headingLevels(
    all.map((l) => l.size),
    bodySize,
  );
  const levelOf = (line: Line) => levels.get(Math.round(line.size * 2) / 2);

  // Where each column's lines start and end on each page, and the line spacing.
  const columnEdges = new Map<string, { left: number; right: number }>();
  body.forEach((lines, page) => {
    for (const column of [-1, 0, 1]) {
      const mine = lines.filter((l) => l.column === column && Math.abs(l.size - bodySize) < 1);
      if (mine.length)
        columnEdges.set(`${page}|${column}`, {
          left: quantile(
            mine.map((l) => l.x),
            0.1,
          ),
          right: quantile(
            mine.map((l) => l.right),
            0.9,
          ),
        });
    }
  });

  // Paragraphs.
  const paragraphs: { lines: Line[]; level?: number }[] = [];
  let previous: Line | undefined;
  for (const line of all) {
    const current = paragraphs[paragraphs.length - 1];
    if (!current || !previous || breaksBefore(previous, line)) {
      paragraphs.push({ lines: [line], level: levelOf(line) });
    } else current.lines.push(line);
    previous = line;
  }

  function breaksBefore(before: Line, line: Line): boolean {
    const levelBefore = levelOf(before);
    const level = levelOf(line);
    if (levelBefore !== level) return true;
    if (Math.abs(before.size - line.size) > Math.max(1, bodySize * 0.1)) return true;
    const sameFlow = before.page === line.page && before.column === line.column;
    if (sameFlow && before.y - line.y > spacing * 1.45) return true;
    const edge = columnEdges.get(`${line.page}|${line.column}`);
    if (edge && line.x > edge.left + line.size * 0.8 && line.x < edge.left + line.size * 6)
      return true;
    const beforeEdge = columnEdges.get(`${before.page}|${before.column}`);
    if (
      beforeEdge &&
      before.right < beforeEdge.right - before.size * 2 &&
      TERMINAL.test(before.text)
    )
      return true;
    return false;
  }

  // The text, with each page's start.
  const texts: string[] = [];
  const headings: ExtractedHeading[] = [];
  const pageStarts = new Map<number, number>();
  let offset = 0;
  let hyphens = 0;
  for (const paragraph of paragraphs) {
    if (texts.length) offset += 2;
    const built = new ParagraphText();
    for (const line of paragraph.lines) {
      const at = built.add(tidySpaces(line.text), words);
      if (!pageStarts.has(line.page)) pageStarts.set(line.page, offset + at);
    }
    hyphens += built.mended;
    const text = built.text;
    if (paragraph.level !== undefined && text.length <= 300)
      headings.push({
        start: offset,
        end: offset + text.length,
        level: paragraph.level,
        title: text,
      });
    texts.push(text);
    offset += text.length;
  }
  const bodyText = texts.join('\n\n');
  const noteTexts = footnotes.map((lines) =>
    lines
      .map((line, i) => tidySpaces(i === 0 ? line.replace(NOTE_MARKER, '').trim() : line))
      .reduce((acc, line) => joinLines(acc, line, words).text, ''),
  );
  const heading = options.notesHeading ?? (mostlyCjk(bodyText) ? NOTES_HEADING : 'Notes');
  const text = appendNotes(bodyText, noteTexts.filter(Boolean), heading);

  // A page without body text starts where the next one does (or at the end).
  const pages: ExtractedPage[] = [];
  const settled = settleLabels(labels);
  let next = bodyText.length;
  for (let page = pdfPages.length - 1; page >= 0; page--) {
    next = pageStarts.get(page) ?? next;
    pages.unshift({ label: settled[page]!, start: next });
  }

  const notes: Message[] = [];
  if (runningRemoved) notes.push(say('pdfNoteRunning', runningRemoved));
  if (numbersRemoved) notes.push(say('pdfNotePageNumbers', numbersRemoved));
  if (hyphens) notes.push(say('pdfNoteHyphens', hyphens));
  if (noteTexts.length) notes.push(say('pdfNoteFootnotes', noteTexts.length));
  return { text, pages, headings, notes };
}

/** The usual distance between consecutive lines of one column on one page. */
function lineSpacing(lines: readonly Line[]): number {
  const gaps: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const a = lines[i - 1]!;
    const b = lines[i]!;
    if (a.page === b.page && a.column === b.column && a.y > b.y) gaps.push(a.y - b.y);
  }
  return median(gaps);
}

function mostlyCjk(text: string): boolean {
  let cjk = 0;
  let latin = 0;
  for (const ch of text.slice(0, 5000)) {
    if (isCjk(ch)) cjk++;
    else if (/\p{L}/u.test(ch)) latin++;
  }
  return cjk > latin;
}
