/**
 * Splits a source text into sentences with the platform's sentence segmenter
 * (`Intl.Segmenter`, granularity "sentence", in the source's language), which knows Chinese
 * `。！？` as well as Latin punctuation. Offsets are UTF-16 code units, end exclusive; leading and
 * trailing whitespace is left outside every sentence, and no sentence crosses a paragraph break.
 */
import type { Sentence } from '../model/schema';
import { MARKER } from './footnotes';

/** Latin abbreviations after which ICU's default rules would wrongly end a sentence. */
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'sr',
  'jr',
  'st',
  'mt',
  'vs',
  'etc',
  'e.g',
  'i.e',
  'cf',
  'al',
  'no',
  'nos',
  'vol',
  'vols',
  'pp',
  'p',
  'fig',
  'figs',
  'ed',
  'eds',
  'gen',
  'col',
  'lt',
  'sgt',
  'gov',
  'pres',
  'sen',
  'rep',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'u.s',
  'u.k',
  'u.n',
  'inc',
  'ltd',
  'co',
  'corp',
  'approx',
  'ca',
  'op',
  'cit',
]);

/** A sentence before its id is assigned. */
export interface SentenceRange {
  start: number;
  end: number;
}

const segmenters = new Map<string, Intl.Segmenter>();
function segmenterFor(language: string): Intl.Segmenter {
  let segmenter = segmenters.get(language);
  if (!segmenter) {
    let locale = language;
    try {
      Intl.getCanonicalLocales(language);
    } catch {
      locale = 'en';
    }
    segmenter = new Intl.Segmenter(locale, { granularity: 'sentence' });
    segmenters.set(language, segmenter);
  }
  return segmenter;
}

/** The sentence ranges of `text`, in order. */
export function sentenceRanges(text: string, language: string): SentenceRange[] {
  const ranges: SentenceRange[] = [];
  const paragraph = /\n\s*\n/g;
  let paragraphStart = 0;
  const flush = (from: number, to: number) => {
    if (from < to) ranges.push(...segmentParagraph(text, from, to, language));
  };
  for (let m = paragraph.exec(text); m; m = paragraph.exec(text)) {
    flush(paragraphStart, m.index);
    paragraphStart = m.index + m[0].length;
  }
  flush(paragraphStart, text.length);
  return moveMarkersBack(text, mendBrokenPairs(text, ranges));
}

const PAIRS: readonly [string, string][] = [
  ['“', '”'],
  ['《', '》'],
  ['「', '」'],
  ['『', '』'],
  ['（', '）'],
  ['(', ')'],
];

/** Each pair's opening and closing character codes, and which pair a code opens or closes. */
const OPENS = new Map(PAIRS.map(([open], i) => [open.charCodeAt(0), i]));
const CLOSES = new Map(PAIRS.map(([, close], i) => [close.charCodeAt(0), i]));

/**
 * Does `text` from `start` to `end` open a quotation, book title or parenthesis that it does not
 * close (more openings than closings of one pair)? One pass, no copy of the stretch.
 */
function unclosedIn(text: string, start: number, end: number): boolean {
  let counts: number[] | undefined;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    const opened = OPENS.get(code);
    if (opened !== undefined) (counts ??= PAIRS.map(() => 0))[opened]! += 1;
    else {
      const closed = CLOSES.get(code);
      if (closed !== undefined) (counts ??= PAIRS.map(() => 0))[closed]! -= 1;
    }
  }
  return counts !== undefined && counts.some((n) => n > 0);
}

/** Does `s` open a quotation, book title or parenthesis that it does not close? */
export function hasUnclosedPair(s: string): boolean {
  return unclosedIn(s, 0, s.length);
}

/** How many following sentences a sentence with an unclosed quote may take in to close it. */
const MAX_MERGED = 4;

/**
 * ICU ends a sentence at a full stop inside a quotation, book title or parenthesis
 * (`“…不可或缺。为了…应对。”`): such a sentence takes in the next ones, on the same line, up to
 * the one that closes it. A quote never closed within {@link MAX_MERGED} sentences is left as
 * ICU cut it (a stray mark, not a quotation).
 */
function mendBrokenPairs(text: string, ranges: readonly SentenceRange[]): SentenceRange[] {
  const out: SentenceRange[] = [];
  for (let i = 0; i < ranges.length; i++) {
    const range = { ...ranges[i]! };
    if (unclosedIn(text, range.start, range.end)) {
      for (let k = i + 1; k < ranges.length && k <= i + MAX_MERGED; k++) {
        if (text.slice(ranges[k - 1]!.end, ranges[k]!.start).includes('\n')) break;
        if (!unclosedIn(text, range.start, ranges[k]!.end)) {
          range.end = ranges[k]!.end;
          i = k;
          break;
        }
      }
    }
    out.push(range);
  }
  return out;
}

/**
 * A footnote marker after a closing quote (`…应对。”③与以往相比`) is put by ICU at the start of
 * the next sentence; it belongs to the end of the sentence it annotates (on the same line).
 */
function moveMarkersBack(text: string, ranges: SentenceRange[]): SentenceRange[] {
  const out: SentenceRange[] = [];
  for (const range of ranges) {
    const previous = out[out.length - 1];
    const next = { ...range };
    if (previous && !text.slice(previous.end, next.start).includes('\n')) {
      while (next.start < next.end && MARKER.test(text.charAt(next.start))) {
        previous.end = next.start + 1;
        next.start += 1;
        while (/\s/.test(text.charAt(next.start))) next.start += 1;
      }
    }
    if (next.start < next.end) out.push(next);
  }
  return out;
}

/** How much text the segmenter is given at once (see {@link segmentsOf}). */
const WINDOW = 4096;

/**
 * ICU's sentence segments of `text` from `from` to `to`, with offsets into `text`. V8's segmenter
 * takes time growing with the square of the text it is given (4,000 short sentences: 0.14 s; 8,000:
 * 0.6 s), so it is given a window at a time: every segment but the window's last is kept, and the
 * next window starts where that last one began (a sentence start, where ICU's rules look no
 * further back). A sentence longer than a window gets a window twice as large.
 */
export function* segmentsOf(
  text: string,
  from: number,
  to: number,
  language: string,
): Generator<{ segment: string; index: number }> {
  const segmenter = segmenterFor(language);
  if (to - from <= WINDOW) {
    // A paragraph of a usual length: one call, its segments as they come.
    for (const s of segmenter.segment(text.slice(from, to)))
      yield { segment: s.segment, index: from + s.index };
    return;
  }
  let at = from;
  let size = WINDOW;
  while (at < to) {
    const end = Math.min(to, at + size);
    const segments = [...segmenter.segment(text.slice(at, end))];
    if (end === to) {
      for (const s of segments) yield { segment: s.segment, index: at + s.index };
      return;
    }
    if (segments.length < 2) {
      size *= 2;
      continue;
    }
    for (const s of segments.slice(0, -1)) yield { segment: s.segment, index: at + s.index };
    at += segments[segments.length - 1]!.index;
    size = WINDOW;
  }
}

function segmentParagraph(
  text: string,
  from: number,
  to: number,
  language: string,
): SentenceRange[] {
  const out: SentenceRange[] = [];
  for (const { segment, index } of segmentsOf(text, from, to, language)) {
    // The segment without its leading and trailing whitespace, found in place (no copies).
    let start = index;
    let end = start + segment.length;
    while (start < end && isSpace(text.charCodeAt(start))) start++;
    while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
    if (start === end) continue;
    const previous = out[out.length - 1];
    if (previous && endsWithAbbreviation(text, previous)) {
      previous.end = end;
    } else {
      out.push({ start, end });
    }
  }
  return out
    .map((range, i) => moveOpenersForward(text, range, out[i + 1]))
    .filter((r) => r.start < r.end);
}

/** Whether a character code is whitespace, as `String.prototype.trim` counts it. */
function isSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return /\s/.test(String.fromCharCode(code));
}

/** Opening brackets and quotes: they begin the sentence after a break, never end the one before. */
const OPENERS = /[《「『“‘（(［[【〈〔｛{\s]+$/;
const OPENER = /[《「『“‘（(［[【〈〔｛{]/;

/**
 * ICU counts opening brackets after a full stop as part of the sentence that ends there
 * (`…。《` / `旧金山和约》…`); give them to the next sentence instead.
 */
function moveOpenersForward(
  text: string,
  range: SentenceRange,
  next: SentenceRange | undefined,
): SentenceRange {
  // Only a sentence that ends with an opener has any to give.
  if (next && OPENER.test(text.charAt(range.end - 1))) {
    const own = text.slice(range.start, range.end);
    // Only the end can hold openers: read the last 256 characters, not a long sentence's all.
    const tail = Math.max(0, own.length - 256);
    const found = OPENERS.exec(own.slice(tail));
    const trailing = found ? { index: tail + found.index } : null;
    if (trailing && trailing.index > 0) {
      const cut = range.start + trailing.index;
      next.start =
        cut + (text.slice(cut, range.end).length - text.slice(cut, range.end).trimStart().length);
      return {
        start: range.start,
        end: range.start + own.slice(0, trailing.index).trimEnd().length,
      };
    }
  }
  return range;
}

/**
 * Whether the sentence ends with an abbreviation. Only its last 64 characters are read (from a
 * word's start), so that a long run of sentences merged after "No." after "No." stays linear.
 */
function endsWithAbbreviation(text: string, range: SentenceRange): boolean {
  if (text.charCodeAt(range.end - 1) !== 0x2e) return false; // not a full stop
  let from = Math.max(range.start, range.end - 64);
  if (from > range.start) while (from < range.end && !/[\s(]/.test(text.charAt(from - 1))) from++;
  const sentence = text.slice(from, range.end);
  const match = /(?:^|[\s(])((?:[A-Za-z]\.)+[A-Za-z]?|[A-Za-z]+)\.$/.exec(sentence);
  if (!match) return false;
  const word = match[1]!.toLowerCase().replace(/\.$/, '');
  // A single capital letter followed by a period is an initial ("J. Smith").
  return ABBREVIATIONS.has(word) || /^[A-Z]$/.test(match[1]!);
}

/**
 * Sentences of `text` with fresh ids `s{firstNumber}`, `s{firstNumber + 1}`, …
 * Ids are assigned once, at import, and never reused.
 */
export function segmentSentences(text: string, language: string, firstNumber = 1): Sentence[] {
  return sentenceRanges(text, language).map((r, i) => ({
    id: `s${firstNumber + i}`,
    start: r.start,
    end: r.end,
  }));
}
