/**
 * Scores a drafter on the gold corpus: structure on gold segments (cc, ro, fu, at) and
 * segmentation on its own (boundary F1 against the gold EDUs).
 *
 * **Segments given to the drafter**: one per ADU, in text order, each the ADU's span in the `.txt`
 * (see ./corpus: a multi-EDU ADU is its EDUs' text as one span when they are adjacent, else its
 * first run of adjacent EDUs). An implicit central claim is given as a segment like any other: its
 * span as the `.txt` writes it (in capitals, mostly at the end). The baseline gets the same
 * segments. EDUs of no ADU, and the later EDUs of a restated ADU, are not segments.
 *
 * **Boundaries**: a boundary is a position between two characters of the `.txt`, counted as the
 * number of non-whitespace characters before it (so whitespace around a cut does not matter). A
 * segmentation's boundaries are the positions where one of its units starts or ends, except the
 * text's very start and end. The gold EDUs (implicit claims included, as the `.txt` has them) cover
 * the text, so their boundaries are the starts of EDUs 2..n. Precision, recall and F1 are pooled
 * over all texts (summed matches, not averaged per text).
 */
import type { DraftInput, MapDraft } from '../../../src/draft/types';
import type { GoldText } from './corpus';
import { draftLabels, goldLabels, type Labels } from './labels';
import { scoreTexts, type Measure, type MeasureScore } from './score';

export interface Drafter {
  readonly name: string;
  readonly draft: (input: DraftInput) => MapDraft;
}

/** The segments a drafter is given for a text: its ADUs' spans, in text order. */
export const goldSegments = (gold: GoldText): string[] =>
  gold.adus.map((a) => gold.text.slice(a.start, a.end));

/** Drafts `gold` from its gold segments and checks the units are exactly those segments. */
export function draftOnSegments(
  drafter: Drafter,
  gold: GoldText,
): { draft: MapDraft; labels: Labels } {
  const where = `${drafter.name} on ${gold.name}`;
  const draft = drafter.draft({
    sourceId: gold.name,
    text: gold.text,
    language: 'en',
    segments: goldSegments(gold),
  });
  if (draft.units.length !== gold.adus.length) {
    throw new Error(`${where}: ${draft.units.length} units for ${gold.adus.length} segments`);
  }
  draft.units.forEach((u, i) => {
    const a = gold.adus[i]!;
    if (u.start !== a.start || u.end !== a.end || u.text !== gold.text.slice(a.start, a.end)) {
      throw new Error(
        `${where}: unit ${u.id} cites ${u.start}–${u.end} "${u.text.slice(0, 40)}", segment ${i + 1} is ${a.start}–${a.end}`,
      );
    }
  });
  return { draft, labels: draftLabels(draft, where) };
}

export interface StructureResult {
  readonly texts: number;
  readonly units: number;
  readonly scores: Record<Measure, MeasureScore>;
  /** Every text's gold and predicted labels (written to draft.json, to see where a drafter fails). */
  readonly perText: readonly {
    readonly name: string;
    readonly gold: Labels;
    readonly predicted: Labels;
  }[];
}

export function scoreStructure(drafter: Drafter, corpus: readonly GoldText[]): StructureResult {
  const perText = corpus.map((g) => ({
    name: g.name,
    gold: goldLabels(g),
    predicted: draftOnSegments(drafter, g).labels,
  }));
  return {
    texts: corpus.length,
    units: perText.reduce((n, p) => n + p.gold.fu.length, 0),
    scores: scoreTexts(perText),
    perText,
  };
}

/** Boundaries (non-whitespace offsets) of spans over `text`, without the text's start and end. */
export function boundaries(
  text: string,
  spans: readonly (readonly [number, number])[],
): Set<number> {
  const nonWsBefore = new Array<number>(text.length + 1);
  nonWsBefore[0] = 0;
  for (let i = 0; i < text.length; i++)
    nonWsBefore[i + 1] = nonWsBefore[i]! + (/\s/.test(text[i]!) ? 0 : 1);
  const total = nonWsBefore[text.length]!;
  const out = new Set<number>();
  for (const [s, e] of spans) {
    for (const b of [nonWsBefore[s]!, nonWsBefore[e]!]) if (b > 0 && b < total) out.add(b);
  }
  return out;
}

export interface SegmentationResult {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly gold: number;
  readonly predicted: number;
  readonly matched: number;
}

export function prf(
  matched: number,
  predicted: number,
  gold: number,
): { precision: number; recall: number; f1: number } {
  const precision = predicted ? matched / predicted : 0;
  const recall = gold ? matched / gold : 0;
  return {
    precision,
    recall,
    f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
  };
}

export function scoreSegmentation(
  drafter: Drafter,
  corpus: readonly GoldText[],
): SegmentationResult {
  let gold = 0;
  let predicted = 0;
  let matched = 0;
  for (const g of corpus) {
    const draft = drafter.draft({ sourceId: g.name, text: g.text, language: 'en' });
    for (const u of draft.units) {
      if (g.text.slice(u.start, u.end) !== u.text) {
        throw new Error(
          `${drafter.name} on ${g.name}: unit ${u.id} is not the text's span ${u.start}–${u.end}`,
        );
      }
    }
    const gb = boundaries(
      g.text,
      g.edus.map((e) => [e.start, e.end] as const),
    );
    const pb = boundaries(
      g.text,
      draft.units.map((u) => [u.start, u.end] as const),
    );
    gold += gb.size;
    predicted += pb.size;
    for (const b of pb) if (gb.has(b)) matched++;
  }
  return { ...prf(matched, predicted, gold), gold, predicted, matched };
}
