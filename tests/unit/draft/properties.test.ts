/**
 * Whatever the text — hand-made sentences with every kind of marker in both languages, shuffled
 * and joined at random, random strings, the corpus's texts with their sentences shuffled — every
 * draft's units are verbatim spans and form one tree, and the draft is a valid map.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { draftText } from '../../../src/draft/rules';
import { corpusTexts, draftedMap, expectDraftShape, hasCorpus } from './draftChecks';
import { sentenceRanges } from '../../../src/source/segment';

const EN = [
  'Schools should start later.',
  'Because fares are high, few people take the bus.',
  'Therefore, homework should be limited.',
  'Some people say it costs too much.',
  'However, the park will raise the value of nearby homes.',
  'Admittedly, uniforms cost money.',
  'Although exams are stressful, they show what pupils have learned.',
  'For example, Mexico’s tax cut soda sales by a tenth.',
  'Moreover, it cuts traffic.',
  'Besides, it is cheap, and it is quiet.',
  'First, they lend books for free.',
  'Second, they offer a quiet place to study.',
  'Finally, they run courses for adults.',
  'Why should children sit still for six hours?',
  'In my view, the town needs cleaner air.',
  'Trees help in two ways: First, they cool the streets; second, they clean the air.',
  'Nuclear power is safe, because reactors shut down, and the staff train for years.',
  'HUNTING IS GOOD FOR THE ENVIRONMENT.',
  '1. Costs fall.',
  'So what?',
  'and',
];
const ZH = [
  '学校应当推迟上课时间。',
  '因为青少年的生物钟偏晚，早起损害他们的健康。',
  '因此，作业量应该减少。',
  '有人认为这太花钱。',
  '但是，公园会提高周边房屋的价值。',
  '诚然，校服会增加家长的负担。',
  '虽然核电站存在一定风险，但是我们必须继续发展核能。',
  '例如，墨西哥的糖税使汽水销量下降了一成。',
  '此外，骑车能缓解交通拥堵。',
  '支持这一主张的理由主要有三点：一是青少年需要更多睡眠；二是早晨的课堂效率很低。',
  '首先，图书馆免费借书。',
  '其次，图书馆提供安静的学习场所。',
  '最后，图书馆开设课程。',
  '难道孩子们应该一动不动地坐六个小时吗？',
  '我认为城市需要更干净的空气。',
  '一、背景',
  '（二）美国的立场',
  '“他说：‘必须这样做。’”',
];

const separator = fc.constantFrom(' ', '  ', '\n', '\n\n', '', ' \n\n ');
const sentences = fc.array(fc.oneof(fc.constantFrom(...EN, ...ZH), fc.string({ maxLength: 30 })), {
  minLength: 0,
  maxLength: 14,
});
const text = fc
  .tuple(sentences, fc.array(separator, { minLength: 14, maxLength: 14 }))
  .map(([parts, seps]) => parts.map((p, i) => p + seps[i]!).join(''));

function check(t: string, language?: string) {
  const draft = draftText({ sourceId: 'src1', text: t, ...(language ? { language } : {}) });
  expectDraftShape(draft, t);
  draftedMap(t, draft.language, draft);
  return draft;
}

// Hundreds of drafts per property: CPU-bound, so given room when the whole unit project shares
// two cores (seen past the default 5 s at load 13; about 2 s alone).
describe('every draft is one tree of verbatim units, and a valid map', { timeout: 30_000 }, () => {
  it('on shuffled hand-made sentences in both languages and random strings', () => {
    fc.assert(
      fc.property(text, fc.constantFrom(undefined, 'en', 'zh-Hans'), (t, language) => {
        check(t, language);
      }),
      { numRuns: 300 },
    );
  });

  it('with given segments: one unit per segment, in order, each its span', () => {
    fc.assert(
      fc.property(text, fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }), (t, keep) => {
        const ranges = sentenceRanges(t, 'en').filter((_, i) => keep[i % keep.length]);
        const segments = ranges.map((r) => t.slice(r.start, r.end));
        const draft = draftText({ sourceId: 'src1', text: t, segments });
        expectDraftShape(draft, t);
        // Each segment is found from where the one before ended (the first such occurrence).
        expect(draft.units.map((u) => u.text)).toEqual(segments);
        draft.units.forEach((u, i) => expect(u.start).toBeLessThanOrEqual(ranges[i]!.start));
        if (segments.length) draftedMap(t, draft.language, draft);
      }),
      { numRuns: 200 },
    );
  });

  it('with ranges: only units inside them', () => {
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), (t, a, b) => {
        const from = a % (t.length + 1);
        const to = from + (b % (t.length - from + 1));
        const draft = draftText({ sourceId: 'src1', text: t, ranges: [[from, to]] });
        expectDraftShape(draft, t);
        for (const u of draft.units) {
          expect(u.start).toBeGreaterThanOrEqual(from);
          expect(u.end).toBeLessThanOrEqual(to);
        }
        draftedMap(t, draft.language, draft);
      }),
      { numRuns: 200 },
    );
  });

  it.skipIf(!hasCorpus)('on the corpus texts with their sentences shuffled', () => {
    const texts = corpusTexts().map((c) => c.text);
    fc.assert(
      fc.property(
        fc.constantFrom(...texts),
        fc.array(fc.nat(), { minLength: 12, maxLength: 12 }),
        (t, keys) => {
          const parts = sentenceRanges(t, 'en').map((r) => t.slice(r.start, r.end));
          const shuffled = parts
            .map((p, i) => ({ p, k: keys[i % keys.length]! + i }))
            .sort((x, y) => x.k - y.k)
            .map((x) => x.p)
            .join(' ');
          check(shuffled);
        },
      ),
      { numRuns: 150 },
    );
  });
});
