/** Restructuring from the outline: re-attach, indent, outdent, reorder; refused moves. */
import { describe, expect, it } from 'vitest';
import { buildOutline } from '../../../src/model/outline';
import {
  indentItem,
  moveItem,
  outdentItem,
  reattachEdge,
  swapEdges,
} from '../../../src/model/outlineOps';
import type { ArgMap } from '../../../src/model/schema';
import { validateMap } from '../../../src/model/validate';
import { sampleMap } from './sampleMap';

/** The sample map (n1 ← n2, n3 supports; n4 attacks) with n5 elaborating n3 and a second edge. */
function map(): ArgMap {
  const m = sampleMap();
  return {
    ...m,
    nodes: [...m.nodes, { id: 'n5', kind: 'context', text: 'Context', refs: [], implicit: true }],
    edges: [
      ...m.edges,
      { id: 'e4', from: 'n5', to: 'n3', relation: 'elaborates', note: 'kept' },
      { id: 'e5', from: 'n5', to: 'n1', relation: 'elaborates' },
    ],
  };
}
const edgeOf = (m: ArgMap, id: string) => m.edges.find((e) => e.id === id)!;

describe('reattachEdge', () => {
  it('points the edge at a new node, keeping relation, note and every other record', () => {
    const before = map();
    const after = reattachEdge(before, 'e4', 'n2');
    expect(edgeOf(after, 'e4')).toEqual({
      id: 'e4',
      from: 'n5',
      to: 'n2',
      relation: 'elaborates',
      note: 'kept',
    });
    expect(after.nodes).toBe(before.nodes);
    expect(after.edges.filter((e) => e.id !== 'e4')).toEqual(
      before.edges.filter((e) => e.id !== 'e4'),
    );
    after.edges.forEach((e, i) => e.id !== 'e4' && expect(e).toBe(before.edges[i]));
    expect(validateMap(after).ok).toBe(true);
  });

  it('refuses a self-edge, a cycle, a duplicate, a missing node or edge: the map is returned unchanged', () => {
    const m = map();
    expect(reattachEdge(m, 'e1', 'n2')).toBe(m); // n2 → n2
    expect(reattachEdge(m, 'e1', 'n1')).toBe(m); // already there
    expect(reattachEdge(m, 'e2', 'n5')).toBe(m); // n5 → n3 exists: n3 → n5 closes a cycle
    expect(reattachEdge(m, 'e4', 'n1')).toBe(m); // n5 → n1 exists already
    expect(reattachEdge(m, 'e1', 'nope')).toBe(m);
    expect(reattachEdge(m, 'nope', 'n3')).toBe(m);
  });

  it('refuses a longer cycle', () => {
    const m = reattachEdge(map(), 'e1', 'n3'); // n2 → n3 → n1
    expect(edgeOf(m, 'e1').to).toBe('n3');
    // n3 under n2 would make n3 → n2 → n3.
    expect(reattachEdge(m, 'e2', 'n2')).toBe(m);
  });
});

describe('swapEdges', () => {
  it('swaps two edges in map order and refuses unknown ones', () => {
    const m = map();
    const after = swapEdges(m, 'e1', 'e2');
    expect(after.edges.map((e) => e.id)).toEqual(['e2', 'e1', 'e3', 'e4', 'e5']);
    expect(after.edges[0]).toBe(m.edges[1]);
    expect(swapEdges(m, 'e1', 'zz')).toBe(m);
    expect(swapEdges(m, 'e1', 'e1')).toBe(m);
  });
});

describe('indent, outdent and move by outline item', () => {
  it('Tab puts a node under its previous sibling; the first child cannot be indented', () => {
    const m = map();
    const items = buildOutline(m);
    const after = indentItem(m, items, 'e2'); // n3 goes under n2
    expect(edgeOf(after, 'e2')).toMatchObject({ from: 'n3', to: 'n2', relation: 'supports' });
    expect(buildOutline(after).map((i) => `${i.depth}:${i.nodeId}`)).toEqual([
      '0:n1',
      '1:n2',
      '2:n3',
      '3:n5',
      '1:n4',
      '1:n5',
    ]);
    expect(indentItem(m, items, 'e1')).toBe(m);
    expect(indentItem(m, items, 'root:n1')).toBe(m);
  });

  it('Tab under a sibling of another relation keeps the edge’s own relation', () => {
    const m = map();
    const after = indentItem(m, buildOutline(m), 'e3'); // n4 (attacks) under n3
    expect(edgeOf(after, 'e3')).toMatchObject({ from: 'n4', to: 'n3', relation: 'attacks' });
  });

  it('Shift+Tab moves a node to its grandparent; not from the top level', () => {
    const m = indentItem(map(), buildOutline(map()), 'e2');
    const items = buildOutline(m);
    const after = outdentItem(m, items, 'e2');
    expect(edgeOf(after, 'e2').to).toBe('n1');
    expect(outdentItem(m, items, 'e1')).toBe(m);
    expect(outdentItem(m, items, 'root:n1')).toBe(m);
    // n5 (under n3, under n2) to n2: allowed; a repeat's edge moves as well.
    expect(edgeOf(outdentItem(m, items, 'e4'), 'e4').to).toBe('n2');
  });

  it('Alt+arrows swap with a neighbour of the same relation only', () => {
    const m = map();
    const items = buildOutline(m);
    const down = moveItem(m, items, 'e1', 1);
    expect(down.edges.map((e) => e.id).slice(0, 2)).toEqual(['e2', 'e1']);
    expect(
      buildOutline(down)
        .filter((i) => i.depth === 1)
        .map((i) => i.nodeId),
    ).toEqual(['n3', 'n2', 'n4', 'n5']);
    expect(moveItem(m, items, 'e1', -1)).toBe(m); // first
    expect(moveItem(m, items, 'e2', 1)).toBe(m); // next is an attack
    expect(moveItem(m, items, 'root:n1', 1)).toBe(m);
  });
});
