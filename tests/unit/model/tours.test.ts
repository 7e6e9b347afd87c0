import { describe, expect, it } from 'vitest';
import { disconnect, removeNode } from '../../../src/model/operations';
import {
  addTour,
  addTourStops,
  duplicateTour,
  firstTourSteps,
  makeFirstTour,
  moveTourStop,
  newTourId,
  removeTour,
  removeTourNode,
  removeTourStop,
  renameTour,
  setFirstTourSteps,
  setTourSteps,
} from '../../../src/model/tours';
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

describe('named tours', () => {
  const twoTours = (): ArgMap => ({
    ...sampleMap(),
    tours: [
      { id: 't1', title: 'Walk-through', steps: ['n1', 'n2', 'n3'] },
      { id: 'lesson', title: 'Lesson', steps: ['n3'] },
    ],
  });

  it('adds a tour with a fresh id, keeping only nodes of the map, each once', () => {
    const map = twoTours();
    expect(newTourId(map)).toBe('t3');
    const made = addTour(map, 'Objections\nfirst', ['n4', 'nope', 'n1', 'n4']);
    expect(made.id).toBe('t3');
    expect(made.map.tours[2]).toEqual({ id: 't3', title: 'Objections first', steps: ['n4', 'n1'] });
    expect(map.tours).toHaveLength(2);
    expect(validateMap(made.map).ok).toBe(true);
    // An id in use is skipped.
    const again = addTour({ ...map, tours: [{ id: 't2', title: '', steps: [] }] }, 'x');
    expect(again.id).toBe('t3');
    expect(addTour(made.map, 'Empty').map.tours[3]).toEqual({
      id: 't4',
      title: 'Empty',
      steps: [],
    });
  });

  it('renames, removes, duplicates and makes a tour the first', () => {
    const map = twoTours();
    expect(renameTour(map, 'lesson', 'Short lesson').tours[1]!.title).toBe('Short lesson');
    expect(renameTour(map, 'lesson', 'Lesson')).toBe(map);
    expect(removeTour(map, 't1').tours.map((t) => t.id)).toEqual(['lesson']);
    const copy = duplicateTour(map, 't1', 'Walk-through (copy)')!;
    expect(copy.map.tours.map((t) => t.id)).toEqual(['t1', 't3', 'lesson']);
    expect(copy.map.tours[1]).toEqual({
      id: 't3',
      title: 'Walk-through (copy)',
      steps: ['n1', 'n2', 'n3'],
    });
    expect(copy.map.tours[1]!.steps).not.toBe(map.tours[0]!.steps);
    const first = makeFirstTour(map, 'lesson');
    expect(first.tours.map((t) => t.id)).toEqual(['lesson', 't1']);
    expect(firstTourSteps(first)).toEqual(['n3']);
    expect(makeFirstTour(map, 't1')).toBe(map);
  });

  it('reorders, removes and adds stops', () => {
    const map = twoTours();
    const steps = (m: ArgMap) => m.tours[0]!.steps;
    expect(steps(moveTourStop(map, 't1', 0, 1))).toEqual(['n2', 'n1', 'n3']);
    expect(steps(moveTourStop(map, 't1', 2, 0))).toEqual(['n3', 'n1', 'n2']);
    // Clamped to the tour; a move to where it is changes nothing.
    expect(steps(moveTourStop(map, 't1', 1, 99))).toEqual(['n1', 'n3', 'n2']);
    expect(moveTourStop(map, 't1', 0, -1)).toBe(map);
    expect(moveTourStop(map, 't1', 5, 0)).toBe(map);
    expect(steps(removeTourStop(map, 't1', 1))).toEqual(['n1', 'n3']);
    expect(removeTourStop(map, 't1', 3)).toBe(map);
    expect(steps(addTourStops(map, 't1', ['n4', 'n2', 'zz']))).toEqual(['n1', 'n2', 'n3', 'n4']);
    expect(addTourStops(map, 't1', ['n2'])).toBe(map);
    expect(steps(removeTourNode(map, 't1', 'n2'))).toEqual(['n1', 'n3']);
    expect(steps(setTourSteps(map, 't1', ['n4', 'n4', 'gone']))).toEqual(['n4']);
    // The other tour is the same object.
    expect(moveTourStop(map, 't1', 0, 1).tours[1]).toBe(map.tours[1]);
  });

  it('leaves the map as it is for a tour it does not have', () => {
    const map = twoTours();
    expect(renameTour(map, 'gone', 'x')).toBe(map);
    expect(removeTour(map, 'gone')).toBe(map);
    expect(duplicateTour(map, 'gone', 'x')).toBeUndefined();
    expect(makeFirstTour(map, 'gone')).toBe(map);
    expect(addTourStops(map, 'gone', ['n1'])).toBe(map);
    expect(moveTourStop(map, 'gone', 0, 1)).toBe(map);
  });
});
