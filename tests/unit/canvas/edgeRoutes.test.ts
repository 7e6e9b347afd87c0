/** The canvas's edge plumbing for big maps: routing among indexed boxes, edges near the view. */
import { describe, expect, it } from 'vitest';
import type { Node } from '@xyflow/react';
import type { ArgEdge } from '../../../src/model/schema';
import { edgeRouter, routeEdges } from '../../../src/layout/route';
import { MANY_EDGES, edgesNear } from '../../../src/ui/canvas/useEdgeRoutes';

const box = (x: number, y: number) => ({ x, y, width: 240, height: 80 });
const node = (id: string, x: number, y: number): Node =>
  ({ id, position: { x, y }, width: 240, height: 80, data: {} }) as Node;
const edge = (id: string, from: string, to: string): ArgEdge =>
  ({ id, from, to, relation: 'supports' }) as ArgEdge;

describe('edgeRouter', () => {
  it('routes edges a few at a time exactly as routing them all at once', () => {
    // A row of conclusions above a row of premises, with a box between to go round.
    const boxes = new Map([
      ['c', box(0, 0)],
      ['d', box(600, 0)],
      ['block', box(300, 140)],
      ['p', box(600, 300)],
      ['q', box(0, 300)],
    ]);
    const edges = [edge('e1', 'p', 'c'), edge('e2', 'q', 'd'), edge('e3', 'p', 'd')];
    const route = edgeRouter(boxes);
    const bySlices = { ...route(edges.slice(0, 1)), ...route(edges.slice(1)) };
    expect(bySlices).toEqual(routeEdges(boxes, edges));
    expect(Object.keys(bySlices)).toHaveLength(3);
  });
});

describe('edgesNear', () => {
  const view = { x: 0, y: 0, width: 1000, height: 600 };

  it('hands a small map every edge, as it is', () => {
    const edges = [edge('e1', 'a', 'b')];
    expect(edgesNear(edges, [], view)).toBe(edges);
  });

  it('hands a big map only the edges with an end within a view of what is shown', () => {
    const nodes: Node[] = [];
    const edges: ArgEdge[] = [];
    // A long chain across the map, 300 px apart: only its start lies near the view.
    for (let i = 0; i <= MANY_EDGES + 1; i++) nodes.push(node(`n${i}`, i * 300, 0));
    for (let i = 1; i <= MANY_EDGES + 1; i++) edges.push(edge(`e${i}`, `n${i}`, `n${i - 1}`));
    const near = edgesNear(edges, nodes, view);
    // The view grown by its larger side (1000 px) each way reaches x = 2000: nodes n0…n6.
    expect(near.map((e) => e.id)).toEqual(['e1', 'e2', 'e3', 'e4', 'e5', 'e6', 'e7']);
    expect(edgesNear(edges, nodes, null)).toBe(edges);
  });
});
