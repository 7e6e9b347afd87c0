/**
 * Pooled macro-F1 of the four measures (cc, ro, fu, at) over a set of texts, as the field scores
 * the microtext corpus: every text's units (cc, ro, fu) or ordered unit pairs (at) are pooled into
 * one list of (gold, predicted) labels, each class present (in the gold or the prediction) gets
 * its F1 = 2·TP / (2·TP + FP + FN), and the macro-F1 is their plain mean.
 */
import type { Labels } from './labels';

export interface ClassScore {
  readonly f1: number;
  readonly gold: number;
  readonly predicted: number;
}
export interface MeasureScore {
  readonly macroF1: number;
  readonly classes: Readonly<Record<string, ClassScore>>;
}

/** Macro-F1 over the classes present in either list. */
export function macroF1(gold: readonly string[], predicted: readonly string[]): MeasureScore {
  if (gold.length !== predicted.length) {
    throw new Error(`macroF1: ${gold.length} gold labels but ${predicted.length} predicted`);
  }
  const classes = [...new Set([...gold, ...predicted])].sort();
  const out: Record<string, ClassScore> = {};
  for (const c of classes) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (let i = 0; i < gold.length; i++) {
      const g = gold[i] === c;
      const p = predicted[i] === c;
      if (g && p) tp++;
      else if (p) fp++;
      else if (g) fn++;
    }
    out[c] = { f1: (2 * tp) / (2 * tp + fp + fn), gold: tp + fn, predicted: tp + fp };
  }
  const f1s = Object.values(out).map((s) => s.f1);
  return { macroF1: f1s.length ? f1s.reduce((a, b) => a + b, 0) / f1s.length : 0, classes: out };
}

export type Measure = 'cc' | 'ro' | 'fu' | 'fu4' | 'at';
export const MEASURES: readonly Measure[] = ['cc', 'ro', 'fu', 'at', 'fu4'];

/** The pooled (gold, predicted) label lists of one measure for a text. */
function flat(m: Measure, l: Labels): string[] {
  switch (m) {
    case 'cc':
      return l.cc.map((c) => (c ? 'cc' : 'not'));
    case 'ro':
      return [...l.ro];
    case 'fu':
      return l.fu.map((f) => (f === 'link' ? 'sup' : f));
    case 'fu4':
      return [...l.fu];
    case 'at': {
      const pairs: string[] = [];
      l.at.forEach((t, i) => {
        for (let j = 0; j < l.at.length; j++) if (j !== i) pairs.push(t === j ? 'attached' : 'not');
      });
      return pairs;
    }
  }
}

/** Pooled macro-F1 of every measure over pairs of (gold, predicted) labels of the same texts. */
export function scoreTexts(
  texts: readonly { readonly gold: Labels; readonly predicted: Labels }[],
): Record<Measure, MeasureScore> {
  const result = {} as Record<Measure, MeasureScore>;
  for (const m of MEASURES) {
    const g: string[] = [];
    const p: string[] = [];
    for (const t of texts) {
      if (t.gold.fu.length !== t.predicted.fu.length) {
        throw new Error(
          `scoreTexts: ${t.gold.fu.length} gold units but ${t.predicted.fu.length} predicted`,
        );
      }
      g.push(...flat(m, t.gold));
      p.push(...flat(m, t.predicted));
    }
    result[m] = macroF1(g, p);
  }
  return result;
}
