/**
 * The drafting benchmark's scorer (tests/bench/draft/): the arggraph reader, the four measures'
 * labels read from gold graphs and from drafts, pooled macro-F1, segmentation boundaries and the
 * article measure, on hand-made inputs with hand-computed expected scores.
 */
import { describe, expect, it } from 'vitest';
import type { MapDraft } from '../../../src/draft/types';
import { mapLinks, matchingUnit, scoreArticle, type MapFile } from '../../bench/draft/article';
import { baselineDraft, sentenceSpans } from '../../bench/draft/baseline';
import { CorpusError, parseArggraph } from '../../bench/draft/corpus';
import {
  boundaries,
  draftOnSegments,
  goldSegments,
  scoreSegmentation,
  scoreStructure,
} from '../../bench/draft/evaluate';
import { deriveRoles, draftLabels, goldLabels } from '../../bench/draft/labels';
import { macroF1 } from '../../bench/draft/score';

const arggraph = (body: string): string =>
  `<?xml version='1.0' encoding='UTF-8'?>\n<arggraph id="t1" topic_id="x" stance="pro">\n${body}\n</arggraph>`;
const edu = (id: string, text: string, implicit = false): string =>
  `<edu id="${id}"${implicit ? ' implicit="true"' : ''}><![CDATA[${text}]]></edu>`;

/**
 * Six ADUs, one of each construction: a1 the central claim; a2 supports it; a3 is a linked
 * premise (add on a2→a1); a4 rebuts a1; a5 undercuts a4→a1; a6 is an example for a2.
 */
const TEXT =
  'We should act. It is cheap. And it works. Some say it is risky. That risk is small. Look at Oslo.';
const SIX = arggraph(
  [
    edu('e1', 'We should act.'),
    edu('e2', 'It is cheap.'),
    edu('e3', 'And it works.'),
    edu('e4', 'Some say it is risky.'),
    edu('e5', 'That risk is small.'),
    edu('e6', 'Look at Oslo.'),
    ...['a1:pro', 'a2:pro', 'a3:pro', 'a4:opp', 'a5:pro', 'a6:pro'].map((a) => {
      const [id, type] = a.split(':');
      return `<adu id="${id}" type="${type}"/>`;
    }),
    ...[1, 2, 3, 4, 5, 6].map((i) => `<edge id="s${i}" src="e${i}" trg="a${i}" type="seg"/>`),
    '<edge id="c2" src="a2" trg="a1" type="sup"/>',
    '<edge id="c3" src="a3" trg="c2" type="add"/>',
    '<edge id="c4" src="a4" trg="a1" type="reb"/>',
    '<edge id="c5" src="a5" trg="c4" type="und"/>',
    '<edge id="c6" src="a6" trg="a2" type="exa"/>',
  ].join('\n'),
);
const six = parseArggraph(SIX, TEXT, 'six.xml');

const GOLD_SIX = {
  cc: [true, false, false, false, false, false],
  ro: ['pro', 'pro', 'pro', 'opp', 'pro', 'pro'],
  fu: ['cc', 'sup', 'link', 'att', 'att', 'sup'],
  at: [null, 0, 1, 0, 3, 1],
};

/** The same structure as a draft: linked premises and the undercut through junctions. */
function sixAsDraft(): MapDraft {
  const units = six.adus.map((a, i) => ({
    id: `u${i + 1}`,
    start: a.start,
    end: a.end,
    text: TEXT.slice(a.start, a.end),
    kind: i === 0 ? ('conclusion' as const) : ('claim' as const),
    cues: [],
  }));
  const cue = { family: 'default' as const, marker: 'test' };
  const link = (id: string, from: string, to: string, relation: 'supports' | 'attacks') => ({
    id,
    from,
    to,
    relation,
    cue,
  });
  return {
    sourceId: 't1',
    language: 'en',
    units,
    junctions: [{ id: 'j1' }, { id: 'j2' }],
    links: [
      // u3 comes before u2 in the list: premises are ordered by their units, not by their links.
      link('l1', 'u3', 'j1', 'supports'),
      link('l2', 'u2', 'j1', 'supports'),
      link('l3', 'j1', 'u1', 'supports'),
      link('l4', 'u4', 'j2', 'supports'),
      link('l5', 'j2', 'u1', 'attacks'),
      link('l6', 'u5', 'j2', 'attacks'),
      link('l7', 'u6', 'u2', 'supports'),
    ],
    central: 'u1',
    by: 'rules',
  };
}

describe('the arggraph reader', () => {
  it('reads EDUs, ADUs in text order, relations, an implicit claim and a restated ADU', () => {
    const text = 'Cats are calm. I once had one. Also they purr. In short, CATS ARE THE BEST PETS.';
    const xml = arggraph(
      [
        edu('e1', 'Cats are calm.'),
        edu('e2', 'I once had one.'),
        edu('e3', 'Also they purr.'),
        edu('e4', 'In short,'),
        edu('e5', 'cats are the best pets.', true),
        '<adu id="a1" type="pro"/><adu id="a2" type="pro"/><adu id="a3" type="pro"/>',
        '<edge id="c4" src="e5" trg="a1" type="seg"/>',
        '<edge id="c5" src="e1" trg="a2" type="seg"/>',
        '<edge id="c6" src="e3" trg="a3" type="seg"/>',
        '<edge id="c7" src="e4" trg="a1" type="seg"/>',
        '<edge id="c1" src="a2" trg="a1" type="sup"/>',
        '<edge id="c2" src="a3" trg="a1" type="sup"/>',
      ].join('\n'),
    );
    const g = parseArggraph(xml, text, 'cats.xml');
    expect(g.name).toBe('t1');
    expect(g.edus.map((e) => text.slice(e.start, e.end))).toEqual([
      'Cats are calm.',
      'I once had one.',
      'Also they purr.',
      'In short,',
      'CATS ARE THE BEST PETS.',
    ]);
    expect(g.edus.map((e) => e.implicit)).toEqual([false, false, false, false, true]);
    // a1 = e4 + e5 (adjacent): one span; a2 and a3 before it in text order; e2 has no ADU.
    expect(g.adus.map((a) => a.id)).toEqual(['a2', 'a3', 'a1']);
    expect(goldSegments(g)).toEqual([
      'Cats are calm.',
      'Also they purr.',
      'In short, CATS ARE THE BEST PETS.',
    ]);
    expect(g.adus.map((a) => a.implicit)).toEqual([false, false, true]);
    expect(goldLabels(g)).toEqual({
      cc: [false, false, true],
      ro: ['pro', 'pro', 'pro'],
      fu: ['sup', 'sup', 'cc'],
      at: [2, 2, null],
    });
  });

  it('cites an ADU whose EDUs lie apart by its first EDU only', () => {
    const text = 'Tax sugar. It harms teeth. So: tax sugar.';
    const xml = arggraph(
      [
        edu('e1', 'Tax sugar.'),
        edu('e2', 'It harms teeth.'),
        edu('e3', 'So: tax sugar.'),
        '<adu id="a1" type="pro"/><adu id="a2" type="pro"/>',
        '<edge id="s1" src="e1" trg="a1" type="seg"/><edge id="s2" src="e2" trg="a2" type="seg"/>',
        '<edge id="s3" src="e3" trg="a1" type="seg"/><edge id="c1" src="a2" trg="a1" type="sup"/>',
      ].join('\n'),
    );
    const g = parseArggraph(xml, text, 'sugar.xml');
    expect(goldSegments(g)).toEqual(['Tax sugar.', 'It harms teeth.']);
    expect(g.adus[0]!.edus.map((e) => e.id)).toEqual(['e1', 'e3']);
  });

  it.each([
    [
      'an unknown element',
      arggraph(`${edu('e1', 'A.')}<note/>`),
      'A.',
      /unexpected element <note>/,
    ],
    [
      'an unknown edge type',
      arggraph(
        `${edu('e1', 'A.')}<adu id="a1" type="pro"/><edge id="c1" src="e1" trg="a1" type="xyz"/>`,
      ),
      'A.',
      /unknown type "xyz"/,
    ],
    [
      'an EDU not in the text',
      arggraph(
        `${edu('e1', 'B.')}<adu id="a1" type="pro"/><edge id="c1" src="e1" trg="a1" type="seg"/>`,
      ),
      'A.',
      /edu e1 .* not found/,
    ],
    [
      'text no EDU covers',
      arggraph(
        `${edu('e1', 'A.')}<adu id="a1" type="pro"/><edge id="c1" src="e1" trg="a1" type="seg"/>`,
      ),
      'A. B.',
      /text after the last EDU/,
    ],
    [
      'a relation to a missing ADU',
      arggraph(
        `${edu('e1', 'A.')}<adu id="a1" type="pro"/><edge id="s1" src="e1" trg="a1" type="seg"/><edge id="c1" src="a1" trg="a9" type="sup"/>`,
      ),
      'A.',
      /target "a9" is not an ADU/,
    ],
    [
      'an undercut of a missing edge',
      arggraph(
        `${edu('e1', 'A.')}${edu('e2', 'B.')}<adu id="a1" type="pro"/><adu id="a2" type="opp"/><edge id="s1" src="e1" trg="a1" type="seg"/><edge id="s2" src="e2" trg="a2" type="seg"/><edge id="c1" src="a2" trg="a1" type="und"/>`,
      ),
      'A. B.',
      /target "a1" is not an edge/,
    ],
    [
      'an ADU without EDU',
      arggraph(`${edu('e1', 'A.')}<adu id="a1" type="pro"/>`),
      'A.',
      /adu a1 has no EDU/,
    ],
    [
      'an unknown role',
      arggraph(`${edu('e1', 'A.')}<adu id="a1" type="neutral"/>`),
      'A.',
      /type="neutral"/,
    ],
  ])('refuses %s, naming the file', (_, xml, text, message) => {
    expect(() => parseArggraph(xml, text, 'bad.xml')).toThrow(CorpusError);
    expect(() => parseArggraph(xml, text, 'bad.xml')).toThrow(/^bad\.xml: /);
    expect(() => parseArggraph(xml, text, 'bad.xml')).toThrow(message);
  });
});

describe('the four labels', () => {
  it('reads a gold graph: an undercut attaches to its edge’s source, a linked premise to the first premise', () => {
    expect(goldLabels(six)).toEqual(GOLD_SIX);
    const l = goldLabels(six);
    expect(deriveRoles(l.fu, l.at, 'six')).toEqual(GOLD_SIX.ro);
  });

  it('reads the same labels from a draft with junctions and an undercut', () => {
    expect(draftLabels(sixAsDraft(), 'draft')).toEqual(GOLD_SIX);
  });

  it('derives roles: every attack on the way up flips', () => {
    // 0 ← 1 (att) ← 2 (att) ← 3 (sup); 4 attacks 3.
    expect(deriveRoles(['cc', 'att', 'att', 'sup', 'att'], [null, 0, 1, 2, 3], 'x')).toEqual([
      'pro',
      'opp',
      'pro',
      'pro',
      'opp',
    ]);
    expect(() => deriveRoles(['sup', 'sup'], [1, 0], 'loop')).toThrow(
      /loop: the relations form a cycle/,
    );
  });

  it.each([
    [
      'a second outgoing link',
      (d: MapDraft) => ({ ...d, links: [...d.links, { ...d.links[6]!, id: 'l8', to: 'u1' }] }),
      /"u6" has two outgoing links/,
    ],
    [
      'a unit without link',
      (d: MapDraft) => ({ ...d, links: d.links.filter((l) => l.id !== 'l7') }),
      /unit u6 is not the central one and has no outgoing link/,
    ],
    [
      'a link from the central unit',
      (d: MapDraft) => ({
        ...d,
        links: [...d.links, { ...d.links[0]!, id: 'l8', from: 'u1', to: 'u2' }],
      }),
      /the central unit u1 has an outgoing link/,
    ],
    [
      'another central unit',
      (d: MapDraft) => ({ ...d, central: 'u6' }),
      /unit u1 is not the central one and has no outgoing link/,
    ],
    [
      'a junction without premise',
      (d: MapDraft) => ({
        ...d,
        // u4 attacks u1 directly, so j2 is left with its undercut and no premise.
        links: d.links.map((l) =>
          l.id === 'l4' ? { ...l, to: 'u1', relation: 'attacks' as const } : l,
        ),
      }),
      /junction j2 has no premise/,
    ],
    [
      'a link to nothing',
      (d: MapDraft) => ({
        ...d,
        links: d.links.map((l) => (l.id === 'l7' ? { ...l, to: 'u9' } : l)),
      }),
      /link l7 to unknown "u9"/,
    ],
  ])('refuses a draft that is not one tree: %s', (_, change, message) => {
    expect(() => draftLabels(change(sixAsDraft()), 'bad draft')).toThrow(message);
  });
});

describe('pooled macro-F1', () => {
  it('averages the F1 of the classes present in gold or prediction', () => {
    // a: TP 1, FN 1 → 2/3; b: TP 1, FP 1, FN 1 → 2/4; c: only predicted, FP 1 → 0.
    const s = macroF1(['a', 'a', 'b', 'b'], ['a', 'b', 'b', 'c']);
    expect(s.classes.a!.f1).toBeCloseTo(2 / 3);
    expect(s.classes.b!.f1).toBeCloseTo(0.5);
    expect(s.classes.c!.f1).toBe(0);
    expect(s.macroF1).toBeCloseTo((0.5 + 2 / 3 + 0) / 3);
  });

  it('scores a perfect draft 1 on every measure', () => {
    const perfect = { name: 'perfect', draft: () => sixAsDraft() };
    const r = scoreStructure(perfect, [six]);
    for (const m of ['cc', 'ro', 'fu', 'fu4', 'at'] as const) expect(r.scores[m].macroF1).toBe(1);
  });

  it('scores the baseline on the hand-made graph as computed by hand', () => {
    const r = scoreStructure({ name: 'baseline', draft: baselineDraft }, [six]);
    expect(r.perText[0]!.predicted.at).toEqual([null, 0, 1, 2, 3, 4]);
    // cc: the first unit is the central claim, as in the gold.
    expect(r.scores.cc.macroF1).toBe(1);
    // ro: all pro. pro: TP 5, FP 1 → 10/11; opp: FN 1 → 0.
    expect(r.scores.ro.macroF1).toBeCloseTo(5 / 11);
    // fu (link counted as support): cc 1; sup TP 3, FP 2 → 6/8; att 0.
    expect(r.scores.fu.macroF1).toBeCloseTo((1 + 0.75 + 0) / 3);
    // fu, link apart: cc 1; sup TP 2, FP 3 → 4/7; link 0; att 0.
    expect(r.scores.fu4.macroF1).toBeCloseTo((1 + 4 / 7) / 4);
    // at, 30 ordered pairs: attached TP 3 (1→0, 2→1, 4→3), FP 2, FN 2 → 0.6; not TP 23 → 46/50.
    expect(r.scores.at.classes.attached!.f1).toBeCloseTo(0.6);
    expect(r.scores.at.classes.not!.f1).toBeCloseTo(0.92);
    expect(r.scores.at.macroF1).toBeCloseTo(0.76);
  });

  it('pools units over texts rather than averaging per text', () => {
    const r = scoreStructure({ name: 'baseline', draft: baselineDraft }, [six, six]);
    // Doubling every count leaves every F1 as it was.
    expect(r.scores.at.macroF1).toBeCloseTo(0.76);
    expect(r.units).toBe(12);
  });

  it('refuses a drafter that does not keep the given segments', () => {
    const shifted = {
      name: 'shifted',
      draft: () => {
        const d = sixAsDraft();
        return {
          ...d,
          units: d.units.map((u, i) =>
            i === 1 ? { ...u, start: u.start + 1, text: u.text.slice(1) } : u,
          ),
        };
      },
    };
    expect(() => draftOnSegments(shifted, six)).toThrow(/shifted on t1: unit u2 cites/);
  });
});

describe('segmentation', () => {
  it('counts boundaries as non-whitespace offsets, without the text’s ends', () => {
    const text = 'One two.  Three, four.';
    // "One two." ends after 7 non-space characters; "Three," after 13; the text has 18.
    expect(
      [
        ...boundaries(text, [
          [0, 8],
          [10, 16],
          [17, 22],
        ]),
      ].sort(),
    ).toEqual([13, 7]);
    // A unit that takes the space along cuts at the same place.
    expect([
      ...boundaries(text, [
        [0, 10],
        [10, 22],
      ]),
    ]).toEqual([7]);
  });

  it('scores sentence units against the gold EDUs', () => {
    const text = 'One two. Three, four.';
    const g = parseArggraph(
      arggraph(
        `${edu('e1', 'One two.')}${edu('e2', 'Three,')}${edu('e3', 'four.')}<adu id="a1" type="pro"/><adu id="a2" type="pro"/><edge id="s1" src="e1" trg="a1" type="seg"/><edge id="s2" src="e2" trg="a2" type="seg"/><edge id="s3" src="e3" trg="a2" type="seg"/><edge id="c1" src="a2" trg="a1" type="sup"/>`,
      ),
      text,
      'seg.xml',
    );
    // Gold {7, 13}; the baseline's sentences {7}: P 1, R 1/2, F1 2/3.
    const s = scoreSegmentation({ name: 'baseline', draft: baselineDraft }, [g]);
    expect(s).toMatchObject({ gold: 2, predicted: 1, matched: 1, precision: 1, recall: 0.5 });
    expect(s.f1).toBeCloseTo(2 / 3);
  });

  it('the baseline cuts sentences in English and Chinese', () => {
    const text = 'He left. “Why?” She asked!\n\nHeading\n\n我们走吧。为什么？好';
    expect(sentenceSpans(text).map(([a, b]) => text.slice(a, b))).toEqual([
      'He left.',
      '“Why?”',
      'She asked!',
      'Heading',
      '我们走吧。',
      '为什么？',
      '好',
    ]);
  });
});

describe('the article measure', () => {
  // s1 … s4; n1 (s1) ← n2 (s2) supports; n3 (s3) and n4 (s4) support n1 jointly through j;
  // n5 (s4, again) attacks n2; an elaborates edge does not count.
  const text = 'Alpha is true. Beta holds. Gamma too. Delta as well.';
  const map: MapFile = {
    sources: [
      {
        id: 'src1',
        language: 'en',
        text,
        sentences: [
          { id: 's1', start: 0, end: 14 },
          { id: 's2', start: 15, end: 26 },
          { id: 's3', start: 27, end: 37 },
          { id: 's4', start: 38, end: 52 },
        ],
      },
    ],
    nodes: [
      { id: 'n1', kind: 'conclusion', refs: [{ sentence: 's1' }] },
      { id: 'n2', kind: 'claim', refs: [{ sentence: 's2' }] },
      { id: 'n3', kind: 'claim', refs: [{ sentence: 's3' }] },
      { id: 'n4', kind: 'claim', refs: [{ sentence: 's4' }] },
      { id: 'n5', kind: 'objection', refs: [{ sentence: 's4' }] },
      { id: 'n6', kind: 'context', refs: [] },
      { id: 'j', kind: 'inference', refs: [] },
    ],
    edges: [
      { from: 'n2', to: 'n1', relation: 'supports' },
      { from: 'n3', to: 'j', relation: 'supports' },
      { from: 'n4', to: 'j', relation: 'supports' },
      { from: 'j', to: 'n1', relation: 'supports' },
      { from: 'n5', to: 'n2', relation: 'attacks' },
      { from: 'n6', to: 'n1', relation: 'elaborates' },
    ],
  };

  it('reads the map’s links between nodes, through junctions, with each node’s sentences', () => {
    const { cited, links } = mapLinks(map);
    expect([...cited.keys()].sort()).toEqual(['s1', 's2', 's3', 's4']);
    expect(links).toEqual([
      { from: ['s2'], to: ['s1'], relation: 'supports' },
      { from: ['s3'], to: ['s1'], relation: 'supports' },
      { from: ['s4'], to: ['s1'], relation: 'supports' },
      { from: ['s4'], to: ['s2'], relation: 'attacks' },
    ]);
  });

  it('counts a link between nodes of several sentences once, found through any of their sentences', () => {
    // nA cites s1 and s2, nB s3 and s4, nC s5: nB supports nA, nC attacks nB. Two links, not the
    // six sentence pairs: a draft is a tree, each unit has one outgoing link, so s3 and s4 cannot
    // both link to both s1 and s2.
    const t = 'A one. A two. B one. B two. C one.';
    const two: MapFile = {
      sources: [
        {
          id: 'src1',
          language: 'en',
          text: t,
          sentences: [0, 7, 14, 21, 28].map((start, k) => ({
            id: `s${k + 1}`,
            start,
            end: start + 6,
          })),
        },
      ],
      nodes: [
        { id: 'nA', kind: 'conclusion', refs: [{ sentence: 's1' }, { sentence: 's2' }] },
        { id: 'nB', kind: 'claim', refs: [{ sentence: 's3' }, { sentence: 's4' }] },
        { id: 'nC', kind: 'objection', refs: [{ sentence: 's5' }] },
      ],
      edges: [
        { from: 'nB', to: 'nA', relation: 'supports' },
        { from: 'nC', to: 'nB', relation: 'attacks' },
      ],
    };
    expect(mapLinks(two).links).toEqual([
      { from: ['s3', 's4'], to: ['s1', 's2'], relation: 'supports' },
      { from: ['s5'], to: ['s3', 's4'], relation: 'attacks' },
    ]);
    // The baseline chains u1 ← u2 ← u3 ← u4 ← u5, all supports: u3 (s3) → u2 (s2) finds nB → nA;
    // u5 → u4 links nC to nB with the other relation.
    expect(scoreArticle({ name: 'baseline', draft: baselineDraft }, two, 1)).toMatchObject({
      cited: 5,
      proposed: 5,
      links: 2,
      linksWithBothProposed: 2,
      found: 1,
      wrongDirectionOrRelation: 1,
      // Sentence pairs: s3/s4 → s1/s2 and s5 → s3/s4; the chain links s3 → s2 only.
      sentencePairs: 6,
      sentencePairsFound: 1,
    });
  });

  it('matches a unit to a sentence by mutual majority overlap', () => {
    const d = baselineDraft({ sourceId: 'src1', text });
    expect(matchingUnit(d, 15, 26)).toBe('u2');
    const clause = { ...d, units: [{ ...d.units[0]!, start: 0, end: 5, text: 'Alpha' }] };
    expect(matchingUnit(clause, 0, 14)).toBeUndefined(); // less than half the sentence
    const whole = { ...d, units: [{ ...d.units[0]!, start: 0, end: 52, text }] };
    expect(matchingUnit(whole, 15, 26)).toBeUndefined(); // the sentence is less than half the unit
  });

  it('counts sentences proposed and links found, through the draft’s junctions too', () => {
    // The baseline: u2 → u1, u3 → u2, u4 → u3, all supports: finds s2 → s1 only.
    const base = scoreArticle({ name: 'baseline', draft: baselineDraft }, map, 3);
    expect(base).toMatchObject({
      cited: 4,
      proposed: 4,
      links: 4,
      linksWithBothProposed: 4,
      found: 1,
      runs: 3,
    });
    expect(base.foundThroughJunction).toBe(0);
    expect(base.wrongDirectionOrRelation).toBe(0);
    // A draft with u3, u4 joined into u1 and u4 supporting u2 (the wrong relation).
    const drafted = (): MapDraft => {
      const d = baselineDraft({ sourceId: 'src1', text });
      const cue = { family: 'default' as const, marker: 't' };
      return {
        ...d,
        junctions: [{ id: 'j1' }],
        links: [
          { id: 'l1', from: 'u2', to: 'u1', relation: 'supports', cue },
          { id: 'l2', from: 'u3', to: 'j1', relation: 'supports', cue },
          { id: 'l3', from: 'u4', to: 'j1', relation: 'supports', cue },
          { id: 'l4', from: 'j1', to: 'u1', relation: 'supports', cue },
        ],
      };
    };
    const r = scoreArticle({ name: 'joined', draft: drafted }, map, 1);
    expect(r).toMatchObject({ found: 3, foundThroughJunction: 2, wrongDirectionOrRelation: 0 });
  });
});
