/**
 * Re-packing after boxes changed size (the labels switched to another language, a node's text
 * grew): each box that now overlaps another, or comes too close to it, moves down just below it, in top-to-bottom order, so
 * the layout keeps its shape and no two boxes overlap. Pinned boxes (placed by hand) never move.
 */
import { type Rect, SpatialIndex, rectsOverlap } from './geometry';
import { ROUTE_MARGIN } from './route';
import type { Position } from '../model/schema';

/** Room a moved box keeps below the box it had overlapped: enough for edges to pass between. */
const CLEARANCE = 40;

/** New positions for the boxes that had to move (the others are absent). */
export function repack(
  boxes: ReadonlyMap<string, Rect>,
  pinned: ReadonlySet<string> = new Set(),
): Record<string, Position> {
  const placed = new SpatialIndex<string>();
  for (const [id, box] of boxes) if (pinned.has(id)) placed.add(id, box);
  const free = [...boxes].filter(([id]) => !pinned.has(id));
  free.sort(([, a], [, b]) => a.y - b.y || a.x - b.x);
  const moved: Record<string, Position> = {};
  for (const [id, box] of free) {
    let at = { ...box };
    for (let guard = 0; guard < boxes.size; guard++) {
      // Too close counts as overlapping: a route (ROUTE_MARGIN clear of each box) must still fit
      // between two boxes side by side, and a route leaving a box's top or bottom needs a little
      // more above and below. The layout's own spacing is wider, so a laid-out map is left alone.
      const near = {
        x: at.x - ROUTE_MARGIN,
        y: at.y - 2 * ROUTE_MARGIN,
        width: at.width + 2 * ROUTE_MARGIN,
        height: at.height + 4 * ROUTE_MARGIN,
      };
      const hits = placed.query(near).filter((h) => rectsOverlap(near, h.rect));
      if (!hits.length) break;
      at = { ...at, y: Math.max(...hits.map((h) => h.rect.y + h.rect.height)) + CLEARANCE };
    }
    if (at.y !== box.y) moved[id] = { x: at.x, y: at.y };
    placed.add(id, at);
  }
  return moved;
}
