/**
 * The view a map opens on, computed before React Flow's first render from the nodes' saved
 * positions and estimated sizes, so the first frame already shows the right place: the whole map
 * for a small one (at most 100 %), else the first tour's first stop (or the first conclusion) at 75 %
 * with what surrounds it, rather than a big map shrunk to illegible boxes. (React Flow's
 * `fitView` would first render every node at the default view to measure it, then move.)
 */
import { getViewportForBounds, type Viewport } from '@xyflow/react';
import type { ArgMap, ArgNode } from '../../model/schema';
import { firstTourSteps } from '../../model/tours';
import { estimateNodeSize } from '../../layout/layout';
import type { ArgFlowNode } from './ArgNodeView';

/** React Flow's default fitView padding. */
const PADDING = 0.1;

export function initialViewport(
  map: Pick<ArgMap, 'nodes' | 'tours'>,
  hidden: ReadonlySet<string>,
  width: number,
  height: number,
): Viewport {
  const index = new Map(map.nodes.map((n, i) => [n.id, i]));
  const start = firstTourSteps(map)[0] ?? map.nodes.find((n) => n.kind === 'conclusion')?.id;
  const shown = map.nodes.filter((n) => !hidden.has(n.id));
  const big = start !== undefined && map.nodes.length >= 40 && !hidden.has(start);
  const framed: ArgNode[] = big ? shown.filter((n) => n.id === start) : shown;
  if (!framed.length || width <= 0 || height <= 0) return { x: 0, y: 0, zoom: 1 };
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const n of framed) {
    const i = index.get(n.id)!;
    // As flowNodes.ts places a node without a saved position.
    const p = n.position ?? { x: (i % 8) * 280, y: Math.floor(i / 8) * 160 };
    const size = estimateNodeSize(n);
    minX = Math.min(minX, p.x);
    minY = Math.min(minY, p.y);
    maxX = Math.max(maxX, p.x + size.width);
    maxY = Math.max(maxY, p.y + size.height);
  }
  const bounds = { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
  return big
    ? getViewportForBounds(bounds, width, height, 0.75, 0.75, PADDING)
    : getViewportForBounds(bounds, width, height, 0.05, 1, PADDING);
}

/**
 * The viewport that shows `nodes` (measured sizes where the browser has them, estimated ones
 * elsewhere). React Flow's own fitView waits until every node has been measured, which with
 * on-screen-only rendering never happens for nodes far away.
 */
export function viewportFor(
  nodes: readonly Pick<ArgFlowNode, 'position' | 'measured' | 'initialWidth' | 'initialHeight'>[],
  width: number,
  height: number,
  { minZoom = 0.05, maxZoom = 2, padding = PADDING } = {},
): Viewport | null {
  if (!nodes.length || width <= 0 || height <= 0) return null;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const n of nodes) {
    minX = Math.min(minX, n.position.x);
    minY = Math.min(minY, n.position.y);
    maxX = Math.max(maxX, n.position.x + (n.measured?.width ?? n.initialWidth ?? 0));
    maxY = Math.max(maxY, n.position.y + (n.measured?.height ?? n.initialHeight ?? 0));
  }
  const bounds = { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
  return getViewportForBounds(bounds, width, height, minZoom, maxZoom, padding);
}
