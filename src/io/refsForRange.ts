/**
 * Anchoring imported statements in a source: find a statement's text (exactly, else loosely),
 * and turn a range of the text into refs — whole sentences where the range covers them, spans
 * with their quote where it covers part of one.
 */
import type { Ref, Source } from '../model/schema';

type Range = { start: number; end: number };

/**
 * Finds statements in the text: each exactly where possible (its first occurrence), else ignoring
 * case, punctuation and spacing (AIFdb's I-nodes often drop the commas and quotes of the text
 * they come from). All statements are searched for in one pass over the text (Aho–Corasick), so
 * the time is linear in the text and the statements, not their product.
 */
export function findStatements(text: string, needles: readonly string[]): (Range | undefined)[] {
  const found: (Range | undefined)[] = needles.map(() => undefined);
  const exact = firstOccurrences(text, needles);
  const loose: string[] = [];
  const looseOf: number[] = [];
  needles.forEach((needle, i) => {
    const at = exact[i]!;
    if (at >= 0) found[i] = { start: at, end: at + needle.length };
    else {
      const key = needle.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
      if (!key) return;
      loose.push(key);
      looseOf.push(i);
    }
  });
  if (!loose.length) return found;
  const letters: number[] = []; // offsets of the letters and digits of `text`
  let folded = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (/[\p{L}\p{N}]/u.test(ch)) {
      folded += ch.toLowerCase();
      letters.push(i);
    }
  }
  firstOccurrences(folded, loose).forEach((at, j) => {
    if (at < 0) return;
    found[looseOf[j]!] = { start: letters[at]!, end: letters[at + loose[j]!.length - 1]! + 1 };
  });
  return found;
}

/**
 * Where each needle first occurs in `text` (as `text.indexOf(needle)`; -1 when it does not), for
 * all needles in one scan: an Aho–Corasick automaton over UTF-16 code units. A needle is
 * reported once; output links that lead only to needles already found are cut, so repeated
 * matches cost nothing. Linear in the text plus the needles' length (in time and memory).
 */
export function firstOccurrences(text: string, needles: readonly string[]): number[] {
  const at: number[] = needles.map((n) => (n ? -1 : 0));
  // The trie. Most states have one child: it is kept in two arrays; a Map only for more.
  const oneChar: number[] = [-1];
  const oneNext: number[] = [0];
  const more: (Map<number, number> | undefined)[] = [undefined];
  const depth: number[] = [0];
  const ending: (number[] | undefined)[] = [undefined];
  const child = (state: number, c: number): number | undefined =>
    oneChar[state] === c ? oneNext[state] : more[state]?.get(c);
  needles.forEach((needle, i) => {
    if (!needle) return;
    let state = 0;
    for (let k = 0; k < needle.length; k++) {
      const c = needle.charCodeAt(k);
      let next = child(state, c);
      if (next === undefined) {
        next = depth.length;
        oneChar.push(-1);
        oneNext.push(0);
        more.push(undefined);
        depth.push(depth[state]! + 1);
        ending.push(undefined);
        if (oneChar[state] === -1) {
          oneChar[state] = c;
          oneNext[state] = next;
        } else (more[state] ??= new Map()).set(c, next);
      }
      state = next;
    }
    (ending[state] ??= []).push(i);
  });
  const size = depth.length;
  const fail = new Int32Array(size);
  // The nearest state along the failure links (itself included) where a needle not yet found
  // ends; -1 for none.
  const output = new Int32Array(size);
  output[0] = -1;
  const order = new Int32Array(size);
  let tail = 1;
  for (let head = 0; head < tail; head++) {
    const state = order[head]!;
    const visit = (c: number, next: number) => {
      if (state === 0) fail[next] = 0;
      else {
        let f = fail[state]!;
        while (f !== 0 && child(f, c) === undefined) f = fail[f]!;
        fail[next] = child(f, c) ?? 0;
      }
      output[next] = ending[next] ? next : output[fail[next]!]!;
      order[tail++] = next;
    };
    if (oneChar[state] !== -1) visit(oneChar[state]!, oneNext[state]!);
    more[state]?.forEach((next, c) => visit(c, next));
  }
  let remaining = at.filter((a) => a < 0).length;
  let state = 0;
  const found: number[] = [];
  for (let k = 0; k < text.length && remaining > 0; k++) {
    const c = text.charCodeAt(k);
    let next = child(state, c);
    while (next === undefined && state !== 0) {
      state = fail[state]!;
      next = child(state, c);
    }
    state = next ?? 0;
    if (output[state]! < 0) continue;
    // Every needle ending here not found yet; then no state on this chain leads to one.
    for (let hit = output[state]!; hit > 0; hit = output[fail[hit]!]!) {
      for (const i of ending[hit] ?? []) {
        if (at[i] !== -1) continue;
        at[i] = k + 1 - depth[hit]!;
        remaining--;
      }
      found.push(hit);
    }
    for (const hit of found) output[hit] = -1;
    found.length = 0;
    output[state] = -1;
  }
  return at;
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
