/** Queries over a map's graph: premises, branches, and what folding or focusing leaves visible. */
import type { ArgMap } from './schema';

/** node id → ids of the nodes with an edge into it (its premises, attackers, elaborations). */
export function incoming(map: Pick<ArgMap, 'edges'>): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const edge of map.edges) {
    const list = index.get(edge.to);
    if (list) list.push(edge.from);
    else index.set(edge.to, [edge.from]);
  }
  return index;
}

/** Every node that reaches `rootId` by following edges forward (not including the root). */
export function premisesOf(
  map: Pick<ArgMap, 'edges'>,
  rootId: string,
  index = incoming(map),
): Set<string> {
  const seen = new Set<string>();
  const stack = [rootId];
  while (stack.length) {
    const id = stack.pop()!;
    for (const from of index.get(id) ?? []) {
      if (from !== rootId && !seen.has(from)) {
        seen.add(from);
        stack.push(from);
      }
    }
  }
  return seen;
}

/**
 * The nodes to hide: the premises of folded nodes, and everything outside the focused branch.
 * Also returns, per folded node, how many nodes its fold hides.
 */
export function hiddenNodes(
  map: Pick<ArgMap, 'nodes' | 'edges'>,
  folded: readonly string[],
  focus: string | null,
): { hidden: Set<string>; foldCounts: Map<string, number> } {
  const index = incoming(map);
  const hidden = new Set<string>();
  const foldCounts = new Map<string, number>();
  const ids = new Set(map.nodes.map((n) => n.id));
  if (focus && ids.has(focus)) {
    const branch = premisesOf(map, focus, index);
    branch.add(focus);
    for (const id of ids) if (!branch.has(id)) hidden.add(id);
  }
  for (const id of folded) {
    if (!ids.has(id) || hidden.has(id)) continue;
    const premises = premisesOf(map, id, index);
    let count = 0;
    for (const p of premises) {
      if (!hidden.has(p)) count++;
      hidden.add(p);
    }
    foldCounts.set(id, count);
  }
  return { hidden, foldCounts };
}
