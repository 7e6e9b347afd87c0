/**
 * `npm run bench:draft`: scores the map drafter on the Argumentative Microtext Corpus, part 2
 * (read in place from ../shared/corpora/microtexts-part2/, see its README), beside the trivial
 * baseline and the published numbers, and on the shipped article map. Prints one table and writes
 * tests/bench/.out/draft.json. Not part of `npm test`.
 *
 * - Structure on gold segments (cc, ro, fu, at; pooled macro-F1): ./draft/evaluate.ts says which
 *   segments a drafter is given (implicit central claims included, as the `.txt` writes them),
 *   ./draft/labels.ts how a draft's labels are read (junctions, undercuts, linked premises).
 * - Segmentation on its own (boundary F1 against the gold EDUs; definition in ./draft/evaluate.ts).
 * - The article (maps/us-japan-nuclear-sharing.argmap.json): cited sentences proposed, links found
 *   and the median drafting time (definitions in ./draft/article.ts).
 *
 * The drafters scored are those in {@link DRAFTERS}, each beside the baseline. To wire in the
 * offline rules drafter, add one import and one entry, nothing else:
 *   import { draftText } from '../../src/draft/rules';
 *   const DRAFTERS: Drafter[] = [{ name: 'rules', draft: draftText }];
 * (While the list is empty the bench says the rules drafter is not wired in yet.)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { scoreArticle, type ArticleResult } from './draft/article';
import { baselineDraft } from './draft/baseline';
import { CORPUS_DIR, corpusPresent, readCorpus } from './draft/corpus';
import { deriveRoles, goldLabels } from './draft/labels';
import {
  scoreSegmentation,
  scoreStructure,
  type Drafter,
  type SegmentationResult,
  type StructureResult,
} from './draft/evaluate';
import { draftText } from '../../src/draft/rules';

/** The drafters to score, each beside the baseline. */
const DRAFTERS: Drafter[] = [{ name: 'rules', draft: draftText }];
const NOTICES: string[] = [];
if (DRAFTERS.length === 0) {
  NOTICES.push(
    'The rules drafter (src/draft/rules.ts) is not wired in yet: only the baseline is scored.',
  );
}

const BASELINE: Drafter = { name: 'baseline', draft: baselineDraft };

/** Published reference numbers (part 1 of the corpus; see the corpus README). */
const PUBLISHED: Record<string, string> = {
  cc: '.712 base; .817–.869',
  ro: '.439 base',
  fu: '.407 base',
  at: '.662 base; .663–.740',
};
/** The targets. */
const TARGETS: Record<string, number> = {
  cc: 0.8,
  ro: 0.65,
  fu: 0.65,
  at: 0.7,
  seg: 0.85,
  sentences: 0.6,
  links: 0.4,
};

interface Result {
  readonly drafter: string;
  readonly structure: StructureResult;
  readonly segmentation: SegmentationResult;
  readonly article: ArticleResult;
}

function evaluate(d: Drafter, corpus: Parameters<typeof scoreStructure>[1]): Result {
  return {
    drafter: d.name,
    structure: scoreStructure(d, corpus),
    segmentation: scoreSegmentation(d, corpus),
    article: scoreArticle(d),
  };
}

const f3 = (x: number): string => x.toFixed(3).replace(/^0/, '');
const pct = (n: number, of: number): string =>
  `${n}/${of} (${of ? Math.round((100 * n) / of) : 0} %)`;

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  const line = (r: string[]): string => r.map((cell, c) => cell.padEnd(widths[c]!)).join(' | ');
  return [
    line(rows[0]!),
    widths.map((w) => '-'.repeat(w)).join('-|-'),
    ...rows.slice(1).map(line),
  ].join('\n');
}

function main(): void {
  if (!corpusPresent()) {
    console.log(`bench:draft: the corpus is absent (${CORPUS_DIR}); nothing to score.`);
    return;
  }
  const corpus = readCorpus();
  const quirks = corpus.filter((g) => {
    const l = goldLabels(g);
    return deriveRoles(l.fu, l.at, g.name).some((r, i) => r !== l.ro[i]);
  });
  if (quirks.length) {
    NOTICES.push(
      `ro is scored against the annotated roles; in ${quirks.map((g) => g.name).join(', ')} they differ from "the root is proponent, every attack flips" (e.g. a central claim annotated opp).`,
    );
  }
  const results = [...DRAFTERS, BASELINE].map((d) => evaluate(d, corpus));
  const base = results[results.length - 1]!;
  const drafted = results.slice(0, -1);
  const head = [
    'measure',
    ...(drafted.length ? drafted.map((r) => r.drafter) : ['drafter']),
    'baseline',
    'published',
    'target',
  ];
  /** One cell per drafter, then the baseline's; a drafter's cell is marked ✓/✗ against `ok`. */
  const cols = (f: (r: Result) => string, ok?: (r: Result) => boolean): string[] => [
    ...(drafted.length ? drafted.map((r) => (ok ? `${f(r)} ${ok(r) ? '✓' : '✗'}` : f(r))) : ['—']),
    f(base),
  ];
  const rows: string[][] = [head];
  for (const m of ['cc', 'ro', 'fu', 'at'] as const) {
    rows.push([
      `${m} (macro-F1)`,
      ...cols(
        (r) => f3(r.structure.scores[m].macroF1),
        (r) => r.structure.scores[m].macroF1 >= TARGETS[m]!,
      ),
      PUBLISHED[m]!,
      `≥ ${f3(TARGETS[m]!)}`,
    ]);
  }
  rows.push(['fu, link apart', ...cols((r) => f3(r.structure.scores.fu4.macroF1)), '', '']);
  rows.push([
    'segmentation F1',
    ...cols(
      (r) => f3(r.segmentation.f1),
      (r) => r.segmentation.f1 >= TARGETS.seg!,
    ),
    '',
    `≥ ${f3(TARGETS.seg!)}`,
  ]);
  rows.push([
    '  boundary P / R',
    ...cols((r) => `${f3(r.segmentation.precision)} / ${f3(r.segmentation.recall)}`),
    '',
    '',
  ]);
  rows.push([
    'article: sentences proposed',
    ...cols(
      (r) => pct(r.article.proposed, r.article.cited),
      (r) => r.article.proposed >= TARGETS.sentences! * r.article.cited,
    ),
    '',
    `≥ ${TARGETS.sentences! * 100} %`,
  ]);
  rows.push([
    'article: links found',
    ...cols(
      (r) => pct(r.article.found, r.article.links),
      (r) => r.article.found >= TARGETS.links! * r.article.links,
    ),
    '',
    `≥ ${TARGETS.links! * 100} %`,
  ]);
  rows.push([
    '  (of links, both ends proposed)',
    ...cols((r) => String(r.article.linksWithBothProposed)),
    '',
    '',
  ]);
  rows.push([
    '  (as sentence pairs, old measure)',
    ...cols((r) => pct(r.article.sentencePairsFound, r.article.sentencePairs)),
    '',
    '',
  ]);
  rows.push([
    '  (found through a junction)',
    ...cols((r) => String(r.article.foundThroughJunction)),
    '',
    '',
  ]);
  rows.push(['article: units drafted', ...cols((r) => String(r.article.units)), '', '']);
  rows.push([
    'article: drafting ms (median)',
    ...cols(
      (r) => r.article.medianMs.toFixed(1),
      (r) => r.article.medianMs <= 1000,
    ),
    '',
    '≤ 1000',
  ]);

  console.log(
    `bench:draft — ${corpus.length} texts, ${base.structure.units} ADUs, ${corpus.reduce((n, t) => n + t.edus.length, 0)} EDUs (microtexts part 2); structure on gold segments, one per ADU, implicit central claims given as the .txt writes them (in capitals); published numbers are for part 1.`,
  );
  for (const n of NOTICES) console.log(n);
  console.log(table(rows));
  const out = resolve('tests/bench/.out');
  mkdirSync(out, { recursive: true });
  writeFileSync(
    resolve(out, 'draft.json'),
    JSON.stringify(
      { corpus: CORPUS_DIR, texts: corpus.length, notices: NOTICES, targets: TARGETS, results },
      null,
      2,
    ),
  );
  console.log(`Written: ${resolve(out, 'draft.json')}`);
}

main();
