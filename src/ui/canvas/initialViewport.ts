/**
 * The view a map opens on, computed before React Flow's first render from the nodes' saved
 * positions and estimated sizes, so the first frame already shows the right place: the whole map
 * fitted into the part of the canvas the legend, minimap and controls leave free (their sizes
 * estimated, see {@link estimatedCovers}); above {@link OVERVIEW_LIMIT} nodes, the first stop of
 * the first tour (or the first conclusion) at 75 % with what surrounds it, since an overview would
 * render every node in the first frame. (React Flow's `fitView` would first render every node at the
 * default view to measure it, then move.)
 */
import { getViewportForBounds, type Viewport } from '@xyflow/react';
import type { ArgMap, ArgNode } from '../../model/schema';
import { firstTourSteps } from '../../model/tours';
import { estimateNodeSize } from '../../layout/layout';
import type { ArgFlowNode } from './ArgNodeView';
import { boundsOf, freeRect, type Box } from './freeArea';
import { overviewViewport } from './overview';
import { mainConclusions } from './cardLabel';

export { boundsOf };

/** React Flow's default fitView padding. */
const PADDING = 0.1;
/** Low enough that any map fits. */
export const MIN_ZOOM = 0.005;
/** Up to this many nodes a map opens on its overview. */
export const OVERVIEW_LIMIT = 500;

/**
 * Where the panels over the canvas will be before they exist, from their CSS sizes: the legend
 * (top right, open), the minimap (bottom right) and the zoom controls (bottom left), each 15 px
 * from the edges. Measured at 1440×900 in Chromium; an estimate a little large errs on the safe
 * side.
 */
export function estimatedCovers(
  width: number,
  height: number,
  miniMap: { width: number; height: number },
): Box[] {
  const M = 15;
  return [
    { x: width - M - 150, y: M, width: 150, height: 262 },
    {
      x: width - M - miniMap.width - 2,
      y: height - M - miniMap.height - 2,
      width: miniMap.width + 2,
      height: miniMap.height + 2,
    },
    { x: M, y: height - M - 112, width: 28, height: 112 },
  ];
}

function flowBox(n: ArgNode, i: number): Box {
  // As flowNodes.ts places a node without a saved position.
  const p = n.position ?? { x: (i % 8) * 280, y: Math.floor(i / 8) * 160 };
  return { ...p, ...estimateNodeSize(n) };
}

export function initialViewport(
  map: Pick<ArgMap, 'nodes' | 'edges' | 'tours'>,
  hidden: ReadonlySet<string>,
  width: number,
  height: number,
  covers: readonly Box[] = [],
): Viewport {
  if (width <= 0 || height <= 0) return { x: 0, y: 0, zoom: 1 };
  const start = firstTourSteps(map)[0] ?? map.nodes.find((n) => n.kind === 'conclusion')?.id;
  if (start !== undefined && map.nodes.length > OVERVIEW_LIMIT && !hidden.has(start)) {
    const i = map.nodes.findIndex((n) => n.id === start);
    const bounds = flowBox(map.nodes[i]!, i);
    return getViewportForBounds(bounds, width, height, 0.75, 0.75, PADDING);
  }
  const main = mainConclusions(map);
  const boxes: Box[] = [];
  const titled: { box: Box; chars: number }[] = [];
  map.nodes.forEach((n, i) => {
    if (hidden.has(n.id)) return;
    const box = flowBox(n, i);
    boxes.push(box);
    // The title shown: the thesis's short label where it has one, else its text (either label
    // language may be shown: room for the longer).
    const chars = n.label?.trim()
      ? [...n.label.trim()].length
      : Math.max([...n.text].length, [...(n.translations?.en ?? '')].length);
    if (main.has(n.id)) titled.push({ box, chars });
  });
  const bounds = boundsOf(boxes);
  if (!bounds) return { x: 0, y: 0, zoom: 1 };
  const area = { x: 0, y: 0, width, height };
  const free = freeRect(area, covers, bounds.width / Math.max(bounds.height, 1));
  return overviewViewport(boxes, titled, free, { maxZoom: 1 }) ?? { x: 0, y: 0, zoom: 1 };
}

type Sized = Pick<
  ArgFlowNode,
  'position' | 'width' | 'height' | 'measured' | 'initialWidth' | 'initialHeight'
>;

/** A flow node's box: its given size (nodeSize), else measured, else estimated. */
export function boxOf(n: Sized): Box {
  return {
    ...n.position,
    width: n.width ?? n.measured?.width ?? n.initialWidth ?? 0,
    height: n.height ?? n.measured?.height ?? n.initialHeight ?? 0,
  };
}

/**
 * The viewport that shows `nodes` (measured sizes where the browser has them, estimated ones
 * elsewhere). React Flow's own fitView waits until every node has been measured, which with
 * on-screen-only rendering never happens for nodes far away.
 */
export function viewportFor(
  nodes: readonly Sized[],
  width: number,
  height: number,
  { minZoom = MIN_ZOOM, maxZoom = 2, padding = PADDING } = {},
): Viewport | null {
  if (width <= 0 || height <= 0) return null;
  const bounds = boundsOf(nodes.map(boxOf));
  return bounds && getViewportForBounds(bounds, width, height, minZoom, maxZoom, padding);
}
