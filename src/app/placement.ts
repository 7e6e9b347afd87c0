/** Where to put a node added beside another, without a full re-layout. */
import type { ArgMap, Position } from '../model/schema';
import { NODE_WIDTH, estimateNodeSize } from '../layout/layout';

const GAP_X = 40;
const GAP_Y = 90;

/**
 * A free spot below `anchorId` (premises sit below what they support), moving right until it
 * overlaps no node; or, with no anchor, to the right of everything.
 */
export function placeBeside(map: ArgMap, anchorId: string | undefined): Position {
  const boxes = map.nodes
    .filter((n) => n.position)
    .map((n) => ({ ...n.position!, ...estimateNodeSize(n) }));
  const anchor = anchorId ? map.nodes.find((n) => n.id === anchorId) : undefined;
  if (!anchor?.position) {
    const right = boxes.reduce((max, b) => Math.max(max, b.x + b.width), 0);
    const top = boxes.reduce((min, b) => Math.min(min, b.y), Infinity);
    return { x: right + GAP_X * 2, y: Number.isFinite(top) ? top : 0 };
  }
  const size = estimateNodeSize(anchor);
  const candidate = { x: anchor.position.x, y: anchor.position.y + size.height + GAP_Y };
  const height = 80;
  const overlaps = (x: number) =>
    boxes.some(
      (b) =>
        x < b.x + b.width + GAP_X / 2 &&
        x + NODE_WIDTH + GAP_X / 2 > b.x &&
        candidate.y < b.y + b.height &&
        candidate.y + height > b.y,
    );
  for (let step = 0; step < 200 && overlaps(candidate.x); step++) candidate.x += NODE_WIDTH + GAP_X;
  return candidate;
}
