/**
 * The map's nodes as React Flow nodes. An edit replaces only the model nodes it touched (the
 * others keep their identity), so {@link updateFlowNodes} rebuilds only those flow nodes and
 * hands React Flow the same objects for the rest; {@link deriveFlowNodes} is the full pass, for
 * when what every node shows may have changed (selection, filters, folds, label language…).
 */
import type { ArgNode, NodeKind, Position as XY } from '../../model/schema';
import { passesFilter } from '../../model/search';
import { nodeSize } from '../../layout/nodeSize';
import { Position } from '@xyflow/react';
import type { ArgFlowNode, ArgNodeData } from './ArgNodeView';
import { cardLabel } from './cardLabel';

/** Everything besides the node itself that decides how a node is drawn. */
export interface NodeContext {
  selected: ReadonlySet<string>;
  labelLanguage: string;
  hidden: ReadonlySet<string>;
  foldCounts: ReadonlyMap<string, number>;
  /** Ids matching the search; null: no search. */
  matches: ReadonlySet<string> | null;
  kindFilter: readonly NodeKind[];
  tagFilter: string | null;
  /** Sentences the pointer is over in the source pane. */
  hovered: readonly string[];
  /** The map's main conclusions (see cardLabel.ts). */
  main: ReadonlySet<string>;
  /** Positions shown instead of the saved ones (a focused branch laid out on its own). */
  displayPositions: Readonly<Record<string, XY>> | null;
}

function dataFor(node: ArgNode, c: NodeContext): ArgNodeData {
  const filtering = c.kindFilter.length > 0 || c.tagFilter !== null;
  const label = (c.labelLanguage === 'en' && node.translations?.en) || node.text;
  return {
    node,
    label,
    short: cardLabel(node, label),
    main: c.main.has(node.id),
    foldCount: c.foldCounts.get(node.id) ?? 0,
    dimmed:
      (c.matches !== null && !c.matches.has(node.id)) ||
      (filtering && !passesFilter(node, c.kindFilter, c.tagFilter)),
    unanchored: node.tags?.includes('unanchored') ?? false,
    linked: c.hovered.length > 0 && node.refs.some((r) => c.hovered.includes(r.sentence)),
  };
}

function sameData(a: ArgNodeData, b: ArgNodeData) {
  return (
    a.node === b.node &&
    a.label === b.label &&
    a.short === b.short &&
    a.main === b.main &&
    a.foldCount === b.foldCount &&
    a.dimmed === b.dimmed &&
    a.unanchored === b.unanchored &&
    a.linked === b.linked
  );
}

function toFlowNode(
  node: ArgNode,
  index: number,
  previous: ArgFlowNode | undefined,
  c: NodeContext,
): ArgFlowNode {
  const data = dataFor(node, c);
  const selected = c.selected.has(node.id);
  const position = c.displayPositions?.[node.id] ??
    node.position ?? { x: (index % 8) * 280, y: Math.floor(index / 8) * 160 };
  if (
    previous &&
    sameData(previous.data, data) &&
    previous.selected === selected &&
    previous.position.x === position.x &&
    previous.position.y === position.y
  )
    return previous;
  // The box the layout made room for (nodeSize: one size function for layout, canvas and
  // exports), given to React Flow up front so it never has to measure a node to place it or
  // its edges; a folded node's count line adds to it.
  const size =
    previous?.width !== undefined &&
    previous.data.label === data.label &&
    previous.data.node.kind === node.kind &&
    previous.data.foldCount > 0 === data.foldCount > 0
      ? { width: previous.width, height: previous.height! }
      : boxSize(node, data);
  const next: ArgFlowNode = {
    ...previous,
    id: node.id,
    type: 'arg',
    position,
    data,
    selected,
    // Above its neighbours: the main conclusion's overview title overhangs its box.
    zIndex: data.main ? 1 : 0,
    width: size.width,
    height: size.height,
    initialWidth: size.width,
    initialHeight: size.height,
  };
  // Until the browser has measured it, the node's handles where ArgNodeView puts them (6 px
  // circles centred on the top and bottom edges). Without them React Flow renders every node
  // once, visible or not, to measure its handles: 5,000 DOM nodes when a big map opens.
  if (previous?.measured) delete next.handles;
  else next.handles = estimatedHandles(size.width, size.height);
  return next;
}

/** Height of the "+N folded" line under a folded node's text (.arg-node-fold). */
export const FOLD_LINE = 24;

function boxSize(node: ArgNode, data: ArgNodeData): { width: number; height: number } {
  const size = nodeSize(node, data.label);
  return data.foldCount > 0 ? { ...size, height: size.height + FOLD_LINE } : size;
}

const HANDLE = 6;

export function estimatedHandles(
  width: number,
  height: number,
): NonNullable<ArgFlowNode['handles']> {
  const x = width / 2 - HANDLE / 2;
  return [
    { type: 'source', position: Position.Top, x, y: -HANDLE / 2, width: HANDLE, height: HANDLE },
    {
      type: 'target',
      position: Position.Bottom,
      x,
      y: height - HANDLE / 2,
      width: HANDLE,
      height: HANDLE,
    },
  ];
}

/**
 * A node the browser has just measured no longer needs the estimated handles (React Flow would
 * otherwise keep preferring them to the measured ones).
 */
export function dropEstimatedHandles(
  nodes: ArgFlowNode[],
  measuredIds: ReadonlySet<string>,
): ArgFlowNode[] {
  if (!measuredIds.size) return nodes;
  return nodes.map((n) => {
    if (!n.handles || !measuredIds.has(n.id)) return n;
    const { handles: _estimated, ...rest } = n;
    return rest;
  });
}

/**
 * Every shown node, reusing the previous flow node wherever nothing it shows changed. With `order`
 * (each node's place in the outline), the flow nodes follow it: React Flow puts them in the
 * document, and so in the Tab order, in their array's order.
 */
export function deriveFlowNodes(
  nodes: readonly ArgNode[],
  c: NodeContext,
  previous: readonly ArgFlowNode[],
  order?: ReadonlyMap<string, number>,
): ArgFlowNode[] {
  const byId = new Map(previous.map((n) => [n.id, n]));
  const next: ArgFlowNode[] = [];
  nodes.forEach((node, i) => {
    if (!c.hidden.has(node.id)) next.push(toFlowNode(node, i, byId.get(node.id), c));
  });
  if (order) {
    const rank = (id: string) => order.get(id) ?? Number.MAX_SAFE_INTEGER;
    // Stable: nodes the order does not know keep their map order, after the others.
    next.sort((a, b) => rank(a.id) - rank(b.id));
  }
  return next;
}

/**
 * With the same context (and outline order) and the same nodes in the same order, only some of
 * them edited:
 * `previous` with the edited nodes' flow nodes replaced (identity checks only for the rest).
 * Null when the change is structural (nodes added, removed or reordered): use the full pass.
 */
export function updateFlowNodes(
  before: readonly ArgNode[],
  after: readonly ArgNode[],
  c: NodeContext,
  previous: readonly ArgFlowNode[],
): ArgFlowNode[] | null {
  if (before.length !== after.length) return null;
  let next: ArgFlowNode[] | null = null;
  for (let i = 0; i < after.length; i++) {
    const node = after[i]!;
    if (node === before[i]) continue;
    if (node.id !== before[i]!.id) return null;
    if (c.hidden.has(node.id)) continue;
    next ??= previous.slice();
    // Without hidden nodes the flow node sits at the same index; otherwise look for it.
    const at = next[i]?.id === node.id ? i : next.findIndex((n) => n.id === node.id);
    if (at < 0) return null;
    next[at] = toFlowNode(node, i, next[at], c);
  }
  return next ?? (previous as ArgFlowNode[]);
}
