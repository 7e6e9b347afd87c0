/**
 * An edge never passes through its own ends: whatever the boxes around, the route the canvas and
 * the exports draw runs from the border of its premise's box to the border of its target's box
 * and crosses neither box's interior (the router avoids the other boxes too, where it can).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { routeEdges, type Rect } from '../../../src/layout/route';
import { rectsOverlap, segmentCrossesRect } from '../../../src/layout/geometry';

const box = fc.record({
  x: fc.integer({ min: -600, max: 600 }),
  y: fc.integer({ min: -600, max: 600 }),
  width: fc.integer({ min: 20, max: 300 }),
  height: fc.integer({ min: 20, max: 200 }),
});

const onBorder = (p: { x: number; y: number }, r: Rect) =>
  (Math.abs(p.x - r.x) < 1e-6 || Math.abs(p.x - r.x - r.width) < 1e-6
    ? p.y >= r.y && p.y <= r.y + r.height
    : false) ||
  (Math.abs(p.y - r.y) < 1e-6 || Math.abs(p.y - r.y - r.height) < 1e-6
    ? p.x >= r.x && p.x <= r.x + r.width
    : false);

describe('a route and its own ends', () => {
  it('leaves its premise’s border, ends on its target’s border, crosses neither box', () => {
    fc.assert(
      fc.property(box, box, fc.array(box, { maxLength: 8 }), (f, t, others) => {
        fc.pre(!rectsOverlap(f, t));
        const boxes = new Map<string, Rect>([
          ['f', f],
          ['t', t],
        ]);
        others
          .filter((o) => !rectsOverlap(o, f) && !rectsOverlap(o, t))
          .forEach((o, i) => boxes.set(`o${i}`, o));
        const route = routeEdges(boxes, [{ id: 'e', from: 'f', to: 't' }]).e!;
        expect(route.length).toBeGreaterThanOrEqual(2);
        expect(onBorder(route[0]!, f)).toBe(true);
        expect(onBorder(route[route.length - 1]!, t)).toBe(true);
        for (let i = 1; i < route.length; i++) {
          expect(segmentCrossesRect(route[i - 1]!, route[i]!, f)).toBe(false);
          expect(segmentCrossesRect(route[i - 1]!, route[i]!, t)).toBe(false);
        }
      }),
      { numRuns: 3000, seed: 12 },
    );
  });

  it('holds for boxes a hair apart, side by side and one above the other', () => {
    for (const gap of [0, 1, 5, 11, 19, 25])
      for (const [dx, dy] of [
        [1, 0],
        [0, 1],
        [-1, 0],
        [0, -1],
        [1, 1],
        [-1, 1],
      ] as const) {
        const f = { x: 0, y: 0, width: 240, height: 80 };
        const t = {
          x: dx * (240 + gap) + (dx === 0 ? 30 : 0),
          y: dy * (80 + gap),
          width: 240,
          height: 80,
        };
        const route = routeEdges(
          new Map([
            ['f', f],
            ['t', t],
          ]),
          [{ id: 'e', from: 'f', to: 't' }],
        ).e!;
        for (let i = 1; i < route.length; i++) {
          expect(segmentCrossesRect(route[i - 1]!, route[i]!, f), `${gap} ${dx},${dy}`).toBe(false);
          expect(segmentCrossesRect(route[i - 1]!, route[i]!, t), `${gap} ${dx},${dy}`).toBe(false);
        }
      }
  });
});
