/**
 * Correcting a source text without losing the map's links into it (map-format.md, "Sentences").
 *
 * **Sentences.** The new text is re-segmented, then old and new sentences are aligned in three
 * passes, most certain first:
 * 1. *Unchanged*: an LCS over whole sentence texts (after stripping the common head and tail), so
 *    unchanged sentences keep their ids in order; among equally long alignments (repeated
 *    sentences) the one whose pairs moved the fewest characters wins, i.e. the nearest position.
 * 2. *Edited*: between two consecutive unchanged pairs, the leftover old and new sentences are
 *    paired by a second alignment that maximises total similarity, counting only pairs at least
 *    {@link SIMILAR} alike (character LCS: 2·lcs / (|a| + |b|)). A sentence whose typo was fixed
 *    sits between the same unchanged neighbours and stays highly similar, so it keeps its id and
 *    its whole-sentence refs; a rewritten sentence does not.
 * 3. *Moved*: a leftover old sentence whose exact text is a leftover new sentence elsewhere.
 * Every other new sentence gets a fresh id, `nextId('s', …)` over every sentence id of the map.
 * The map does not remember ids of sentences removed earlier, so a caller that keeps history (the
 * undo log, saved versions) passes them as `usedSentenceIds` and no id is ever given out twice.
 *
 * **Refs.** A whole-sentence ref follows its sentence's id. A span is found again by its quote:
 * first inside the sentence its old sentence became, then between the surviving neighbours of its
 * old sentence, nearest to where its old offset maps; failing both, anywhere in the text but only
 * when the quote occurs exactly once in the old text and once in the new (a short or repeated
 * quote met elsewhere would be a guess, not a link).
 * A whole-sentence ref whose sentence was lost is searched the same way by the old sentence's text
 * (a sentence merged into a longer one becomes a span of it). A span whose own words were
 * corrected is not silently re-quoted: it is unanchored, for the analyst to confirm.
 *
 * **Unanchored refs** are kept, never dropped: the document must stay valid (every ref names an
 * existing sentence and every quote matches its span), so the ref becomes a whole-sentence ref to
 * the nearest surviving sentence (the one its old sentence became, if any), and the node gets the
 * tag {@link UNANCHORED_TAG}, which persists in the file; {@link findUnanchored} lists such nodes
 * for repair and {@link clearUnanchored} removes the flag. The report names each such ref with its
 * lost quote (or old sentence text) and previous sentence id, for the message shown right away.
 */
import { nextId } from '../model/ids';
import { OperationError } from '../model/operations';
import type { ArgMap, ArgNode, Ref, Sentence, Source } from '../model/schema';
import { sentenceRanges } from './segment';

/** The tag that marks a node with a ref that a text correction could not re-anchor. */
export const UNANCHORED_TAG = 'unanchored';
/** How alike (0–1, character LCS) an edited sentence must stay to keep its id. */
export const SIMILAR = 0.6;

/** A ref that could not be found again in the corrected text. */
export interface UnanchoredRef {
  nodeId: string;
  /** Its index in the node's `refs` (unchanged by the correction). */
  refIndex: number;
  /** The text that was lost: the span's quote, or the old sentence's text for a whole sentence. */
  quote: string;
  previousSentenceId: string;
  /** The sentence it now points at, as a whole-sentence ref. */
  sentence: string;
}

export interface ReanchorReport {
  sourceId: string;
  /** Ids of sentences whose text is unchanged (in place or moved). */
  unchanged: string[];
  /** Ids kept by sentences whose text was edited (a typo fixed, a word changed). */
  edited: string[];
  /** Fresh ids of sentences new in the corrected text. */
  added: string[];
  /** Ids of old sentences with no counterpart in the corrected text. */
  removed: string[];
  unanchored: UnanchoredRef[];
}

interface Piece {
  text: string;
  start: number;
  end: number;
}

/**
 * Replaces the text of source `sourceId` by `newText`, re-segments it and re-anchors every ref
 * into it (see the module comment). Throws an {@link OperationError} when there is no such source,
 * or when the new text has no sentence left to hold the refs into it.
 */
export function correctSourceText(
  map: ArgMap,
  sourceId: string,
  newText: string,
  options: { usedSentenceIds?: Iterable<string> } = {},
): { map: ArgMap; report: ReanchorReport } {
  const sourceIndex = map.sources.findIndex((s) => s.id === sourceId);
  const source = map.sources[sourceIndex];
  if (!source) throw new OperationError(`There is no source "${sourceId}" in this map.`);
  const piece = (text: string) => (r: { start: number; end: number }) => ({
    text: text.slice(r.start, r.end),
    start: r.start,
    end: r.end,
  });
  const olds = source.sentences.map(piece(source.text));
  const news = sentenceRanges(newText, source.language).map(piece(newText));
  const oldIndex = new Map(source.sentences.map((s, i) => [s.id, i]));
  if (!news.length && map.nodes.some((n) => n.refs.some((r) => oldIndex.has(r.sentence)))) {
    throw new OperationError('The corrected text has no sentences left to hold the links into it.');
  }
  const { match, moved } = alignSentences(olds, news);

  const list = (): string[] => [];
  const [unchanged, edited, added, removed] = [list(), list(), list(), list()];
  const report: ReanchorReport = { sourceId, unchanged, edited, added, removed, unanchored: [] };
  const taken = new Set([...(options.usedSentenceIds ?? [])]);
  for (const s of map.sources) for (const { id } of s.sentences) taken.add(id);
  const ids: (string | undefined)[] = news.map(() => undefined);
  match.forEach((j, i) => {
    const id = source.sentences[i]!.id;
    if (j === undefined) return report.removed.push(id);
    ids[j] = id;
    (olds[i]!.text === news[j]!.text ? report.unchanged : report.edited).push(id);
  });
  const sentences: Sentence[] = news.map((r, j) => {
    let id = ids[j];
    if (id === undefined) {
      id = nextId('s', taken);
      taken.add(id);
      report.added.push(id);
    }
    return { id, start: r.start, end: r.end };
  });

  const find = finder(olds, news, match, moved, [source.text, newText]);
  const nodes = map.nodes.map((node): ArgNode => {
    let lost = false;
    const refs = node.refs.map((ref, refIndex): Ref => {
      const i = oldIndex.get(ref.sentence);
      if (i === undefined) return ref; // a ref into another source
      const old = olds[i]!;
      const whole = ref.start === undefined || ref.end === undefined;
      const quote = whole ? old.text : (ref.quote ?? source.text.slice(ref.start, ref.end));
      const j = match[i];
      if (whole && j !== undefined) return { ...ref, sentence: sentences[j]!.id };
      const hit = find.locate(quote, i, whole ? old.start : ref.start!);
      if (hit) {
        const s = sentences[hit.j]!;
        if (whole && hit.start === s.start && hit.end === s.end) return { sentence: s.id };
        const next: Ref = { ...ref, sentence: s.id, start: hit.start, end: hit.end };
        if (whole || ref.quote !== undefined) next.quote = quote;
        return next;
      }
      lost = true;
      const fallback = sentences[j ?? find.nearest(i)]!.id;
      report.unanchored.push({
        nodeId: node.id,
        refIndex,
        quote,
        previousSentenceId: ref.sentence,
        sentence: fallback,
      });
      return { sentence: fallback };
    });
    const same = (a: Ref, b: Ref) =>
      a.sentence === b.sentence && a.start === b.start && a.end === b.end && a.quote === b.quote;
    if (refs.every((r, k) => same(r, node.refs[k]!))) return node;
    const tags = node.tags ?? [];
    return lost && !tags.includes(UNANCHORED_TAG)
      ? { ...node, refs, tags: [...tags, UNANCHORED_TAG] }
      : { ...node, refs };
  });

  const sources = map.sources.map((s, k): Source =>
    k === sourceIndex ? { ...s, text: newText, sentences } : s,
  );
  return { map: { ...map, sources, nodes }, report };
}

type Hit = { j: number; start: number; end: number };
type Match = (number | undefined)[];

/** Finds quotes again in the new text, guided by the sentence alignment (see the module comment). */
function finder(
  olds: Piece[],
  news: Piece[],
  match: Match,
  moved: Set<number>,
  [oldText, text]: [string, string],
) {
  /** The closest old sentence before (-1) or after (+1) `i` that kept its place, old and new. */
  const neighbour = (i: number, step: 1 | -1) => {
    for (let k = i + step; k >= 0 && k < olds.length; k += step)
      if (match[k] !== undefined && !moved.has(k)) return { old: olds[k]!, now: news[match[k]!]! };
    return undefined;
  };
  /** Where offset `at`, inside old sentence `i`, is expected to be in the new text. */
  const expected = (i: number, at: number): number => {
    const [j, before, after] = [match[i], neighbour(i, -1), neighbour(i, 1)];
    if (j !== undefined) return news[j]!.start + at - olds[i]!.start;
    if (before) return before.now.end + at - before.old.end;
    return after ? after.now.start - (after.old.start - at) : at;
  };
  /** Occurrences of `quote` inside `[from, to)`, with the new sentence holding each (or -1). */
  const hits = (quote: string, from: number, to: number): Hit[] => {
    const out: Hit[] = [];
    const len = quote.length;
    for (
      let p = text.indexOf(quote, from);
      p >= 0 && p + len <= to;
      p = text.indexOf(quote, p + 1)
    ) {
      const j = news.findIndex((s) => s.start <= p && p + len <= s.end);
      out.push({ j, start: p, end: p + len });
    }
    return out;
  };
  return {
    /**
     * `quote`, which stood at `at` in old sentence `i`: inside the sentence `i` became, else
     * between `i`'s surviving neighbours, nearest to the expected offset; else anywhere, if it
     * occurs exactly once in both the old and the new text. Only occurrences inside one sentence
     * count.
     */
    locate(quote: string, i: number, at: number): Hit | undefined {
      if (!quote) return undefined;
      const target = expected(i, at);
      const own = match[i] === undefined ? undefined : news[match[i]!]!;
      const region = {
        start: neighbour(i, -1)?.now.end ?? 0,
        end: neighbour(i, 1)?.now.start ?? text.length,
      };
      for (const { start, end } of own ? [own, region] : [region]) {
        const found = hits(quote, start, end).filter((h) => h.j >= 0);
        found.sort((a, b) => Math.abs(a.start - target) - Math.abs(b.start - target));
        if (found[0]) return found[0];
      }
      const all = hits(quote, 0, text.length);
      const once = oldText.indexOf(quote) === oldText.lastIndexOf(quote);
      return once && all.length === 1 && all[0]!.j >= 0 ? all[0] : undefined;
    },
    /** The new sentence closest to where old sentence `i` stood. */
    nearest(i: number): number {
      const at = expected(i, olds[i]!.start);
      const gap = (s: Piece) => Math.max(s.start - at, at - s.end + 1, 0);
      return news.reduce((best, s, j) => (gap(s) < gap(news[best]!) ? j : best), 0);
    },
  };
}

/**
 * Aligns old sentences with new ones in the three passes of the module comment: `match[i]` is the
 * new index of old sentence `i`; `moved` holds the old indices of pass 3, which break text order.
 */
function alignSentences(olds: Piece[], news: Piece[]): { match: Match; moved: Set<number> } {
  const match: Match = olds.map(() => undefined);
  // Pass 1: common head and tail, then an LCS of the middle (one more pair outweighs any sum of
  // distances; among equals, the pairs that moved least).
  let lo = 0;
  while (lo < olds.length && lo < news.length && olds[lo]!.text === news[lo]!.text)
    match[lo] = lo++;
  let hiO = olds.length;
  let hiN = news.length;
  while (hiO > lo && hiN > lo && olds[hiO - 1]!.text === news[hiN - 1]!.text) match[--hiO] = --hiN;
  bestPairs([lo, hiO, lo, hiN], match, (a, b) =>
    olds[a]!.text === news[b]!.text ? 2 ** 40 - Math.abs(olds[a]!.start - news[b]!.start) : 0,
  );
  // Pass 2: edited sentences, within each gap between consecutive unchanged pairs; a large gap
  // only compares sentences near the same relative place, to keep the cost bounded.
  let prevO = -1;
  let prevN = -1;
  for (let i = 0; i <= olds.length; i++) {
    const j = i < olds.length ? match[i] : news.length;
    if (j === undefined) continue;
    const [o0, n0, n, m] = [prevO + 1, prevN + 1, i - prevO - 1, j - prevN - 1];
    if (n > 0 && m > 0)
      bestPairs([o0, i, n0, j], match, (a, b) => {
        const near = n * m <= 400 || Math.abs((a - o0) / n - (b - n0) / m) * Math.max(n, m) <= 8;
        const alike = near ? similarity(olds[a]!.text, news[b]!.text) : 0;
        return alike >= SIMILAR ? alike : 0;
      });
    [prevO, prevN] = [i, j];
  }
  // Pass 3: moved sentences, exact text elsewhere, nearest first.
  const moved = new Set<number>();
  const free = new Set(news.keys());
  for (const j of match) if (j !== undefined) free.delete(j);
  olds.forEach((old, i) => {
    if (match[i] !== undefined) return;
    const dist = (j: number) => Math.abs(news[j]!.start - old.start);
    let best: number | undefined;
    for (const j of free)
      if (news[j]!.text === old.text && (best === undefined || dist(j) < dist(best))) best = j;
    if (best === undefined) return;
    match[i] = best;
    moved.add(i);
    free.delete(best);
  });
  return { match, moved };
}

/**
 * The order-keeping pairing of old `[o0, o1)` with new `[n0, n1)` that maximises the total
 * `gain` of its pairs (a gain of 0 forbids the pair); written into `match`.
 */
function bestPairs(
  [o0, o1, n0, n1]: [number, number, number, number],
  match: Match,
  gain: (a: number, b: number) => number,
): void {
  const [n, m, W] = [o1 - o0, n1 - n0, n1 - n0 + 1];
  const gains = new Float64Array(n * m).map((_, k) => gain(o0 + Math.floor(k / m), n0 + (k % m)));
  const best = new Float64Array((n + 1) * W);
  const pair = (i: number, j: number) =>
    gains[i * m + j]! > 0 ? best[(i + 1) * W + j + 1]! + gains[i * m + j]! : -Infinity;
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      best[i * W + j] = Math.max(best[(i + 1) * W + j]!, best[i * W + j + 1]!, pair(i, j));
  for (let i = 0, j = 0; i < n && j < m;) {
    if (best[i * W + j] === pair(i, j)) match[o0 + i++] = n0 + j++;
    else if (best[i * W + j] === best[(i + 1) * W + j]) i++;
    else j++;
  }
}

/** How alike two sentences are, 0–1: twice their longest common subsequence over their lengths. */
function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const total = a.length + b.length;
  if ((2 * Math.min(a.length, b.length)) / total < SIMILAR) return 0; // cannot reach the bar
  let row = new Uint32Array(b.length + 1);
  let next = new Uint32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++)
      next[j] = a[i - 1] === b[j - 1] ? row[j - 1]! + 1 : Math.max(row[j]!, next[j - 1]!);
    [row, next] = [next, row];
  }
  return (2 * row[b.length]!) / total;
}

/** A node flagged {@link UNANCHORED_TAG}, with the refs it holds now (candidates to repair). */
export interface UnanchoredNode {
  nodeId: string;
  text: string;
  refs: Ref[];
}

/** The nodes whose links a text correction could not re-anchor, in map order. */
export function findUnanchored(map: ArgMap): UnanchoredNode[] {
  return map.nodes
    .filter((n) => n.tags?.includes(UNANCHORED_TAG))
    .map((n) => ({ nodeId: n.id, text: n.text, refs: n.refs }));
}

/** Removes the {@link UNANCHORED_TAG} flag from a node once its refs are repaired. */
export function clearUnanchored(map: ArgMap, nodeId: string): ArgMap {
  return {
    ...map,
    nodes: map.nodes.map((n) => {
      if (n.id !== nodeId || !n.tags?.includes(UNANCHORED_TAG)) return n;
      const { tags, ...rest } = n;
      const left = tags.filter((t) => t !== UNANCHORED_TAG);
      return left.length ? { ...rest, tags: left } : rest;
    }),
  };
}

/** A ref for a text selection, or why none can be made. */
export type AnchorResult = { ref: Ref; reason?: undefined } | { ref: null; reason: string };

/**
 * The ref for a selection `[start, end)` (UTF-16 offsets, either order) in `source.text`:
 * whitespace trimmed off both ends; `{ sentence }` when it covers exactly a whole sentence, else a
 * span `{ sentence, start, end, quote }`. Refused (ref `null`, with a reason to show) when the
 * selection is empty or whitespace, crosses a sentence boundary, or lies outside every sentence.
 */
export function anchorSpan(source: Source, start: number, end: number): AnchorResult {
  if (!Number.isInteger(start) || !Number.isInteger(end))
    return { ref: null, reason: 'The selection has no valid position in the text.' };
  const text = source.text;
  let s = Math.max(0, Math.min(start, end));
  let e = Math.min(text.length, Math.max(start, end));
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  if (s >= e) return { ref: null, reason: 'The selection holds no text.' };
  const sentence = source.sentences.find((x) => x.start <= s && e <= x.end);
  if (!sentence) {
    const touched = source.sentences.filter((x) => x.start < e && s < x.end).length;
    return {
      ref: null,
      reason:
        touched > 1
          ? 'The selection crosses a sentence boundary: select text inside one sentence.'
          : 'The selection lies outside the sentences of this source.',
    };
  }
  if (s === sentence.start && e === sentence.end) return { ref: { sentence: sentence.id } };
  return { ref: { sentence: sentence.id, start: s, end: e, quote: text.slice(s, e) } };
}
