/** Where to put a node added beside another, without a full re-layout. */
import type { ArgMap, ArgNode, Position } from '../model/schema';
import { NODE_WIDTH, estimateNodeSize } from '../layout/layout';

const GAP_X = 40;
const GAP_Y = 90;
/** Height reserved for the new node. */
const NEW_HEIGHT = 80;

/** A node's width, which (unlike its height) does not depend on its text. */
const widthOf = (n: Pick<ArgNode, 'kind'>) => (n.kind === 'inference' ? 36 : NODE_WIDTH);

/**
 * An upper bound of estimateNodeSize's height that needs no look at the characters: every
 * character counted as a full-width one. Lets the search skip far-away nodes cheaply.
 */
const maxHeightOf = (n: Pick<ArgNode, 'text' | 'kind'>) =>
  n.kind === 'inference'
    ? 36
    : 40 + Math.max(1, Math.ceil(n.text.length / ((NODE_WIDTH - 24) / 14))) * 20;

/**
 * A free spot below `anchorId` (premises sit below what they support), moving right until it
 * overlaps no node; or, with no anchor, to the right of everything. Only the nodes in the new
 * node's row are measured, so at 5,000 nodes this stays well under a millisecond or two.
 */
export function placeBeside(map: ArgMap, anchorId: string | undefined): Position {
  const anchor = anchorId ? map.nodes.find((n) => n.id === anchorId) : undefined;
  if (!anchor?.position) {
    let right = 0;
    let top = Infinity;
    for (const n of map.nodes) {
      if (!n.position) continue;
      right = Math.max(right, n.position.x + widthOf(n));
      top = Math.min(top, n.position.y);
    }
    return { x: right + GAP_X * 2, y: Number.isFinite(top) ? top : 0 };
  }
  const size = estimateNodeSize(anchor);
  const candidate = { x: anchor.position.x, y: anchor.position.y + size.height + GAP_Y };
  // The placed nodes that reach into the new node's row, with their estimated sizes.
  const boxes: { x: number; y: number; width: number; height: number }[] = [];
  for (const n of map.nodes) {
    const p = n.position;
    if (!p || p.y >= candidate.y + NEW_HEIGHT || p.y + maxHeightOf(n) <= candidate.y) continue;
    boxes.push({ ...p, ...estimateNodeSize(n) });
  }
  const overlaps = (x: number) =>
    boxes.some(
      (b) =>
        x < b.x + b.width + GAP_X / 2 &&
        x + NODE_WIDTH + GAP_X / 2 > b.x &&
        candidate.y < b.y + b.height &&
        candidate.y + NEW_HEIGHT > b.y,
    );
  for (let step = 0; step < 200 && overlaps(candidate.x); step++) candidate.x += NODE_WIDTH + GAP_X;
  return candidate;
}
