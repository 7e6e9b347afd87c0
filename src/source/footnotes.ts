/**
 * Moves footnotes out of the body of a PDF extract.
 *
 * A PDF's text layer puts each page's footnotes where the page ends, often in the middle of a
 * sentence of the body, and their markers (①②③…, restarting on every page) stay in the body.
 * This module finds those footnote blocks in the raw lines, returns the body lines (so the
 * interrupted sentences join up again when the body is cleaned) and an ordered list of notes, and
 * builds the cleaned text: the body's paragraphs, then a notes section at the end in which every
 * footnote is its own paragraph, numbered `[1]`, `[2]`, … so that evidence can cite it.
 *
 * Only the placement of the notes and whitespace change: no character of the author's wording is
 * added, dropped or altered, apart from the `[n]` numbers and the heading of the notes section, and
 * lone marker lines that a PDF left without their note text (they are reported, not kept).
 *
 * How a footnote block is recognised (the rules in {@link FootnoteRules}):
 * - A block opens at a line that begins a new text block of the page (by default: the extractor
 *   put leading whitespace before it) and matches one of the footnote-start patterns, or at a line
 *   that holds nothing but a footnote marker.
 * - Inside a block, a line starts a new note if it matches a start pattern, begins with a marker,
 *   or follows a line that ended a note (terminal punctuation `。` or `.`); otherwise it continues
 *   the note before it. Blank lines inside a block belong to it.
 * - The block ends at the next line that begins a new text block and is not a footnote start:
 *   the body resumes there. Page-number lines never change the state; they go to the body, where
 *   the cleaner drops them.
 * - Blank lines next to a page number or a block of notes are page layout, not paragraph breaks:
 *   they are left out of the body, so a sentence broken by a page end joins up again.
 */
import { joinBroken, tidySpaces } from './clean';

/** Circled footnote markers ① … ⑳ (U+2460 – U+2473). */
export const MARKER = /[\u2460-\u2473]/;
const MARKER_LINE = /^\s*[\u2460-\u2473]\s*$/;
const MARKER_LED = /^[\u2460-\u2473]/;
/** The cleaner's notion of a lone page number (`12`, `·98·`, `- 12 -`), repeated here. */
const PAGE_NUMBER = /^\s*(?:[·•\-–—]\s*)?(?:page\s+)?\d{1,4}(?:\s*[·•\-–—])?\s*$/i;
/** How a footnote's text ends: a full stop, Chinese or Latin, possibly after a closing bracket. */
const NOTE_END = /[。.．][”’」』）)]?\s*$/;

/** What tells a footnote from the body; the patterns are the part that depends on the source. */
export interface FootnoteRules {
  /**
   * Patterns that a line opening a footnote matches, tested against the line without its leading
   * whitespace (e.g. `/^本文系/` for a funding note, `/^「/` for a Japanese title, `/^参见/`).
   * A line led by a circled marker always opens a footnote.
   */
  noteStarts: readonly RegExp[];
  /** Does this line begin a new text block of the page? Default: it starts with whitespace. */
  blockStart?: (line: string) => boolean;
}

/** One footnote: its raw lines as extracted, and its text with the lines rejoined. */
export interface Footnote {
  lines: string[];
  text: string;
}

/** The raw lines sorted into body and notes. */
export interface FootnoteSplit {
  /** Body lines in order, with the blank and page-number lines that stood among them. */
  body: string[];
  /** Footnotes in the order they appear. */
  notes: Footnote[];
  /** Indexes (0-based) of the raw lines that were only a marker, without note text. */
  loneMarkers: number[];
}

const defaultBlockStart = (line: string) => /^\s/.test(line);

/** Is `line` (already known to begin a text block) the start of a footnote? */
function opensNote(line: string, rules: FootnoteRules): boolean {
  const text = line.trimStart();
  return MARKER_LED.test(text) || rules.noteStarts.some((pattern) => pattern.test(text));
}

/** Sorts raw lines into body and footnotes (see the module comment for the rules). */
export function splitFootnotes(lines: readonly string[], rules: FootnoteRules): FootnoteSplit {
  const blockStart = rules.blockStart ?? defaultBlockStart;
  const body: string[] = [];
  const notes: Footnote[] = [];
  const loneMarkers: number[] = [];
  let inNotes = false;
  /** Just past a page number or a block of notes: blank lines here are layout, not paragraphs. */
  let afterBreak = false;
  let current: string[] | undefined;
  const dropTrailingBlanks = () => {
    while (body.length && !body[body.length - 1]!.trim()) body.pop();
  };
  const startNote = (line: string) => {
    current = [line];
    notes.push({ lines: current, text: '' });
  };

  lines.forEach((line, index) => {
    if (PAGE_NUMBER.test(line)) {
      dropTrailingBlanks();
      body.push(line);
      afterBreak = true;
      return;
    }
    if (MARKER_LINE.test(line)) {
      dropTrailingBlanks();
      loneMarkers.push(index);
      inNotes = true;
      current = undefined;
      return;
    }
    if (!line.trim()) {
      if (!inNotes && !afterBreak) body.push(line);
      return;
    }
    if (blockStart(line)) {
      inNotes = opensNote(line, rules);
      if (inNotes) {
        dropTrailingBlanks();
        startNote(line);
      } else {
        body.push(line);
        afterBreak = false;
      }
      return;
    }
    if (!inNotes) {
      body.push(line);
      afterBreak = false;
      return;
    }
    const previous = current?.[current.length - 1];
    if (!current || previous === undefined || NOTE_END.test(previous) || opensNote(line, rules))
      startNote(line);
    else current.push(line);
  });
  for (const note of notes) note.text = joinNoteLines(note.lines);
  return { body, notes, loneMarkers };
}

/** Rejoins a footnote's lines and tidies its whitespace (extraction spaces, spaced URLs). */
export function joinNoteLines(lines: readonly string[]): string {
  return mendUrls(lines.map((line) => tidySpaces(line.trim())).reduce(joinBroken, ''));
}

/**
 * Removes the spaces a PDF put inside URLs (`http: / /www. jimin. jp /news` →
 * `http://www.jimin.jp/news`). A URL runs from `http` to the next CJK punctuation mark or the end
 * of the text; only whitespace inside it is removed.
 */
export function mendUrls(text: string): string {
  return text.replace(/https?\s*:\s*\/[^，。、；）」』\n]*/g, (url) => {
    const trailing = /\s*$/.exec(url)![0];
    return url.slice(0, url.length - trailing.length).replace(/\s+/g, '') + trailing;
  });
}

/** The heading paragraph of the notes section. */
export const NOTES_HEADING = '注释';

/** The `[n] ` that numbers the n-th note (1-based) in the notes section. */
export const notePrefix = (n: number) => `[${n}] `;

/**
 * Appends the notes section to a cleaned body: a heading paragraph, then one paragraph per note,
 * numbered in order. Paragraphs are separated by a blank line ("\n\n").
 */
export function appendNotes(
  body: string,
  notes: readonly string[],
  heading = NOTES_HEADING,
): string {
  if (!notes.length) return body;
  return [body, heading, ...notes.map((note, i) => notePrefix(i + 1) + note)].join('\n\n');
}
