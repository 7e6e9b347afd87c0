import { describe, expect, it } from 'vitest';
import { disconnect, removeNode } from '../../../src/model/operations';
import { firstTourSteps, setFirstTourSteps } from '../../../src/model/tours';
import { validateMap } from '../../../src/model/validate';
import type { ArgMap } from '../../../src/model/schema';
import { sampleMap } from './sampleMap';

const withComments = (): ArgMap => ({
  ...sampleMap(),
  comments: [
    { id: 'c1', target: 'n4', author: 'Ann', text: 'Is this fair?', createdAt: '2026-11-28' },
    { id: 'c2', target: 'n1', author: 'Bo', text: 'Yes', createdAt: '2026-11-28', replyTo: 'c1' },
    { id: 'c3', target: 'e1', author: 'Cy', text: 'Strong', createdAt: '2026-11-28' },
    { id: 'c4', target: 'n1', author: 'Di', text: 'Agreed', createdAt: '2026-11-28' },
  ],
});

describe('tours and comments under edits', () => {
  it('reads and writes the first tour, creating the Walk-through when there is none', () => {
    const map = { ...sampleMap(), tours: [] };
    expect(firstTourSteps(map)).toEqual([]);
    const next = setFirstTourSteps(map, ['n2']);
    expect(next.tours).toEqual([{ id: 't1', title: 'Walk-through', steps: ['n2'] }]);
    const two = {
      ...sampleMap(),
      tours: [...sampleMap().tours, { id: 't2', title: 'Short', steps: ['n1'] }],
    };
    expect(setFirstTourSteps(two, ['n3']).tours).toEqual([
      { id: 't1', title: 'Walk-through', steps: ['n3'] },
      { id: 't2', title: 'Short', steps: ['n1'] },
    ]);
  });

  it('removing a node takes it out of every tour and drops the comments on it, with replies', () => {
    const map = {
      ...withComments(),
      tours: [...sampleMap().tours, { id: 't2', title: 'Objections', steps: ['n4', 'n1'] }],
    };
    const next = removeNode(map, 'n4');
    expect(next.tours.map((t) => t.steps)).toEqual([['n1', 'n2', 'n3'], ['n1']]);
    // c1 was on n4; c2 answered c1; c3 was on e1, which stays.
    expect(next.comments!.map((c) => c.id)).toEqual(['c3', 'c4']);
    expect(validateMap(next).ok).toBe(true);
    // e1 goes with n2, and the comment on it too.
    expect(removeNode(map, 'n2').comments!.map((c) => c.id)).toEqual(['c1', 'c2', 'c4']);
  });

  it('removing an edge drops the comments on it, and leaves the rest as they were', () => {
    const map = withComments();
    const next = disconnect(map, 'e1');
    expect(next.comments!.map((c) => c.id)).toEqual(['c1', 'c2', 'c4']);
    expect(next.tours).toBe(map.tours);
    expect(disconnect(map, 'e2').comments).toBe(map.comments);
  });
});
