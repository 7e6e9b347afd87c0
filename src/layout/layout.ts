/**
 * Automatic layout of a map: ELK's layered algorithm, top-down with conclusions on top (edges run
 * from premise up to what it supports). Pure: it takes an ELK instance, so the browser can hand
 * it one that runs in a Web Worker and Node one that runs in-process.
 */
import type { ELK, ElkNode } from 'elkjs/lib/elk-api';
import type { ArgMap, ArgNode, Position } from '../model/schema';

export interface Size {
  width: number;
  height: number;
}

/** Width every node is laid out with, in canvas pixels. */
export const NODE_WIDTH = 240;

/** A node's size before the browser has measured it: wrapped lines of its text at NODE_WIDTH. */
export function estimateNodeSize(node: Pick<ArgNode, 'text' | 'kind'>): Size {
  if (node.kind === 'inference') return { width: 36, height: 36 };
  let units = 0;
  for (const ch of node.text)
    units += /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]/.test(ch) ? 1 : 0.55;
  const perLine = (NODE_WIDTH - 24) / 14; // 14px font, 12px padding each side
  const lines = Math.max(1, Math.ceil(units / perLine));
  return { width: NODE_WIDTH, height: 40 + lines * 20 };
}

/** Above this many nodes, layout speed wins over keeping the model's order. */
export const MODEL_ORDER_LIMIT = 300;

export interface LayoutOptions {
  /** Measured sizes by node id; estimated where missing. */
  sizes?: Readonly<Record<string, Size>>;
}

/** Positions (top-left corners) for every node of the map. */
export async function layoutMap(
  elk: ELK,
  map: Pick<ArgMap, 'nodes' | 'edges'>,
  options: LayoutOptions = {},
): Promise<Record<string, Position>> {
  const ids = new Set(map.nodes.map((n) => n.id));
  // Following the map's node order keeps siblings where they were between runs, but makes ELK
  // several times slower on big maps (measured: 19 s instead of ~6 s at 1,000 nodes), so it is
  // used up to MODEL_ORDER_LIMIT nodes only.
  const modelOrder: Record<string, string> =
    map.nodes.length <= MODEL_ORDER_LIMIT
      ? { 'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES' }
      : { 'elk.layered.thoroughness': '3' };
  const graph: ElkNode = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'UP',
      'elk.spacing.nodeNode': '40',
      'elk.layered.spacing.nodeNodeBetweenLayers': '70',
      ...modelOrder,
      'elk.layered.crossingMinimization.forceNodeModelOrder': 'false',
      // The greedy switch pass after the layer sweep changed nothing on our maps (same layout)
      // but took ~40% of the crossing minimisation (measured at 1,000 nodes).
      'elk.layered.crossingMinimization.greedySwitch.type': 'OFF',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
      'elk.separateConnectedComponents': 'true',
      // Our boxes have fixed sizes and no labels or ports: ELK's per-node size and label pass
      // has nothing to do, yet cost ~0.7 s at 1,000 nodes.
      'elk.omitNodeMicroLayout': 'true',
    },
    children: map.nodes.map((n) => ({
      id: n.id,
      ...(options.sizes?.[n.id] ?? estimateNodeSize(n)),
    })),
    edges: map.edges
      .filter((e) => ids.has(e.from) && ids.has(e.to))
      .map((e) => ({ id: e.id, sources: [e.from], targets: [e.to] })),
  };
  const result = await elk.layout(graph);
  const positions: Record<string, Position> = {};
  for (const child of result.children ?? []) {
    positions[child.id] = { x: Math.round(child.x ?? 0), y: Math.round(child.y ?? 0) };
  }
  return positions;
}
