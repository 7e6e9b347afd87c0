/**
 * The map as an indented tree, for the outline view: conclusions and other nodes that bear on
 * nothing are the roots, and under each node are the nodes with an edge into it (its premises,
 * attackers and elaborations). A node with several parents appears under each; every appearance
 * after the first is a repeat whose subtree is not expanded again, so cycles end and nothing is
 * listed twice in full.
 */
import { RELATIONS, type Relation } from './vocabulary';
import type { ArgEdge, ArgMap, ArgNode } from './schema';

/** One row of the outline: a node's appearance at one place in the tree. */
export interface OutlineItem {
  /** Unique among the items: `root:<node id>` for a root, else the id of the edge it hangs by. */
  key: string;
  nodeId: string;
  /** 0 for a root, its parent's depth + 1 below. */
  depth: number;
  /** How the node bears on its parent; null for a root. */
  relation: Relation | null;
  /** The edge from this node to its parent; null for a root. */
  edgeId: string | null;
  /** The key of the parent item; null for a root. */
  parentKey: string | null;
  /** The node already appeared earlier in the outline; its subtree is shown there. */
  repeat: boolean;
  /** How many items are directly under this one (0 for a repeat). */
  childCount: number;
}

const relationRank: Record<Relation, number> = Object.fromEntries(
  RELATIONS.map((r, i) => [r, i]),
) as Record<Relation, number>;

/** The edges into each node, supports first, then attacks, then elaborates, each in map order. */
export function childEdges(map: Pick<ArgMap, 'edges'>): Map<string, ArgEdge[]> {
  const into = new Map<string, ArgEdge[]>();
  for (const edge of map.edges) {
    const list = into.get(edge.to);
    if (list) list.push(edge);
    else into.set(edge.to, [edge]);
  }
  // Array.prototype.sort is stable, so edges of one relation keep their map order.
  for (const list of into.values()) {
    list.sort((a, b) => relationRank[a.relation] - relationRank[b.relation]);
  }
  return into;
}

/** The roots: nodes with no outgoing edge, conclusions first, then the others in map order. */
export function outlineRoots(map: Pick<ArgMap, 'nodes' | 'edges'>): ArgNode[] {
  const hasParent = new Set(map.edges.map((e) => e.from));
  const roots = map.nodes.filter((n) => !hasParent.has(n.id));
  return [
    ...roots.filter((n) => n.kind === 'conclusion'),
    ...roots.filter((n) => n.kind !== 'conclusion'),
  ];
}

/**
 * The whole outline in document order (depth first, each item before the items under it). Nodes
 * no root reaches (they lie on a cycle, or only under one) are added as further roots, first in
 * map order first, so every node appears at least once.
 */
export function buildOutline(map: Pick<ArgMap, 'nodes' | 'edges'>): OutlineItem[] {
  const into = childEdges(map);
  const nodeIds = new Set(map.nodes.map((n) => n.id));
  const seen = new Set<string>();
  const items: OutlineItem[] = [];

  // An explicit stack, not recursion: a long chain of premises must not overflow the call stack.
  type Pending = Omit<OutlineItem, 'repeat' | 'childCount'>;
  const expand = (root: Pending) => {
    const stack: Pending[] = [root];
    while (stack.length) {
      const next = stack.pop()!;
      const repeat = seen.has(next.nodeId);
      const children = repeat
        ? []
        : (into.get(next.nodeId) ?? []).filter((e) => nodeIds.has(e.from));
      seen.add(next.nodeId);
      items.push({ ...next, repeat, childCount: children.length });
      for (let i = children.length - 1; i >= 0; i--) {
        const edge = children[i]!;
        stack.push({
          key: edge.id,
          nodeId: edge.from,
          depth: next.depth + 1,
          relation: edge.relation,
          edgeId: edge.id,
          parentKey: next.key,
        });
      }
    }
  };
  const rootItem = (node: ArgNode): Pending => ({
    key: `root:${node.id}`,
    nodeId: node.id,
    depth: 0,
    relation: null,
    edgeId: null,
    parentKey: null,
  });

  for (const root of outlineRoots(map)) expand(rootItem(root));
  for (const node of map.nodes) if (!seen.has(node.id)) expand(rootItem(node));
  return items;
}

/** The items shown when the items with a key in `collapsed` have their subtrees hidden. */
export function visibleItems(
  items: readonly OutlineItem[],
  collapsed: ReadonlySet<string>,
): OutlineItem[] {
  const shown: OutlineItem[] = [];
  let hideBelow: number | null = null;
  for (const item of items) {
    if (hideBelow !== null) {
      if (item.depth > hideBelow) continue;
      hideBelow = null;
    }
    shown.push(item);
    if (item.childCount > 0 && collapsed.has(item.key)) hideBelow = item.depth;
  }
  return shown;
}

/** The items directly under the item with key `parentKey` (null: the roots), in order. */
export function siblingsOf(items: readonly OutlineItem[], parentKey: string | null): OutlineItem[] {
  return items.filter((i) => i.parentKey === parentKey);
}

/**
 * What a row shows for a node: its English rendering when labels are in English and it has one,
 * otherwise its short label (a later format version adds `label`), otherwise its text.
 */
export function outlineLabel(node: ArgNode, labelLanguage: 'source' | 'en'): string {
  if (labelLanguage === 'en' && node.translations?.en) return node.translations.en;
  const label = (node as { label?: unknown }).label;
  return typeof label === 'string' && label.trim() ? label : node.text;
}
