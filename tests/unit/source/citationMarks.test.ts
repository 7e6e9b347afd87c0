import { describe, expect, it } from 'vitest';
import { citationsBySentence, pieces } from '../../../src/ui/citationMarks';

describe('the marks of cited spans in a sentence', () => {
  it('marks two halves of a sentence cited by two nodes as two pieces, not the whole sentence', () => {
    expect(
      pieces(10, 50, [
        { nodeId: 'n2', start: 10, end: 30 },
        { nodeId: 'n3', start: 32, end: 50 },
      ]),
    ).toEqual([
      { start: 10, end: 30, nodeIds: ['n2'] },
      { start: 30, end: 32, nodeIds: [] },
      { start: 32, end: 50, nodeIds: ['n3'] },
    ]);
  });
  it('shows overlapping spans and whole-sentence refs on every piece they cover', () => {
    expect(
      pieces(0, 20, [
        { nodeId: 'n1' },
        { nodeId: 'n2', start: 0, end: 12 },
        { nodeId: 'n3', start: 8, end: 20 },
      ]),
    ).toEqual([
      { start: 0, end: 8, nodeIds: ['n1', 'n2'] },
      { start: 8, end: 12, nodeIds: ['n1', 'n2', 'n3'] },
      { start: 12, end: 20, nodeIds: ['n1', 'n3'] },
    ]);
  });
  it('collects each node’s refs by sentence, once each', () => {
    const map = {
      nodes: [
        {
          id: 'n1',
          kind: 'claim' as const,
          text: '',
          refs: [{ sentence: 's1' }, { sentence: 's1' }],
        },
        {
          id: 'n2',
          kind: 'claim' as const,
          text: '',
          refs: [{ sentence: 's1', start: 2, end: 5 }],
        },
      ],
    };
    expect(citationsBySentence(map).get('s1')).toEqual([
      { nodeId: 'n1' },
      { nodeId: 'n2', start: 2, end: 5 },
    ]);
  });
});
