/** Opening a map hands React Flow the nodes in view a batch at a time (openingBatches.ts). */
import { describe, expect, it } from 'vitest';
import type { Node } from '@xyflow/react';
import { OPEN_BATCH, handedNodes, viewBox } from '../../../src/ui/canvas/openingBatches';

/** `count` nodes 100 × 50 in a row, 200 apart: n0 at x 0, n1 at 200, … */
function row(count: number): Node[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `n${i}`,
    position: { x: i * 200, y: 0 },
    width: 100,
    height: 50,
    data: {},
  }));
}

const ids = (nodes: readonly Node[]) => nodes.map((n) => n.id);

describe('the nodes handed to React Flow while a map opens', () => {
  it('are every node out of view and the first in view, in their order', () => {
    const nodes = row(10);
    // The view shows n2…n6 (x 400 to 1300).
    const view = { x: 400, y: -100, width: 900, height: 300 };
    const first = handedNodes(nodes, view, 2);
    expect(ids(first.nodes)).toEqual(['n0', 'n1', 'n2', 'n3', 'n7', 'n8', 'n9']);
    expect(first.waiting).toBe(3);
    // A node once handed stays handed as more are shown.
    const next = handedNodes(nodes, view, 4);
    expect(ids(next.nodes)).toEqual(['n0', 'n1', 'n2', 'n3', 'n4', 'n5', 'n7', 'n8', 'n9']);
    expect(next.waiting).toBe(1);
    // Once none waits, React Flow gets the canvas's own array (the same object).
    const all = handedNodes(nodes, view, 6);
    expect(all.waiting).toBe(0);
    expect(all.nodes).toBe(nodes);
  });

  it('of a map whose opening view holds fewer than a batch are all of them at once', () => {
    const nodes = row(OPEN_BATCH);
    const view = { x: -10, y: -10, width: 200 * (OPEN_BATCH + 1), height: 100 };
    const handed = handedNodes(nodes, view, OPEN_BATCH);
    expect(handed.nodes).toBe(nodes);
    expect(handed.waiting).toBe(0);
    expect(handedNodes(row(OPEN_BATCH + 1), view, OPEN_BATCH).waiting).toBe(1);
  });

  it('are found in the part of the map the opening viewport shows', () => {
    // At zoom 0.5, moved 100 px right and 50 down: flow x from -200, 2 × the canvas's size.
    expect(viewBox({ x: 100, y: 50, zoom: 0.5 }, 800, 600)).toEqual({
      x: -200,
      y: -100,
      width: 1600,
      height: 1200,
    });
  });
});
