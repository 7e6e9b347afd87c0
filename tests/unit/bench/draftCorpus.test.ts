/**
 * The drafting benchmark on a few texts of the real corpus (read in place from
 * ../shared/corpora/microtexts-part2/; skipped with a notice where it is absent). The whole corpus
 * is scored by `npm run bench:draft`, not here.
 */
import { describe, expect, it } from 'vitest';
import { baselineDraft } from '../../bench/draft/baseline';
import { CORPUS_DIR, corpusPresent, readCorpus, readText } from '../../bench/draft/corpus';
import { draftOnSegments, goldSegments, scoreStructure } from '../../bench/draft/evaluate';
import { goldLabels } from '../../bench/draft/labels';

const present = corpusPresent();
if (!present) console.warn(`Skipping the microtext corpus tests: ${CORPUS_DIR} does not exist.`);

describe.skipIf(!present)('the microtext corpus, part 2', () => {
  const baseline = { name: 'baseline', draft: baselineDraft };

  it('the baseline attaches every ADU to its predecessor, on the gold segments', () => {
    const texts = readCorpus(CORPUS_DIR, 3);
    expect(texts.map((t) => t.name)).toEqual(['micro_c001', 'micro_c002', 'micro_c003']);
    for (const t of texts) {
      const { draft, labels } = draftOnSegments(baseline, t);
      expect(draft.units.map((u) => u.text)).toEqual(goldSegments(t));
      expect(labels.at).toEqual(t.adus.map((_, i) => (i === 0 ? null : i - 1)));
      expect(labels.cc).toEqual(t.adus.map((_, i) => i === 0));
      expect(new Set(labels.ro)).toEqual(new Set(['pro']));
      expect(labels.fu).toEqual(t.adus.map((_, i) => (i === 0 ? 'cc' : 'sup')));
    }
    const r = scoreStructure(baseline, texts);
    expect(r.units).toBe(7 + 4 + 5);
  });

  it('gives an implicit central claim as the span the text writes in capitals', () => {
    const t = readText('micro_c002');
    expect(goldSegments(t)).toEqual([
      'In some cases, hunting can remove threats to the environment.',
      "Texas, in particular, has an overabundance of wild/feral boars that destroy farmers' fields, and root up other ground, too.",
      'Furthermore, hunting your own meat saves up the natural resources that would otherwise be used in a processing plant.',
      'HUNTING IS GOOD FOR THE ENVIRONMENT.',
    ]);
    expect(goldLabels(t)).toEqual({
      cc: [false, false, false, true],
      ro: ['pro', 'pro', 'pro', 'pro'],
      fu: ['sup', 'sup', 'sup', 'cc'],
      at: [3, 0, 3, null],
    });
  });

  it('reads undercuts, a linked premise and a restated ADU as the conventions say (micro_c005)', () => {
    const t = readText('micro_c005');
    // a7 (e1), a1 (e2; restated in e8), a2, a3, a4, a5, a8 (e7), a6 (e9).
    expect(t.adus.map((a) => a.id)).toEqual(['a7', 'a1', 'a2', 'a3', 'a4', 'a5', 'a8', 'a6']);
    expect(goldSegments(t)[1]).toBe('While they do have more experience in life');
    expect(goldLabels(t)).toEqual({
      cc: [true, false, false, false, false, false, false, false],
      ro: ['pro', 'opp', 'opp', 'pro', 'pro', 'pro', 'pro', 'pro'],
      // a5 adds to a4 → a3: a link attached to a4; a8 undercuts a2 → a7: attached to a2;
      // a6 undercuts a1 → a2: attached to a1.
      fu: ['cc', 'sup', 'att', 'sup', 'sup', 'link', 'att', 'att'],
      at: [null, 2, 0, 6, 3, 4, 2, 1],
    });
  });
});
