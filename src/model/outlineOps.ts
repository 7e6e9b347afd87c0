/**
 * Restructuring a map from its outline: hang a node under another (re-attach its edge), move it
 * up a level, reorder it among its siblings. Each returns a new map sharing every untouched record,
 * or the map itself, unchanged, when the move is impossible or would make a self-edge, a second
 * edge between the same two nodes, or a cycle.
 */
import type { ArgMap } from './schema';
import { siblingsOf, type OutlineItem } from './outline';

/** Whether `target` can be reached from `start` by following edges from → to, skipping one. */
function reaches(map: ArgMap, start: string, target: string, skipEdgeId: string): boolean {
  const out = new Map<string, string[]>();
  for (const e of map.edges) {
    if (e.id === skipEdgeId) continue;
    const list = out.get(e.from);
    if (list) list.push(e.to);
    else out.set(e.from, [e.to]);
  }
  const seen = new Set<string>([start]);
  const stack = [start];
  while (stack.length) {
    const id = stack.pop()!;
    if (id === target) return true;
    for (const next of out.get(id) ?? []) {
      if (!seen.has(next)) {
        seen.add(next);
        stack.push(next);
      }
    }
  }
  return false;
}

/** Points edge `edgeId` at node `to` (same `from`, same relation, note and rating). */
export function reattachEdge(map: ArgMap, edgeId: string, to: string): ArgMap {
  const edge = map.edges.find((e) => e.id === edgeId);
  if (!edge || edge.to === to || edge.from === to) return map;
  if (!map.nodes.some((n) => n.id === to)) return map;
  if (map.edges.some((e) => e.from === edge.from && e.to === to)) return map;
  // The new edge from → to closes a cycle if `to` already leads to `from`.
  if (reaches(map, to, edge.from, edgeId)) return map;
  return { ...map, edges: map.edges.map((e) => (e.id === edgeId ? { ...e, to } : e)) };
}

/** Swaps the places of two edges in `map.edges` (the order of siblings in the outline). */
export function swapEdges(map: ArgMap, a: string, b: string): ArgMap {
  const i = map.edges.findIndex((e) => e.id === a);
  const j = map.edges.findIndex((e) => e.id === b);
  if (i < 0 || j < 0 || i === j) return map;
  const edges = [...map.edges];
  [edges[i], edges[j]] = [edges[j]!, edges[i]!];
  return { ...map, edges };
}

function itemByKey(items: readonly OutlineItem[], key: string): OutlineItem | undefined {
  return items.find((i) => i.key === key);
}

/** Tab: the item's node goes under its previous sibling, by the same relation. */
export function indentItem(map: ArgMap, items: readonly OutlineItem[], key: string): ArgMap {
  const item = itemByKey(items, key);
  if (!item?.edgeId) return map;
  const siblings = siblingsOf(items, item.parentKey);
  const previous = siblings[siblings.indexOf(item) - 1];
  if (!previous) return map;
  return reattachEdge(map, item.edgeId, previous.nodeId);
}

/** Shift+Tab: the item's node goes under its parent's parent, by the same relation. */
export function outdentItem(map: ArgMap, items: readonly OutlineItem[], key: string): ArgMap {
  const item = itemByKey(items, key);
  if (!item?.edgeId || !item.parentKey) return map;
  const parent = itemByKey(items, item.parentKey);
  const grandparent = parent?.parentKey ? itemByKey(items, parent.parentKey) : undefined;
  if (!grandparent) return map;
  return reattachEdge(map, item.edgeId, grandparent.nodeId);
}

/**
 * Alt+↑ (-1) / Alt+↓ (+1): swaps the item with its neighbouring sibling. Siblings are grouped by
 * relation, so only a neighbour of the same relation can change places with it.
 */
export function moveItem(
  map: ArgMap,
  items: readonly OutlineItem[],
  key: string,
  direction: -1 | 1,
): ArgMap {
  const item = itemByKey(items, key);
  if (!item?.edgeId) return map;
  const siblings = siblingsOf(items, item.parentKey);
  const other = siblings[siblings.indexOf(item) + direction];
  if (!other?.edgeId || other.relation !== item.relation) return map;
  return swapEdges(map, item.edgeId, other.edgeId);
}
