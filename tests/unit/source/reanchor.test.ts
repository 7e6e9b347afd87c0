import { describe, expect, it } from 'vitest';
import type { ArgMap, ArgNode, Draft, Ref, Source } from '../../../src/model/schema';
import { validateMap } from '../../../src/model/validate';
import {
  UNANCHORED_TAG,
  anchorSpan,
  clearUnanchored,
  correctSourceText,
  findUnanchored,
} from '../../../src/source/reanchor';
import { segmentSentences } from '../../../src/source/segment';

/** A one-source map segmented fresh, with one node per ref list given. */
function makeMap(text: string, language: string, refs: Ref[][], firstNumber = 1): Draft<ArgMap> {
  const map: Draft<ArgMap> = {
    format: 'argmap',
    version: 2,
    id: 'm',
    title: 'Test',
    sources: [
      { id: 'src1', language, text, sentences: segmentSentences(text, language, firstNumber) },
    ],
    nodes: refs.map((r, i) => ({ id: `n${i + 1}`, kind: 'claim', text: `node ${i + 1}`, refs: r })),
    edges: [],
    tours: [],
  };
  return map;
}

/** A span ref for the first occurrence of `quote` (after `from`) in the map's first source. */
function span(map: ArgMap, quote: string, from = 0): Ref {
  const source = map.sources[0]!;
  const start = source.text.indexOf(quote, from);
  const sentence = source.sentences.find((s) => s.start <= start && start < s.end)!;
  return { sentence: sentence.id, start, end: start + quote.length, quote };
}

function expectValid(map: ArgMap) {
  const result = validateMap(map);
  expect(result.ok ? [] : result.problems).toEqual([]);
}

const sentenceTexts = (map: ArgMap) => {
  const s = map.sources[0]!;
  return s.sentences.map((x) => [x.id, s.text.slice(x.start, x.end)]);
};
const node = (map: ArgMap, id: string): ArgNode => map.nodes.find((n) => n.id === id)!;

const EN =
  'Cities should plant more trees. Trees cool streets by sevral degrees. Shade cuts energy use.';

describe('correctSourceText: English', () => {
  it('keeps the id and whole-sentence refs of a sentence whose typo is fixed, and moves later spans', () => {
    const base = makeMap(EN, 'en', [[{ sentence: 's2' }], []]);
    const map = {
      ...base,
      nodes: [base.nodes[0]!, { ...base.nodes[1]!, refs: [span(base, 'Shade cuts')] }],
    };
    const fixed = EN.replace('sevral', 'several');
    const { map: out, report } = correctSourceText(map, 'src1', fixed);
    expectValid(out);
    expect(sentenceTexts(out)).toEqual([
      ['s1', 'Cities should plant more trees.'],
      ['s2', 'Trees cool streets by several degrees.'],
      ['s3', 'Shade cuts energy use.'],
    ]);
    expect(report).toMatchObject({
      unchanged: ['s1', 's3'],
      edited: ['s2'],
      added: [],
      removed: [],
      unanchored: [],
    });
    expect(node(out, 'n1').refs).toEqual([{ sentence: 's2' }]);
    const start = fixed.indexOf('Shade cuts');
    expect(node(out, 'n2').refs).toEqual([
      { sentence: 's3', start, end: start + 10, quote: 'Shade cuts' },
    ]);
    expect(out.nodes.some((n) => n.tags)).toBe(false);
    expect(out.sources[0]!.text).toBe(fixed);
  });

  it('gives an inserted sentence a fresh id above every id ever used, keeping the old ones', () => {
    const map = makeMap(EN, 'en', [[{ sentence: 's5' }]], 4); // sentences s4, s5, s6
    const { map: out, report } = correctSourceText(map, 'src1', `A new opening. ${EN}`);
    expectValid(out);
    expect(sentenceTexts(out).map(([id]) => id)).toEqual(['s7', 's4', 's5', 's6']);
    expect(report.added).toEqual(['s7']);
    expect(node(out, 'n1').refs).toEqual([{ sentence: 's5' }]);
    // ids the caller knows were used before (e.g. from history) are not given out again
    const again = correctSourceText(map, 'src1', `A new opening. ${EN}`, {
      usedSentenceIds: ['s9'],
    });
    expect(again.report.added).toEqual(['s10']);
  });

  it('moves spans with their quote when the text before them grows or shrinks', () => {
    const map = makeMap(EN, 'en', [[]]);
    map.nodes[0]!.refs = [span(map, 'cool streets'), span(map, 'energy use')];
    for (const text of [
      EN.replace('Cities should plant more trees.', 'Cities should plant trees.'),
      EN.replace('Cities should plant more trees.', 'Every city should plant many more trees now.'),
      `Intro paragraph.\n\n${EN}`,
    ]) {
      const { map: out, report } = correctSourceText(map, 'src1', text);
      expectValid(out);
      expect(report.unanchored).toEqual([]);
      const refs = node(out, 'n1').refs;
      expect(refs.map((r) => [r.start, r.quote])).toEqual([
        [text.indexOf('cool streets'), 'cool streets'],
        [text.indexOf('energy use'), 'energy use'],
      ]);
      expect(refs.map((r) => r.sentence)).toEqual(['s2', 's3']);
    }
  });

  it('keeps a span whose quote was deleted, flags it by tag and report, and stays valid', () => {
    const map = makeMap(EN, 'en', [[], [{ sentence: 's1' }], [{ sentence: 's3' }]]);
    map.nodes[0]!.refs = [span(map, 'Cities should'), span(map, 'by sevral degrees')];
    map.nodes[0]!.tags = ['history'];
    const text = 'Cities should plant more trees. Trees cool streets.';
    const { map: out, report } = correctSourceText(map, 'src1', text);
    expectValid(out);
    expect(node(out, 'n1').refs).toEqual([
      { sentence: 's1', start: 0, end: 13, quote: 'Cities should' },
      { sentence: 's2' }, // s2 survived as an edit; the lost span falls back to it
    ]);
    expect(node(out, 'n1').tags).toEqual(['history', UNANCHORED_TAG]);
    expect(node(out, 'n2').tags).toBeUndefined();
    // the whole sentence s3 is gone: kept, pointing at the nearest sentence, flagged
    expect(node(out, 'n3').refs).toEqual([{ sentence: 's2' }]);
    expect(node(out, 'n3').tags).toEqual([UNANCHORED_TAG]);
    expect(report.removed).toEqual(['s3']);
    expect(report.unanchored).toEqual([
      {
        nodeId: 'n1',
        refIndex: 1,
        quote: 'by sevral degrees',
        previousSentenceId: 's2',
        sentence: 's2',
      },
      {
        nodeId: 'n3',
        refIndex: 0,
        quote: 'Shade cuts energy use.',
        previousSentenceId: 's3',
        sentence: 's2',
      },
    ]);
    expect(findUnanchored(out).map((u) => u.nodeId)).toEqual(['n1', 'n3']);
    const cleared = clearUnanchored(clearUnanchored(out, 'n1'), 'n3');
    expect(findUnanchored(cleared)).toEqual([]);
    expect(node(cleared, 'n1').tags).toEqual(['history']);
    expect('tags' in node(cleared, 'n3')).toBe(false);
  });

  it('prefers the occurrence inside the sentence the quote came from, not a nearer one elsewhere', () => {
    const text = 'Zzz qqq. Trees cool streets in summer when heat is high and air is still. Omega.';
    const map = makeMap(text, 'en', [[]]);
    map.nodes[0]!.refs = [span(map, 'streets')];
    const edited =
      'Old streets. In many old towns of the north, trees cool streets in summer when heat is high and air is still. Omega.';
    const { map: out, report } = correctSourceText(map, 'src1', edited);
    expectValid(out);
    expect(report).toMatchObject({ edited: ['s2'], removed: ['s1'], added: ['s4'] });
    const start = edited.lastIndexOf('streets');
    expect(node(out, 'n1').refs).toEqual([
      { sentence: 's2', start, end: start + 7, quote: 'streets' },
    ]);
  });

  it('finds the quote of a deleted sentence between its old neighbours, even when one moved away', () => {
    const text =
      'Mmm is moved. Ddd long words about nothing has the key phrase in it. Yyy stays. Later the key phrase again.';
    const map = makeMap(text, 'en', [[]]);
    map.nodes[0]!.refs = [span(map, 'the key phrase')];
    const edited = 'Elsewhere the key phrase. Yyy stays. Later the key phrase again. Mmm is moved.';
    const { map: out, report } = correctSourceText(map, 'src1', edited);
    expectValid(out);
    expect(report).toMatchObject({
      unchanged: ['s1', 's3', 's4'],
      removed: ['s2'],
      unanchored: [],
    });
    expect(node(out, 'n1').refs).toEqual([
      { sentence: 's5', start: 10, end: 24, quote: 'the key phrase' },
    ]);
  });

  it('among repeated sentences keeps the id of the one nearest in position', () => {
    const text = 'Aaaa. Yes. Bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb. Yes. Cccc.';
    const map = makeMap(text, 'en', [[{ sentence: 's2' }], [{ sentence: 's4' }]]);
    const { map: out, report } = correctSourceText(
      map,
      'src1',
      'Dddd. Yes. Eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee.',
    );
    expectValid(out);
    expect(report.unchanged).toEqual(['s2']);
    expect(node(out, 'n1').refs).toEqual([{ sentence: 's2' }]);
    // the other "Yes." is gone; its ref is not guessed onto the survivor with the same words
    expect(report.unanchored.map((u) => [u.nodeId, u.previousSentenceId])).toEqual([['n2', 's4']]);
  });

  it('does not guess a short quote that only survives elsewhere, but follows a unique one', () => {
    const text = 'Trees help. Trees cool the city streets. Trees cost.';
    const map = makeMap(text, 'en', [[], []]);
    map.nodes[0]!.refs = [span(map, 'Trees', 12)];
    map.nodes[1]!.refs = [span(map, 'the city streets')];
    const moved = 'Trees help. Trees cost. Old towns have narrow lanes. We love the city streets.';
    const { map: out, report } = correctSourceText(map, 'src1', moved);
    expectValid(out);
    expect(report.unanchored.map((u) => u.nodeId)).toEqual(['n1']);
    const start = moved.indexOf('the city streets');
    expect(node(out, 'n2').refs[0]).toMatchObject({ start, end: start + 16 });
  });

  it('turns a whole-sentence ref into a span when its sentence was merged into another', () => {
    const text = 'The first sentence is rather long here. B is there.';
    const map = makeMap(text, 'en', [[{ sentence: 's1' }], [{ sentence: 's2' }]]);
    const merged = 'The first sentence is rather long here, and B is there.';
    const { map: out, report } = correctSourceText(map, 'src1', merged);
    expectValid(out);
    expect(report).toMatchObject({ edited: ['s1'], removed: ['s2'], unanchored: [] });
    expect(node(out, 'n1').refs).toEqual([{ sentence: 's1' }]);
    expect(node(out, 'n2').refs).toEqual([
      { sentence: 's1', start: 44, end: 55, quote: 'B is there.' },
    ]);
  });

  it('keeps the id of a sentence that moved elsewhere unchanged', () => {
    const map = makeMap('One here. Two there. Three everywhere.', 'en', [[{ sentence: 's1' }]]);
    const { map: out, report } = correctSourceText(
      map,
      'src1',
      'Two there. Three everywhere. One here.',
    );
    expectValid(out);
    expect(sentenceTexts(out)).toEqual([
      ['s2', 'Two there.'],
      ['s3', 'Three everywhere.'],
      ['s1', 'One here.'],
    ]);
    expect(report.added).toEqual([]);
  });

  it('changes nothing when the text is the same, and leaves refs into other sources alone', () => {
    const map = makeMap(EN, 'en', [[{ sentence: 's1' }]]);
    map.sources.push({
      id: 'src2',
      language: 'en',
      text: 'Other.',
      sentences: [{ id: 'x1', start: 0, end: 6 }],
    });
    map.nodes[0]!.refs.push({ sentence: 'x1' });
    const { map: out, report } = correctSourceText(map, 'src1', EN);
    expect(out).toEqual(map);
    expect(out.nodes[0]).toBe(map.nodes[0]);
    expect(report.unchanged).toEqual(['s1', 's2', 's3']);
  });

  it('refuses an unknown source, and a text left with no sentence to hold refs', () => {
    const map = makeMap(EN, 'en', [[{ sentence: 's1' }]]);
    expect(() => correctSourceText(map, 'nope', EN)).toThrow(/no source "nope"/);
    expect(() => correctSourceText(map, 'src1', '  \n\n ')).toThrow(/no sentences/);
  });
});

const ZH =
  '美日核关系缘起于第二次世界大战末期，起先是针对苏联后来又加上中国，其根本目的是为了遏制社会主义国家。在近80年的历史中，美日核关系的形成与发展沿着两条主线不断演进。';

describe('correctSourceText: Chinese', () => {
  it('keeps ids through a typo fix and moves spans when a sentence is inserted before them', () => {
    const typo = ZH.replace('大战', '大占');
    const map = makeMap(typo, 'zh-Hans', [[{ sentence: 's1' }], []]);
    map.nodes[1]!.refs = [span(map, '两条主线')];
    const fixed = `本文回顾这一历史。${ZH}`;
    const { map: out, report } = correctSourceText(map, 'src1', fixed);
    expectValid(out);
    expect(sentenceTexts(out)).toEqual([
      ['s3', '本文回顾这一历史。'],
      [
        's1',
        '美日核关系缘起于第二次世界大战末期，起先是针对苏联后来又加上中国，其根本目的是为了遏制社会主义国家。',
      ],
      ['s2', '在近80年的历史中，美日核关系的形成与发展沿着两条主线不断演进。'],
    ]);
    expect(report).toMatchObject({ edited: ['s1'], unchanged: ['s2'], added: ['s3'] });
    expect(node(out, 'n1').refs).toEqual([{ sentence: 's1' }]);
    const start = fixed.indexOf('两条主线');
    expect(node(out, 'n2').refs).toEqual([
      { sentence: 's2', start, end: start + 4, quote: '两条主线' },
    ]);
  });

  it('flags a span whose quote was edited away, keeping the map valid', () => {
    const map = makeMap(ZH, 'zh-Hans', [[]]);
    map.nodes[0]!.refs = [span(map, '沿着两条主线不断演进')];
    const { map: out, report } = correctSourceText(map, 'src1', ZH.replace('不断', ''));
    expectValid(out);
    expect(node(out, 'n1')).toMatchObject({ refs: [{ sentence: 's2' }], tags: [UNANCHORED_TAG] });
    expect(report.unanchored).toEqual([
      {
        nodeId: 'n1',
        refIndex: 0,
        quote: '沿着两条主线不断演进',
        previousSentenceId: 's2',
        sentence: 's2',
      },
    ]);
  });

  it('gives a rewritten sentence a new id and flags the whole-sentence refs it held', () => {
    const map = makeMap(ZH, 'zh-Hans', [[{ sentence: 's2' }]]);
    const rewritten = ZH.replace(/在近80年.*$/, '这一关系今后将向何处去，值得深思。');
    const { map: out, report } = correctSourceText(map, 'src1', rewritten);
    expectValid(out);
    expect(report).toMatchObject({ removed: ['s2'], added: ['s3'] });
    expect(node(out, 'n1')).toMatchObject({ refs: [{ sentence: 's3' }], tags: [UNANCHORED_TAG] });
  });
});

describe('anchorSpan', () => {
  const source: Source = makeMap(`${EN}\n\n${ZH}`, 'zh-Hans', []).sources[0]!;
  const at = (quote: string) => source.text.indexOf(quote);

  it('gives a whole-sentence ref for exactly a sentence, after trimming whitespace', () => {
    const { start, end } = source.sentences[1]!;
    expect(source.text.slice(start, end)).toBe('Trees cool streets by sevral degrees.');
    expect(anchorSpan(source, start, end)).toEqual({ ref: { sentence: 's2' } });
    expect(anchorSpan(source, start - 1, end + 1)).toEqual({ ref: { sentence: 's2' } });
  });

  it('gives a span with its quote for part of a sentence, in either direction, trimmed', () => {
    const s = at('cool streets');
    const ref = { sentence: 's2', start: s, end: s + 12, quote: 'cool streets' };
    expect(anchorSpan(source, s, s + 12)).toEqual({ ref });
    expect(anchorSpan(source, s + 13, s - 1)).toEqual({ ref });
    const z = at('两条主线');
    expect(anchorSpan(source, z, z + 4).ref).toMatchObject({
      start: z,
      end: z + 4,
      quote: '两条主线',
    });
  });

  it('refuses selections across sentences, or of nothing but whitespace', () => {
    const s = at('trees. Trees');
    expect(anchorSpan(source, s, s + 12)).toEqual({
      ref: null,
      reason: expect.stringMatching(/crosses/),
    });
    const z = at('国家。在近');
    expect(anchorSpan(source, z, z + 5).ref).toBeNull();
    const gap = at('\n\n');
    expect(anchorSpan(source, gap, gap + 2)).toEqual({
      ref: null,
      reason: expect.stringMatching(/no text/),
    });
  });
});

describe('correctSourceText: random corrections', () => {
  it('always returns a valid map that keeps every ref, its quote when anchored, and fresh ids', () => {
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const snippets = ['。', '. ', '美日', ' the ', '核共享', '\n\n', 'Trees', '，', 'x'];
    const start = makeMap(`${ZH}\n\n${EN}`, 'zh-Hans', [[], [], []]);
    const text0 = start.sources[0]!.text;
    start.nodes[0]!.refs = [span(start, '两条主线'), { sentence: 's1' }];
    start.nodes[1]!.refs = [span(start, 'cool streets'), span(start, '美日核关系', 40)];
    start.nodes[2]!.refs = [{ sentence: 's4' }];
    let map: ArgMap = start;
    expect(text0.indexOf('美日核关系', 40)).toBeGreaterThan(40);
    const everUsed = new Set(map.sources[0]!.sentences.map((s) => s.id));
    for (let round = 0; round < 150; round++) {
      const text = map.sources[0]!.text;
      const at = rand(text.length + 1);
      const next =
        rand(2) === 0
          ? text.slice(0, at) + snippets[rand(snippets.length)]! + text.slice(at)
          : text.slice(0, at) + text.slice(at + 1 + rand(6));
      if (!next.trim()) continue;
      const { map: out, report } = correctSourceText(map, 'src1', next, {
        usedSentenceIds: everUsed,
      });
      expectValid(out);
      for (const id of report.added) expect(everUsed.has(id)).toBe(false);
      for (const s of out.sources[0]!.sentences) everUsed.add(s.id);
      out.nodes.forEach((n, k) => {
        const before = map.nodes[k]!.refs;
        expect(n.refs).toHaveLength(before.length);
        n.refs.forEach((r, i) => {
          const lost = report.unanchored.some((u) => u.nodeId === n.id && u.refIndex === i);
          if (before[i]!.quote !== undefined && !lost) expect(r.quote).toBe(before[i]!.quote);
          if (lost) expect(n.tags).toContain(UNANCHORED_TAG);
        });
      });
      map = out;
    }
  });
});
