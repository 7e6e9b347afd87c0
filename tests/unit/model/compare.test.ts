import { describe, expect, it } from 'vitest';
import { compareMaps } from '../../../src/model/compare';
import { textSimilarity } from '../../../src/model/textSimilarity';
import { exportCompareJson, exportCompareMarkdown } from '../../../src/io/exportCompare';
import type { ArgMap, Draft } from '../../../src/model/schema';
import { sampleMap, SOURCE_TEXT } from './sampleMap';
import { alteredArticle } from './alteredArticle';

describe('text similarity (character-bigram Dice)', () => {
  it('is 1 for the same words, whatever the case, spaces and punctuation', () => {
    expect(textSimilarity('Trees cool streets.', 'trees  cool streets')).toBe(1);
    expect(textSimilarity('日本的核共享', '日本的核共享。')).toBe(1);
  });
  it('rates near wordings high and unrelated ones low, in Chinese too', () => {
    expect(
      textSimilarity('延续对社会主义国家的遏制战略', '延续对社会主义国家遏制的战略'),
    ).toBeGreaterThan(0.7);
    expect(textSimilarity('延续对社会主义国家的遏制战略', '美国对日本的核保护')).toBeLessThan(0.2);
    expect(textSimilarity('Trees cool streets', 'Too costly')).toBeLessThan(0.3);
    expect(textSimilarity('', '')).toBe(0);
  });
});

/** The sample map as a student might redo it: other ids, other order, wording and spans varied. */
function studentOfSample(): Draft<ArgMap> {
  const m = sampleMap();
  m.id = 'student';
  m.title = 'My map';
  m.nodes = [
    // n4's objection, cited as a span of its sentence instead of the whole sentence.
    {
      id: 'a',
      kind: 'objection',
      text: 'Trees cost too much',
      refs: [{ sentence: 's4', start: 106, end: 125, quote: SOURCE_TEXT.slice(106, 125) }],
    },
    { id: 'b', kind: 'claim', text: 'Plant more trees', refs: [{ sentence: 's1' }] },
    // n2 cited as the whole sentence (the reference cites a span of it).
    { id: 'c', kind: 'evidence', text: 'Trees cool streets', refs: [{ sentence: 's2' }] },
    // Not in the reference; cites nothing the reference cites.
    { id: 'd', kind: 'claim', text: 'Birds like trees', refs: [], implicit: true },
  ];
  m.edges = [
    { id: 'x1', from: 'c', to: 'b', relation: 'supports' }, // agrees with e1
    { id: 'x2', from: 'b', to: 'a', relation: 'attacks' }, // e3 in the opposite direction
    { id: 'x3', from: 'd', to: 'b', relation: 'supports' }, // touches an extra point
    { id: 'x4', from: 'c', to: 'a', relation: 'attacks' }, // extra between found points
  ];
  m.tours = [];
  return m;
}

describe('compareMaps', () => {
  it('matches by cited spans, one to one, and compares relations between matched points', () => {
    const result = compareMaps(sampleMap(), studentOfSample());
    expect(result.points.found.map((m) => [m.reference.id, m.student.id])).toEqual([
      ['n1', 'b'],
      ['n2', 'c'],
      ['n4', 'a'],
    ]);
    expect(result.points.missing.map((p) => p.id)).toEqual(['n3']);
    expect(result.points.extra.map((p) => p.id)).toEqual(['d']);
    expect(result.points.shifted.map((m) => m.reference.id)).toEqual(['n2', 'n4']);
    expect(result.points.kindDiffers.map((m) => [m.reference.kind, m.student.kind])).toEqual([
      ['conclusion', 'claim'],
    ]);
    expect(result.relations.agree).toHaveLength(1);
    expect(result.relations.differs).toEqual([
      expect.objectContaining({ difference: 'direction' }),
    ]);
    expect(result.relations.missing).toEqual([]);
    // e2 (n3 → n1) has a missing end: listed apart, not counted as a missing relation.
    expect(result.relations.withMissingPoint.map((r) => r.from)).toEqual(['n3']);
    expect(result.relations.extra.map((r) => [r.from, r.to, r.relation])).toEqual([
      ['c', 'a', 'attacks'],
    ]);
    expect(result.relations.withExtraPoint.map((r) => r.from)).toEqual(['d']);
    expect(result.scores.points).toEqual({ recall: 3 / 4, precision: 3 / 4 });
    expect(result.scores.relations).toEqual({ recall: 1 / 2, precision: 1 / 3 });
    expect(result.scores.spans.exact).toBe(1 / 3);
    expect(result.warnings).toEqual([]);
  });

  it('is deterministic and pure', () => {
    const ref = sampleMap();
    const stu = studentOfSample();
    const before = JSON.stringify([ref, stu]);
    expect(JSON.stringify(compareMaps(ref, stu))).toBe(JSON.stringify(compareMaps(ref, stu)));
    expect(JSON.stringify([ref, stu])).toBe(before);
  });

  it('falls back on the wording when the source text differs, and says so', () => {
    const stu = sampleMap();
    stu.sources[0]!.text = SOURCE_TEXT.replace('Cities', 'Towns!');
    const result = compareMaps(sampleMap(), stu);
    expect(result.points.found).toHaveLength(4);
    expect(result.points.shifted).toEqual([]);
    expect(result.warnings[0]).toMatch(/not the same text/);
  });

  it('matches by wording alone a point that cites another passage, as a shifted span', () => {
    const withoutCritics = () => {
      const m = sampleMap();
      m.nodes.splice(3, 1);
      m.edges.pop();
      m.tours = [];
      return m;
    };
    const stu = withoutCritics();
    stu.nodes[2]!.refs = [{ sentence: 's4' }]; // "Shade saves energy" citing the critics' sentence
    const result = compareMaps(withoutCritics(), stu);
    expect(result.points.found.map((m) => [m.reference.id, m.student.id])).toEqual([
      ['n1', 'n1'],
      ['n2', 'n2'],
      ['n3', 'n3'],
    ]);
    expect(result.points.shifted.map((m) => [m.reference.id, m.spanOverlap])).toEqual([['n3', 0]]);
    expect(result.points.missing).toEqual([]);
  });

  it('takes a point citing exactly the reference’s passage as that point, whatever its wording', () => {
    const stu = sampleMap();
    stu.nodes[2]!.refs = [{ sentence: 's4' }];
    stu.nodes.splice(3, 1);
    stu.edges.pop();
    stu.tours = [];
    const result = compareMaps(sampleMap(), stu);
    expect(result.points.found.map((m) => [m.reference.id, m.student.id])).toContainEqual([
      'n4',
      'n3',
    ]);
    expect(result.points.missing.map((p) => p.id)).toEqual(['n3']);
  });

  it('bounds its work on maps that all cite one sentence, and says so', () => {
    const many = (prefix: string) => {
      const m = sampleMap();
      m.nodes = Array.from({ length: 1600 }, (_, i) => ({
        id: `n${i + 1}`,
        kind: 'claim' as const,
        text: `${prefix} point ${i}`,
        refs: [{ sentence: 's1' }],
      }));
      m.edges = [];
      m.tours = [];
      return m;
    };
    const result = compareMaps(many('Reference'), many('Student'));
    expect(result.warnings).toEqual([expect.stringMatching(/^Matching stopped after 2,000,000/)]);
    expect(result.points.found.length).toBeGreaterThan(1000);
    expect(result.points.found.length + result.points.missing.length).toBe(1600);
  }, 60_000);

  it('reads relations through inference junctions and undercuts', () => {
    const ref = sampleMap();
    ref.nodes.push({ id: 'j', kind: 'inference', text: '', refs: [] });
    ref.edges = [
      { id: 'e1', from: 'n2', to: 'j', relation: 'supports' },
      { id: 'e2', from: 'n3', to: 'j', relation: 'supports' },
      { id: 'e4', from: 'j', to: 'n1', relation: 'supports' },
      { id: 'e3', from: 'n4', to: 'j', relation: 'attacks' },
    ];
    // The student draws the two premises separately: the same relations between points.
    const stu = sampleMap();
    stu.edges = [
      { id: 'e1', from: 'n2', to: 'n1', relation: 'supports' },
      { id: 'e2', from: 'n3', to: 'n1', relation: 'supports' },
      { id: 'e3', from: 'n4', to: 'n1', relation: 'attacks' },
    ];
    const result = compareMaps(ref, stu);
    expect(result.relations.agree.map((p) => [p.reference.from, p.reference.to])).toEqual([
      ['n2', 'n1'],
      ['n3', 'n1'],
      ['n4', 'n1'],
    ]);
    expect(result.relations.agree[2]!.reference.undercut).toBe(true);
    expect(result.scores.relations).toEqual({ recall: 1, precision: 1 });
  });
});

describe('the feedback sheet', () => {
  it('in English and Chinese, with text from the maps made safe', () => {
    const stu = studentOfSample();
    stu.nodes[3]!.text = 'Birds [like](http://x) <b>trees</b>\u001b[2J\nnew line';
    const result = compareMaps(sampleMap(), stu);
    const en = exportCompareMarkdown(result, { lang: 'en' });
    expect(en).toContain('# Feedback: “My map” compared with “Urban trees”');
    expect(en).toContain('| Points found | 3 of 4 | 75% | 75% |');
    expect(en).toContain('## Missing points (1)');
    expect(en).toContain('claim **Shade saves energy** — “Shade cuts energy use”');
    expect(en).toContain('Birds \\[like\\](http://x) \\<b\\>trees\\</b\\>\\x1B\\[2J new line');
    expect(en).not.toContain('\u001b');
    expect(en).toContain('## Shifted spans (2)');
    const zh = exportCompareMarkdown(result, { lang: 'zh' });
    expect(zh).toContain('## 遗漏的论点 (1)');
    expect(zh).toContain('| 找到的论点 | 4 个中找到 3 个 | 75% | 75% |');
    const json = JSON.parse(exportCompareJson(result));
    expect(json).toMatchObject({ format: 'argmap-comparison', version: 1 });
    expect(json.points.missing[0].id).toBe('n3');
    expect(json.scores.points.recall).toBe(0.75);
  });
});

/**
 * The acceptance test of #13: the article's map against a copy with five points removed, two
 * relations flipped and three spans shifted, each chosen by a fixed rule and made with model
 * operations.
 */
describe('the article map against an altered copy', () => {
  const { reference, student, removed, flipped, shifted, junctions } = alteredArticle();
  const gone = new Set(removed);
  const result = compareMaps(reference, student);

  it('reports exactly those differences: 5 missing, 0 extra, 2 reversed, 3 shifted', () => {
    expect(result.points.missing.map((p) => p.id)).toEqual(removed);
    expect(result.points.extra).toEqual([]);
    expect(result.points.found.every((m) => m.reference.id === m.student.id)).toBe(true);
    expect(result.points.found).toHaveLength(reference.nodes.length - junctions.size - 5);
    expect(
      result.relations.reversed.map((p) => [p.reference.from, p.reference.to, p.student.relation]),
    ).toEqual(flipped.map((e) => [e.from, e.to, 'attacks']));
    expect(result.points.shifted.map((m) => m.reference.id)).toEqual(shifted);
    expect(result.points.kindDiffers).toEqual([]);
    expect(result.relations.missing).toEqual([]);
    expect(result.relations.extra).toEqual([]);
    expect(result.relations.differs).toEqual([]);
    expect(result.relations.withExtraPoint).toEqual([]);
    // The removed points' relations are listed apart, each touching a removed point.
    const incident = reference.edges.filter((e) => gone.has(e.from) || gone.has(e.to));
    expect(result.relations.withMissingPoint).toHaveLength(incident.length);
    expect(result.relations.withMissingPoint.every((r) => gone.has(r.from) || gone.has(r.to))).toBe(
      true,
    );
    expect(result.relations.agree).toHaveLength(result.reference.relations - incident.length - 2);
  });

  it('writes a feedback sheet with those counts', () => {
    const md = exportCompareMarkdown(result, { lang: 'en' });
    expect(md).toContain('## Missing points (5)');
    expect(md).toContain('## Extra points (0)');
    expect(md).toContain('## Relations reversed (support ↔ attack) (2)');
    expect(md).toContain('## Shifted spans (3)');
    expect(md).toContain('## Missing relations (0)');
  });
});
