/**
 * How readable a drawn map is, in numbers: its proportions, how far parents sit from their
 * children, and the two lies a drawing must never tell — an edge through a box that is not one of
 * its ends, and boxes on top of each other. Used by the tests, the bench and the CLI's stats.
 */
import {
  type Point,
  type Rect,
  SpatialIndex,
  boundsOf,
  rectsOverlap,
  segmentCrossesRect,
} from './geometry';
import { NODE_WIDTH } from './nodeSize';

export interface DrawingMetrics {
  width: number;
  height: number;
  /** Median length of the drawn edges, in node widths (240 px). */
  medianEdgeLength: number;
  /** Edges whose route passes through a box other than its two ends: `edge/node`. */
  edgeCrossings: string[];
  /** Pairs of boxes that overlap: `a/b`. */
  overlaps: string[];
}

/** Measures a drawing: node boxes by id, and each edge's route with its two ends. */
export function measureDrawing(
  boxes: ReadonlyMap<string, Rect>,
  edges: readonly { id: string; from: string; to: string; points: readonly Point[] }[],
): DrawingMetrics {
  const bounds = boundsOf(boxes.values()) ?? { x: 0, y: 0, width: 0, height: 0 };
  const index = new SpatialIndex<string>();
  for (const [id, box] of boxes) index.add(id, box);
  const edgeCrossings: string[] = [];
  const lengths: number[] = [];
  for (const e of edges) {
    let length = 0;
    const ends = new Set([e.from, e.to]);
    const crossed = new Set<string>();
    for (let i = 1; i < e.points.length; i++) {
      const a = e.points[i - 1]!;
      const b = e.points[i]!;
      length += Math.hypot(b.x - a.x, b.y - a.y);
      const area = {
        x: Math.min(a.x, b.x),
        y: Math.min(a.y, b.y),
        width: Math.abs(a.x - b.x),
        height: Math.abs(a.y - b.y),
      };
      for (const hit of index.query(area)) {
        if (ends.has(hit.key) || crossed.has(hit.key)) continue;
        if (segmentCrossesRect(a, b, hit.rect)) crossed.add(hit.key);
      }
    }
    for (const id of crossed) edgeCrossings.push(`${e.id}/${id}`);
    lengths.push(length / NODE_WIDTH);
  }
  lengths.sort((a, b) => a - b);
  const median = lengths.length
    ? lengths.length % 2
      ? lengths[(lengths.length - 1) / 2]!
      : (lengths[lengths.length / 2 - 1]! + lengths[lengths.length / 2]!) / 2
    : 0;
  const overlaps: string[] = [];
  for (const [id, box] of boxes)
    for (const hit of index.query(box))
      if (hit.key > id && rectsOverlap(box, hit.rect)) overlaps.push(`${id}/${hit.key}`);
  return {
    width: bounds.width,
    height: bounds.height,
    medianEdgeLength: Math.round(median * 100) / 100,
    edgeCrossings,
    overlaps,
  };
}
