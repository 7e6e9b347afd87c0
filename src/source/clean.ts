/**
 * Cleans text pasted or extracted from a PDF: rejoins lines broken inside a paragraph (no space
 * between CJK characters, one space between Latin words, hyphenated words mended), drops lone page
 * numbers, and closes spaced decimals such as `45. 5` so they are not taken for sentence breaks.
 * Only whitespace and extraction debris change; the wording is untouched. Paragraphs are joined by
 * a blank line ("\n\n"), as the document format expects.
 */

/** Han ideographs, kana, hangul, and CJK / full-width punctuation. */
const CJK =
  /[\u2E80-\u2FFF\u3000-\u303F\u3040-\u30FF\u3100-\u31FF\u3400-\u4DBF\u4E00-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF\u2018-\u201F\u2026\u2014\u00B7]/;
/** Characters that end a sentence (possibly followed by closing quotes or brackets). */
const TERMINAL = /[。！？!?.…]["'”’」』）)】]*$/;
/** A line that is only a page number, bare or decorated: `12`, `·98·`, `- 12 -`, `Page 3`. */
const PAGE_NUMBER = /^\s*(?:[·•\-–—]\s*)?(?:page\s+)?\d{1,4}(?:\s*[·•\-–—])?\s*$/i;
/** A line that opens a section: `一、…`, `1. …`, `(一)…`, `Chapter 2`. */
const HEADING =
  /^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+(?:\.\d+)*\s+\S|#+\s|chapter\s+\d)/i;

export interface CleanOptions {
  /**
   * A line shorter than this share of the typical line length, ending a sentence, closes its
   * paragraph (PDFs mark paragraphs by a short last line more reliably than by blank lines).
   */
  shortLineRatio?: number;
}

/** Is this character CJK (ideograph, kana, hangul or full-width punctuation)? */
export function isCjk(char: string | undefined): boolean {
  return char !== undefined && CJK.test(char);
}

/** Joins two pieces of one paragraph that a line break separated. */
export function joinBroken(left: string, right: string): string {
  const a = left.replace(/\s+$/, '');
  const b = right.replace(/^\s+/, '');
  if (!a) return b;
  if (!b) return a;
  const last = a.charAt(a.length - 1);
  const first = b.charAt(0);
  if (isCjk(last) || isCjk(first)) return a + b;
  // "argu-\nment" → "argument", but keep real hyphens before capitals ("Sino-\nJapanese").
  if (last === '-' && /[a-z]/.test(a.charAt(a.length - 2)) && /[a-z]/.test(first)) {
    return a.slice(0, -1) + b;
  }
  return `${a} ${b}`;
}

/** Han ideographs, kana and hangul (not punctuation). */
const IDEOGRAPH = /[\u3040-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF]/;

/**
 * Removes whitespace that a PDF put around CJK text (`2022 年` → `2022年`, `以 《` → `以《`), but
 * keeps a space between two ideographs, where it is a separator (`核共享 美日同盟`), and between
 * Latin words. Also closes spaced decimals (`45. 5` → `45.5`).
 */
export function tidySpaces(line: string): string {
  return line
    .replace(/[ \t\u00A0\u3000]+/g, (space, offset: number, whole: string) => {
      const before = whole.charAt(offset - 1);
      const after = whole.charAt(offset + space.length);
      if (offset === 0 || offset + space.length === whole.length) return space;
      if (IDEOGRAPH.test(before) && IDEOGRAPH.test(after)) return ' ';
      return isCjk(before) || isCjk(after) ? '' : ' ';
    })
    .replace(/(\d)\.\s+(\d)/g, '$1.$2');
}

function median(values: number[]): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Cleans PDF-extracted or pasted text into paragraphs separated by "\n\n". */
export function cleanText(raw: string, options: CleanOptions = {}): string {
  const ratio = options.shortLineRatio ?? 0.8;
  const lines = raw
    .replace(/\r\n?/g, '\n')
    .replace(/\f/g, '\n')
    .split('\n')
    .filter((line) => !PAGE_NUMBER.test(line))
    .map((line) => tidySpaces(line.trim()));
  const typical = median(lines.filter((l) => l.length > 0).map(visualWidth));

  const paragraphs: string[] = [];
  let current: string[] = [];
  let blankSeen = false;
  const close = () => {
    const text = current.reduce(joinBroken, '').trim();
    if (text) paragraphs.push(text);
    current = [];
  };
  for (const line of lines) {
    if (!line) {
      blankSeen = true;
      continue;
    }
    const previous = current[current.length - 1];
    if (previous !== undefined) {
      const endsSentence = TERMINAL.test(previous);
      const previousWasShort = visualWidth(previous) < typical * ratio;
      const shortThenBlank = blankSeen && previousWasShort;
      if (HEADING.test(line) || shortThenBlank || (endsSentence && (blankSeen || previousWasShort)))
        close();
    }
    current.push(line);
    blankSeen = false;
  }
  close();
  return paragraphs.join('\n\n');
}

/** Width in Latin-character units: a CJK character counts as two. */
function visualWidth(line: string): number {
  let width = 0;
  for (const ch of line) width += isCjk(ch) ? 2 : 1;
  return width;
}
