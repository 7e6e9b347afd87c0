/**
 * Correcting a source text without losing the map's links into it (map-format.md, "Sentences").
 *
 * **Sentences.** The new text is re-segmented, then old and new sentences are aligned (see
 * ./align: unchanged sentences, then edited ones between unchanged neighbours, then moved ones);
 * an aligned sentence keeps its id and its whole-sentence refs.
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
import { alignSentences, type Match, type Piece } from './align';
import { sentenceRanges } from './segment';

/** The tag that marks a node with a ref that a text correction could not re-anchor. */
export const UNANCHORED_TAG = 'unanchored';

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
  if (!source) throw new OperationError('opNoSource', sourceId);
  const piece = (text: string) => (r: { start: number; end: number }) => ({
    text: text.slice(r.start, r.end),
    start: r.start,
    end: r.end,
  });
  const olds = source.sentences.map(piece(source.text));
  const news = sentenceRanges(newText, source.language).map(piece(newText));
  const oldIndex = new Map(source.sentences.map((s, i) => [s.id, i]));
  if (!news.length && map.nodes.some((n) => n.refs.some((r) => oldIndex.has(r.sentence)))) {
    throw new OperationError('opNoSentencesLeft');
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
        return {
          ...ref,
          sentence: s.id,
          start: hit.start,
          end: hit.end,
          ...(whole || ref.quote !== undefined ? { quote } : {}),
        };
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

/** A node flagged {@link UNANCHORED_TAG}, with the refs it holds now (candidates to repair). */
export interface UnanchoredNode {
  nodeId: string;
  text: string;
  refs: readonly Ref[];
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
