/**
 * Anchoring imported statements in a source: find a statement's text (exactly, else loosely),
 * and turn a range of the text into refs — whole sentences where the range covers them, spans
 * with their quote where it covers part of one.
 */
import type { Ref, Source } from '../model/schema';

/**
 * Finds a statement in the text: exactly where possible, else ignoring case, punctuation and
 * spacing (AIFdb's I-nodes often drop the commas and quotes of the text they come from).
 */
export function textFinder(
  text: string,
): (needle: string) => { start: number; end: number } | undefined {
  const letters: number[] = []; // offsets of the letters and digits of `text`
  let folded = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (/[\p{L}\p{N}]/u.test(ch)) {
      folded += ch.toLowerCase();
      letters.push(i);
    }
  }
  return (needle) => {
    const exact = text.indexOf(needle);
    if (exact >= 0) return { start: exact, end: exact + needle.length };
    const key = needle.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
    const at = key ? folded.indexOf(key) : -1;
    if (at < 0) return undefined;
    return { start: letters[at]!, end: letters[at + key.length - 1]! + 1 };
  };
}

/** Refs for a range of the source: a whole sentence where it covers one, else the span inside it. */
export function refsForRange(source: Source, range: { start: number; end: number }): Ref[] {
  const refs: Ref[] = [];
  const { sentences } = source;
  // Sentences are in text order without overlap: the first that ends after the range's start,
  // by binary search, so that placing every node is not a scan of every sentence.
  let lo = 0;
  let hi = sentences.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid]!.end <= range.start) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < sentences.length && sentences[i]!.start < range.end; i++) {
    const s = sentences[i]!;
    const start = Math.max(range.start, s.start);
    const end = Math.min(range.end, s.end);
    if (start >= end) continue;
    if (start === s.start && end === s.end) refs.push({ sentence: s.id });
    else refs.push({ sentence: s.id, start, end, quote: source.text.slice(start, end) });
  }
  return refs;
}
