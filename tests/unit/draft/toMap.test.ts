/** A draft as nodes and edges of a map: refs to whole sentences or spans, junctions, fresh ids. */
import { describe, expect, it } from 'vitest';
import { draftText } from '../../../src/draft/rules';
import { draftAsMap, unitRefs } from '../../../src/draft/toMap';
import { newMap, sourceFromText } from '../../../src/io/importText';
import { MessageError } from '../../../src/model/messages';
import { validateMap } from '../../../src/model/validate';

const text = 'Cars pollute. Bikes are clean, because they burn nothing. Walk.';
const source = sourceFromText(text, 'en');

describe('unitRefs', () => {
  it('cites a sentence the unit covers exactly as the sentence, a part as a span with its quote', () => {
    expect(unitRefs(source, { start: 0, end: 13 })).toEqual([{ sentence: 's1' }]);
    expect(unitRefs(source, { start: 14, end: 30 })).toEqual([
      { sentence: 's2', start: 14, end: 30, quote: 'Bikes are clean,' },
    ]);
  });

  it('gives one ref per sentence a unit touches', () => {
    expect(unitRefs(source, { start: 5, end: 30 })).toEqual([
      { sentence: 's1', start: 5, end: 13, quote: 'pollute.' },
      { sentence: 's2', start: 14, end: 30, quote: 'Bikes are clean,' },
    ]);
  });
});

describe('draftAsMap', () => {
  it('adds one node per unit (the central one a conclusion), one junction per junction, one edge per link', () => {
    const t =
      'Nuclear power is safe today, because reactors shut themselves down, and the staff train for years.';
    const src = sourceFromText(t, 'en');
    const base = newMap('m', 'title', src, 'x');
    const withOne = {
      ...base,
      nodes: [
        { id: 'n1', kind: 'claim' as const, text: 'Nuclear power', refs: [{ sentence: 's1' }] },
      ],
    };
    const map = draftAsMap(withOne, draftText({ sourceId: 'src1', text: t }));
    expect(validateMap(map).ok).toBe(true);
    expect(map.nodes.map((n) => `${n.id} ${n.kind} ${n.text}`)).toEqual([
      'n1 claim Nuclear power',
      'n2 conclusion Nuclear power is safe today,',
      'n3 claim because reactors shut themselves down,',
      'n4 claim and the staff train for years.',
      'n5 inference ',
    ]);
    expect(map.edges.map((e) => `${e.id} ${e.from} ${e.relation} ${e.to}`)).toEqual([
      'e1 n3 supports n5',
      'e2 n4 supports n5',
      'e3 n5 supports n2',
    ]);
  });

  it('refuses a draft of a source the map does not have', () => {
    const map = newMap('m', 't', source, 'x');
    const draft = { ...draftText({ sourceId: 'src9', text }) };
    expect(() => draftAsMap(map, draft)).toThrow(MessageError);
    expect(() => draftAsMap(map, draft)).toThrow(/source src9/);
  });
});
