/**
 * What the canvas draws for the map's groups (sections): a frame around each group's shown
 * members, or, for a collapsed group, one box standing in for all of them, with the edges that
 * leave it re-attached to the box (deduplicated, counted). Pure, so it is tested without a DOM.
 */
import type { ArgEdge, ArgMap, Group, Relation } from '../../model/schema';
import { groupFrames } from '../../layout/frames';
import type { Rect } from '../../layout/geometry';

/** The size of a collapsed group's box. */
export const COLLAPSED_SIZE = { width: 240, height: 76 };

/** The flow node id of a collapsed group's box (edges attach to it). */
export const groupNodeId = (groupId: string) => `group:${groupId}`;
/**
 * The flow node id of a group's frame: another node than the box, so that collapsing makes a new
 * node React Flow measures with its handles.
 */
export const frameNodeId = (groupId: string) => `frame:${groupId}`;

export interface Collapsing {
  /** Node id → the collapsed group (the outermost collapsed one around it) that stands in for it. */
  standIn: Map<string, string>;
  /** Collapsed group → how many of its nodes it stands in for. */
  counts: Map<string, number>;
  /** Groups inside a collapsed group: drawn neither as frames nor as boxes. */
  buried: Set<string>;
}

/** Which nodes collapsed groups hide (`hidden`: nodes already hidden by a fold or focus). */
export function collapsing(
  map: Pick<ArgMap, 'nodes' | 'groups'>,
  hidden: ReadonlySet<string>,
): Collapsing {
  const groups = map.groups ?? [];
  const byId = new Map(groups.map((g) => [g.id, g]));
  // The outermost collapsed group around each group (itself included), if any.
  const outer = new Map<string, string | undefined>();
  const outermost = (id: string): string | undefined => {
    if (outer.has(id)) return outer.get(id);
    outer.set(id, undefined); // a cycle (only in an invalid map) ends here
    const g = byId.get(id);
    const above = g?.parent && byId.has(g.parent) ? outermost(g.parent) : undefined;
    const result = above ?? (g?.collapsed ? id : undefined);
    outer.set(id, result);
    return result;
  };
  const standIn = new Map<string, string>();
  const counts = new Map<string, number>();
  for (const n of map.nodes) {
    if (!n.group || hidden.has(n.id) || !byId.has(n.group)) continue;
    const g = outermost(n.group);
    if (g === undefined) continue;
    standIn.set(n.id, g);
    counts.set(g, (counts.get(g) ?? 0) + 1);
  }
  const buried = new Set<string>();
  for (const g of groups) {
    const o = outermost(g.id);
    if (o !== undefined && o !== g.id) buried.add(g.id);
  }
  return { standIn, counts, buried };
}

/** An edge as the canvas draws it: a map edge, or several re-attached to a collapsed box. */
export interface ShownEdge extends ArgEdge {
  /** How many map edges it stands for (1: a map edge as it is). */
  count?: number;
}

const merged = new Map<string, ShownEdge>();

/**
 * The edges with ends inside collapsed groups re-attached to the groups' boxes: one edge per
 * pair of ends (the first's relation), edges inside one box dropped. Unchanged edges keep their
 * objects, and a merged edge its object while it stays the same, so React Flow redraws nothing.
 */
export function collapseEdges(
  edges: readonly ArgEdge[],
  standIn: ReadonlyMap<string, string>,
): ShownEdge[] {
  if (!standIn.size) return edges as ShownEdge[];
  const out: ShownEdge[] = [];
  const pairs = new Map<string, { from: string; to: string; relation: Relation; count: number }>();
  for (const e of edges) {
    const f = standIn.get(e.from);
    const t = standIn.get(e.to);
    if (f === undefined && t === undefined) {
      out.push(e);
      continue;
    }
    const from = f === undefined ? e.from : groupNodeId(f);
    const to = t === undefined ? e.to : groupNodeId(t);
    if (from === to) continue;
    const key = `${from}>${to}`;
    const pair = pairs.get(key);
    if (pair) pair.count++;
    else pairs.set(key, { from, to, relation: e.relation, count: 1 });
  }
  for (const [key, pair] of pairs) {
    const id = `merged:${key}`;
    let edge = merged.get(id);
    if (
      !edge ||
      edge.count !== pair.count ||
      edge.relation !== pair.relation ||
      edge.from !== pair.from ||
      edge.to !== pair.to
    ) {
      edge = { id, ...pair };
      merged.set(id, edge);
    }
    out.push(edge);
  }
  return out;
}

/** A group's title in the label language shown. */
export function groupTitle(group: Pick<Group, 'title' | 'translations'>, language: string): string {
  return (language !== 'source' && group.translations?.[language]) || group.title;
}

export interface GroupBox {
  group: Group;
  collapsed: boolean;
  box: Rect;
  /** How deep the group is (0: top level); frames are drawn outermost first. */
  depth: number;
  /** Collapsed: how many nodes the box stands for. */
  count: number;
}

/**
 * Every group's frame around its members' shown boxes (`boxes`: shown nodes, by id), and every
 * collapsed group's box where its frame's top-left corner would be (from `memberBoxes`, the
 * boxes its members would have when shown).
 */
export function groupBoxes(
  map: Pick<ArgMap, 'nodes' | 'groups'>,
  boxes: ReadonlyMap<string, Rect>,
  c: Collapsing,
  memberBoxes: (nodeId: string) => Rect | undefined,
): GroupBox[] {
  const groups = map.groups ?? [];
  if (!groups.length) return [];
  const byId = new Map(groups.map((g) => [g.id, g]));
  const depthOf = (g: Group): number => {
    let depth = 0;
    const seen = new Set<string>();
    for (let p = g.parent; p && byId.has(p) && !seen.has(p); p = byId.get(p)!.parent) {
      seen.add(p);
      depth++;
    }
    return depth;
  };
  // Boxes of collapsed groups, from their members' would-be boxes.
  const collapsedBoxes = new Map<string, Rect>();
  if (c.counts.size) {
    const hiddenBoxes = new Map<string, Rect>();
    for (const id of c.standIn.keys()) {
      const box = memberBoxes(id);
      if (box) hiddenBoxes.set(id, box);
    }
    const frames = groupFrames(map, hiddenBoxes);
    for (const id of c.counts.keys()) {
      const f = frames.get(id);
      if (f) collapsedBoxes.set(id, { x: f.x, y: f.y, ...COLLAPSED_SIZE });
    }
  }
  // Frames of the expanded groups, around shown nodes and the collapsed boxes inside them.
  const shown = new Map(boxes);
  for (const [id, box] of collapsedBoxes) shown.set(groupNodeId(id), box);
  const frameInput = {
    groups: groups.filter((g) => !c.buried.has(g.id)),
    nodes: [
      ...map.nodes.filter((n) => !c.standIn.has(n.id)),
      // A collapsed group's box sits in its parent's frame.
      ...[...collapsedBoxes.keys()].map((id) => ({
        id: groupNodeId(id),
        group: byId.get(id)!.parent,
      })),
    ].map((n) => ({ id: n.id, group: n.group && c.counts.has(n.group) ? undefined : n.group })),
  };
  const frames = groupFrames(frameInput, shown);
  const out: GroupBox[] = [];
  for (const g of groups) {
    if (c.buried.has(g.id)) continue;
    const collapsedBox = collapsedBoxes.get(g.id);
    if (collapsedBox) {
      out.push({
        group: g,
        collapsed: true,
        box: collapsedBox,
        depth: depthOf(g),
        count: c.counts.get(g.id)!,
      });
      continue;
    }
    const frame = frames.get(g.id);
    if (frame && !c.counts.has(g.id))
      out.push({ group: g, collapsed: false, box: frame, depth: depthOf(g), count: 0 });
  }
  return out.sort((a, b) => a.depth - b.depth);
}
