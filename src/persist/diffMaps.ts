/**
 * What changed between two versions of a map, record by record. Model operations share every
 * untouched node and edge object between versions, so identity tells what changed: the diff is
 * linear in the map's size and never compares contents.
 */
import type { ArgEdge, ArgMap, ArgNode, Source } from '../model/schema';

/** The map's own fields, stored together in its map record. */
export const RECORD_FIELDS = ['title', 'tours', 'groups', 'comments', 'updatedAt'] as const;
export type RecordFields = Partial<Pick<ArgMap, (typeof RECORD_FIELDS)[number]>>;

export interface MapChanges {
  mapId: string;
  /** The map's own fields that changed (a key present with `undefined`: removed). */
  fields?: RecordFields;
  /** All sources, when any changed (sources change rarely and are few). */
  sources?: readonly Source[];
  putNodes: { node: ArgNode; order: number }[];
  deleteNodes: string[];
  putEdges: { edge: ArgEdge; order: number }[];
  deleteEdges: string[];
}

/**
 * The stored sort key of each node and edge. Keys need not be contiguous: removing a record leaves
 * a gap instead of renumbering (and rewriting) every record after it.
 */
export interface StoredOrder {
  nodes: Map<string, number>;
  edges: Map<string, number>;
}

/** The sort keys of a map just loaded or stored whole (its list positions). */
export function orderOf(map: ArgMap): StoredOrder {
  return {
    nodes: new Map(map.nodes.map((n, i) => [n.id, i])),
    edges: new Map(map.edges.map((e, i) => [e.id, i])),
  };
}

/** The changes from `before` to `after`; updates `order` to what will then be stored. */
export function diffMaps(before: ArgMap, after: ArgMap, order: StoredOrder): MapChanges {
  const changes: MapChanges = {
    mapId: after.id,
    putNodes: [],
    deleteNodes: [],
    putEdges: [],
    deleteEdges: [],
  };
  for (const key of RECORD_FIELDS) {
    if (before[key] !== after[key]) changes.fields = { ...changes.fields, [key]: after[key] };
  }
  if (before.sources !== after.sources) changes.sources = after.sources;
  diffList(
    before.nodes,
    after.nodes,
    order.nodes,
    (node, o) => changes.putNodes.push({ node, order: o }),
    (id) => changes.deleteNodes.push(id),
  );
  diffList(
    before.edges,
    after.edges,
    order.edges,
    (edge, o) => changes.putEdges.push({ edge, order: o }),
    (id) => changes.deleteEdges.push(id),
  );
  return changes;
}

/**
 * Puts records that are new or changed, deletes ids that are gone. A record keeps its sort key
 * while the list keeps its order; a new one gets a key after its predecessor's. Only if the list
 * was reordered are the keys of the whole list rewritten.
 */
function diffList<T extends { id: string }>(
  before: readonly T[],
  after: readonly T[],
  keys: Map<string, number>,
  put: (item: T, order: number) => void,
  remove: (id: string) => void,
) {
  if (before === after) return;
  const old = new Map(before.map((item) => [item.id, item]));
  const stillThere = new Set(after.map((item) => item.id));
  for (const item of before) {
    if (!stillThere.has(item.id)) {
      remove(item.id);
      keys.delete(item.id);
    }
  }
  let previousKey = -Infinity;
  let inOrder = true;
  for (const item of after) {
    const key = keys.get(item.id);
    if (key === undefined) continue;
    if (key <= previousKey) inOrder = false;
    previousKey = key;
  }
  if (!inOrder) {
    after.forEach((item, i) => {
      keys.set(item.id, i);
      put(item, i);
    });
    return;
  }
  let lastKey = -1;
  after.forEach((item, i) => {
    let key = keys.get(item.id);
    if (key === undefined) {
      const nextKnown = after.slice(i + 1).find((next) => keys.has(next.id));
      const upper = nextKnown ? keys.get(nextKnown.id)! : lastKey + 2;
      key = (lastKey + upper) / 2;
      keys.set(item.id, key);
      put(item, key);
    } else if (old.get(item.id) !== item) {
      put(item, key);
    }
    lastKey = key;
  });
}

export function isEmpty(changes: MapChanges): boolean {
  return (
    !changes.fields &&
    !changes.sources &&
    !changes.putNodes.length &&
    !changes.deleteNodes.length &&
    !changes.putEdges.length &&
    !changes.deleteEdges.length
  );
}
