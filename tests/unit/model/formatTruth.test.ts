/**
 * One truth about the format: positions finite and within ±10⁷ (validator, JSON Schema and edits
 * agree), spans never inside a surrogate pair (validator and edits agree), and text measured with
 * astral CJK and emoji as wide.
 */
import { describe, expect, it } from 'vitest';
import { validateMap } from '../../../src/model/validate';
import { addRef, moveNodes, OperationError } from '../../../src/model/operations';
import { mapJsonSchema } from '../../../src/model/jsonSchema';
import { parseMapText } from '../../../src/io/mapFile';
import { textWidthEm, wrapText } from '../../../src/io/wrapText';
import { nodeSize } from '../../../src/layout/nodeSize';
import { sampleMap } from './sampleMap';

describe('positions', () => {
  it.each([
    [1e308, 'must be within ±10,000,000'],
    [-1e7 - 1, 'must be within ±10,000,000'],
  ])('x = %d is refused at its path', (x, message) => {
    const map = sampleMap();
    map.nodes[0]!.position = { x, y: 0 };
    const result = validateMap(map);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.problems).toEqual([
        expect.objectContaining({ path: 'nodes[0].position.x', message }),
      ]);
  });

  it('a file with 1e400 (Infinity once parsed) is refused', () => {
    const text = JSON.stringify({ ...sampleMap(), nodes: [] }).replace(
      '"nodes":[]',
      '"nodes":[{"id":"n1","kind":"claim","text":"x","refs":[{"sentence":"s1"}],"position":{"x":1e400,"y":0}}]',
    );
    expect(parseMapText(text).ok).toBe(false);
  });

  it('±10,000,000 itself is allowed, and the JSON Schema says the same', () => {
    const map = sampleMap();
    map.nodes[0]!.position = { x: 1e7, y: -1e7 };
    expect(validateMap(map).ok).toBe(true);
    const text = JSON.stringify(mapJsonSchema());
    expect(text).toContain('"minimum":-10000000,"maximum":10000000');
  });

  it('an edit cannot move a node out of range or to NaN', () => {
    expect(() => moveNodes(sampleMap(), { n1: { x: Number.NaN, y: 0 } })).toThrow(OperationError);
    expect(() => moveNodes(sampleMap(), { n1: { x: 0, y: 2e7 } })).toThrow(/±10,000,000/);
  });
});

describe('offsets inside a surrogate pair', () => {
  const withText = (text: string) => {
    const map = sampleMap();
    map.sources[0] = {
      ...map.sources[0]!,
      text,
      sentences: [{ id: 's1', start: 0, end: text.length }],
    };
    map.nodes = [{ id: 'n1', kind: 'claim', text: 'x', refs: [{ sentence: 's1' }] }];
    map.edges = [];
    map.tours = [];
    return map;
  };

  it('are refused by the validator and by an edit alike', () => {
    const map = withText('A 𠀀 b.');
    const split = { sentence: 's1', start: 2, end: 3 }; // between the halves of 𠀀
    const invalid = {
      ...map,
      nodes: [{ ...map.nodes[0]!, refs: [{ ...split, quote: '\ud840' }] }],
    };
    expect(validateMap(invalid).ok).toBe(false);
    expect(() => addRef(map, 'n1', split)).toThrow(/two halves of one character/);
    expect(() => addRef(map, 'n1', { sentence: 's1', start: 2, end: 4 })).not.toThrow();
  });
});

describe('text measurement', () => {
  it('counts astral CJK (Extension B) and emoji as wide, marks as nothing', () => {
    expect(textWidthEm('𠀀𠀁𪚥')).toBe(3);
    expect(textWidthEm('🙂🎉')).toBe(2);
    expect(textWidthEm('❤️')).toBeCloseTo(1); // a text-style heart asked to be an emoji
    expect(textWidthEm('e\u0301')).toBeCloseTo(0.55); // e + combining acute accent
  });

  it('wraps astral CJK into lines no wider than asked, and sizes the box for them', () => {
    const text = '𠀀'.repeat(40);
    const lines = wrapText(text, 14.8);
    expect(lines.join('')).toBe(text);
    for (const line of lines) expect(textWidthEm(line)).toBeLessThanOrEqual(14.8);
    expect(nodeSize({ kind: 'claim' }, text).height).toBe(
      nodeSize({ kind: 'claim' }, '核'.repeat(40)).height,
    );
  });
});
