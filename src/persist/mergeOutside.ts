/**
 * Merging records another tab wrote into a map this tab holds. The rule for two tabs editing the
 * same map: each record (node, edge, the map's own fields, its sources) is the unit; the version
 * written to IndexedDB last wins that record, and every other record keeps this tab's version. So
 * edits to different nodes never undo each other, and both tabs end with the same map.
 */
import type { ArgEdge, ArgMap, ArgNode, Source } from '../model/schema';
import { withoutDangling } from '../model/operations';
import type { StoredOrder } from './diffMaps';

/** A record as stored now (`null`: deleted), with its sort key. */
export type Stored<T> = { item: T; order: number } | null;

export interface OutsideRecords {
  fields?: Pick<ArgMap, 'title' | 'tours' | 'groups' | 'comments' | 'updatedAt'>;
  sources?: Source[];
  nodes: Map<string, Stored<ArgNode>>;
  edges: Map<string, Stored<ArgEdge>>;
}

/**
 * `map` with the outside records in place: changed ones replaced where they are, new ones put in
 * their stored order, deleted ones removed along with edges left without an end, tour steps
 * without a node and comments without a target. Untouched nodes and edges stay the same objects.
 */
export function mergeOutside(map: ArgMap, outside: OutsideRecords, order: StoredOrder): ArgMap {
  const nodes = mergeList(map.nodes, outside.nodes, order.nodes);
  const ids = new Set(nodes.map((n) => n.id));
  let edges = mergeList(map.edges, outside.edges, order.edges);
  if (edges.some((e) => !ids.has(e.from) || !ids.has(e.to)))
    edges = edges.filter((e) => ids.has(e.from) && ids.has(e.to));
  // Top-level fields writable so that fields the other tab removed can be deleted below.
  const merged: { -readonly [K in keyof ArgMap]: ArgMap[K] } = {
    ...map,
    ...outside.fields,
    ...(outside.sources ? { sources: outside.sources } : {}),
    nodes,
    edges,
  };
  if (outside.fields) {
    for (const key of ['groups', 'comments', 'updatedAt'] as const)
      if (outside.fields[key] === undefined) delete merged[key];
  }
  return withoutDangling(merged);
}

function mergeList<T extends { id: string }>(
  list: readonly T[],
  outside: Map<string, Stored<T>>,
  keys: Map<string, number>,
): T[] {
  if (outside.size === 0) return list as T[];
  const result = list.filter((item) => !outside.has(item.id) || outside.get(item.id));
  const at = new Map(result.map((item, i) => [item.id, i]));
  const added: { item: T; order: number }[] = [];
  for (const [id, stored] of outside) {
    if (!stored) continue;
    const index = at.get(id);
    if (index === undefined) added.push(stored);
    else result[index] = stored.item;
  }
  for (const { item, order } of added.sort((a, b) => a.order - b.order)) {
    // Before the first record stored after it; records this tab has not stored yet are skipped.
    let index = result.findIndex((other) => (keys.get(other.id) ?? -Infinity) > order);
    if (index < 0) index = result.length;
    result.splice(index, 0, item);
  }
  return result;
}
