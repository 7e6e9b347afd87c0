/**
 * The edge router: the plain route where it is free, a way round every box that stands in the
 * way, only the touched edges re-routed after a move, and re-packing after boxes grew.
 */
import { describe, expect, it } from 'vitest';
import { routeEdges } from '../../../src/layout/route';
import { repack } from '../../../src/layout/repack';
import { measureDrawing } from '../../../src/layout/metrics';
import type { Rect } from '../../../src/layout/geometry';

const box = (x: number, y: number, width = 240, height = 80): Rect => ({ x, y, width, height });
const drawn = (boxes: Map<string, Rect>, edges: { id: string; from: string; to: string }[]) => {
  const routes = routeEdges(boxes, edges);
  return {
    routes,
    metrics: measureDrawing(
      boxes,
      edges.map((e) => ({ ...e, points: routes[e.id]! })),
    ),
  };
};

describe('routeEdges', () => {
  it('draws a premise below its conclusion as out, across just below the conclusion, in', () => {
    const boxes = new Map([
      ['c', box(0, 0)],
      ['p', box(300, 200)],
    ]);
    const { routes } = drawn(boxes, [{ id: 'e', from: 'p', to: 'c' }]);
    expect(routes.e).toEqual([
      { x: 420, y: 200 },
      { x: 420, y: 100 },
      { x: 120, y: 100 },
      { x: 120, y: 80 },
    ]);
  });

  it('goes round a box that stands between the two ends (the objection in the way)', () => {
    // The premise sits right under its conclusion, with an objection box between them.
    const boxes = new Map([
      ['conclusion', box(0, 0)],
      ['objection', box(0, 150)],
      ['premise', box(0, 300)],
    ]);
    const edges = [{ id: 'e', from: 'premise', to: 'conclusion' }];
    const { routes, metrics } = drawn(boxes, edges);
    expect(metrics.edgeCrossings).toEqual([]);
    // It still starts on the premise and ends on the conclusion's bottom border.
    expect(routes.e![0]).toEqual({ x: 120, y: 300 });
    expect(routes.e!.at(-1)).toEqual({ x: 120, y: 80 });
    expect(routes.e!.length).toBeGreaterThan(4);
  });

  it('finds the way through a wall of boxes with one gap', () => {
    const boxes = new Map<string, Rect>([
      ['top', box(600, 0)],
      ['bottom', box(600, 700)],
    ]);
    // A wall of 9 boxes across the middle with a gap where the sixth would be.
    for (let i = 0; i < 10; i++) if (i !== 5) boxes.set(`w${i}`, box(i * 260 - 400, 350));
    const { metrics } = drawn(boxes, [{ id: 'e', from: 'bottom', to: 'top' }]);
    expect(metrics.edgeCrossings).toEqual([]);
  });

  it('re-routes only the edges of a moved box, and those its new place blocks', () => {
    const boxes = new Map([
      ['a', box(0, 0)],
      ['b', box(0, 300)],
      ['c', box(600, 0)],
      ['d', box(600, 300)],
    ]);
    const edges = [
      { id: 'ab', from: 'b', to: 'a' },
      { id: 'cd', from: 'd', to: 'c' },
    ];
    const before = routeEdges(boxes, edges);
    // d moves left; c–d's route is new, a–b's is the very same array.
    const moved = new Map(boxes).set('d', box(500, 320));
    const after = routeEdges(moved, edges, { previous: before, changed: new Set(['d']) });
    expect(after.ab).toBe(before.ab);
    expect(after.cd).not.toEqual(before.cd);
    // Now d is dropped onto a–b's route: that edge is re-routed round it.
    const onTop = new Map(boxes).set('d', box(-20, 150));
    const rerouted = routeEdges(onTop, edges, { previous: before, changed: new Set(['d']) });
    expect(rerouted.ab).not.toBe(before.ab);
    const metrics = measureDrawing(
      onTop,
      edges.map((e) => ({ ...e, points: rerouted[e.id]! })),
    );
    expect(metrics.edgeCrossings).toEqual([]);
  });

  it('routes nothing for an edge with a missing end or onto itself', () => {
    const boxes = new Map([['a', box(0, 0)]]);
    expect(
      routeEdges(boxes, [
        { id: 'x', from: 'a', to: 'gone' },
        { id: 'y', from: 'a', to: 'a' },
      ]),
    ).toEqual({});
  });
});

describe('repack', () => {
  it('moves boxes that grew onto their neighbours down, keeps pinned ones, leaves the rest', () => {
    const boxes = new Map([
      ['a', box(0, 0, 240, 200)], // grew from 80 to 200: now on top of b
      ['b', box(0, 120)],
      ['c', box(0, 260)],
      ['far', box(900, 0)],
      ['pin', box(300, 0, 240, 200)],
      ['under', box(300, 150)],
    ]);
    const moved = repack(boxes, new Set(['pin']));
    expect(moved.b).toEqual({ x: 0, y: 240 });
    expect(moved.c).toEqual({ x: 0, y: 360 });
    expect(moved.under).toEqual({ x: 300, y: 240 });
    expect(moved.far).toBeUndefined();
    expect(moved.pin).toBeUndefined();
    const after = new Map([...boxes].map(([id, b]) => [id, { ...b, ...moved[id] }]));
    expect(measureDrawing(after, []).overlaps).toEqual([]);
  });
});

describe('repack of a laid-out map', () => {
  it('moves nothing when the boxes are those the layout made room for', async () => {
    const { readFileSync } = await import('node:fs');
    const map = JSON.parse(
      readFileSync('maps/us-japan-nuclear-sharing.argmap.json', 'utf8'),
    ) as import('../../../src/model/schema').ArgMap;
    const { nodeSizes } = await import('../../../src/layout/nodeSize');
    const sizes = nodeSizes(map.nodes);
    const boxes = new Map(map.nodes.map((n) => [n.id, { ...n.position!, ...sizes[n.id]! }]));
    expect(repack(boxes)).toEqual({});
  });
});
