/**
 * Groups: the sections of an argument, shown as labelled frames. A node belongs to at most one
 * group (`node.group`); a group may sit inside another (`group.parent`). Pure edits, like
 * `operations.ts`: each returns a new map that shares every untouched node, and refuses what
 * would break a rule of the contract with an {@link OperationError}. Removing a node leaves its
 * group in place, even empty.
 */
import { nextId } from './ids';
import { OperationError } from './operations';
import type { ArgMap, ArgNode, Group } from './schema';

function requireGroup(map: ArgMap, id: string): Group {
  const group = map.groups?.find((g) => g.id === id);
  if (!group) throw new OperationError('opNoGroup', id);
  return group;
}

function replaceGroup(map: ArgMap, id: string, next: Group): ArgMap {
  return { ...map, groups: (map.groups ?? []).map((g) => (g.id === id ? next : g)) };
}

/** `node` in group `group` (or in none), the same object if that is where it already is. */
function withGroup(node: ArgNode, group: string | undefined): ArgNode {
  if (node.group === group) return node;
  const { group: _old, ...rest } = node;
  return group === undefined ? rest : { ...rest, group };
}

/** The ids of the groups around `groupId`, outermost first, ending with `groupId` itself. */
function ancestry(map: Pick<ArgMap, 'groups'>, groupId: string | undefined): string[] {
  return ancestryIn(parentsOf(map), groupId);
}

function parentsOf(map: Pick<ArgMap, 'groups'>): Map<string, string | undefined> {
  return new Map((map.groups ?? []).map((g) => [g.id, g.parent]));
}

function ancestryIn(
  parentOf: ReadonlyMap<string, string | undefined>,
  groupId: string | undefined,
): string[] {
  const path: string[] = [];
  for (let at = groupId; at !== undefined && parentOf.has(at); at = parentOf.get(at)) {
    if (path.includes(at)) break; // a cycle (only in an invalid map): stop rather than loop
    path.unshift(at);
  }
  return path;
}

/**
 * The section a group belongs to: its outermost enclosing group (itself at the top level). For
 * many lookups: the groups are indexed once.
 */
export function sectionOfGroup(
  map: Pick<ArgMap, 'groups'>,
): (groupId: string | undefined) => string | undefined {
  const parentOf = parentsOf(map);
  return (groupId) => ancestryIn(parentOf, groupId)[0];
}

/** A top-level group and the nodes in it (at any depth), in map order. */
export interface Section {
  readonly group: Group;
  readonly nodeIds: readonly string[];
}

/**
 * The map's sections: its top-level groups, each with the nodes inside it at any depth (those
 * with none left out), in the groups' order.
 */
export function sectionsOf(map: Pick<ArgMap, 'groups' | 'nodes'>): Section[] {
  const groups = map.groups ?? [];
  const ids = new Set(groups.map((g) => g.id));
  const top = groups.filter((g) => g.parent === undefined || !ids.has(g.parent));
  const sectionOf = sectionOfGroup(map);
  const members = new Map<string, string[]>(top.map((g) => [g.id, []]));
  for (const node of map.nodes) {
    const section = sectionOf(node.group);
    if (section !== undefined) members.get(section)?.push(node.id);
  }
  return top
    .map((group) => ({ group, nodeIds: members.get(group.id)! }))
    .filter((s) => s.nodeIds.length > 0);
}

/** The groups a node is in, outermost first, ending with its own group; [] when it has none. */
export function groupPath(map: ArgMap, nodeId: string): string[] {
  return ancestry(map, map.nodes.find((n) => n.id === nodeId)?.group);
}

/**
 * The ids of the nodes in group `id`, in map order; with `deep`, also those in the groups inside
 * it, at any depth.
 */
export function groupMembers(map: ArgMap, id: string, deep = false): string[] {
  requireGroup(map, id);
  return map.nodes
    .filter((n) =>
      deep ? n.group !== undefined && ancestry(map, n.group).includes(id) : n.group === id,
    )
    .map((n) => n.id);
}

/**
 * Makes a group of the given nodes, titled `title` (its id made fresh unless given). The group
 * goes inside the innermost group that already holds all of them, if there is one; the nodes
 * then belong to the new group.
 */
export function createGroup(
  map: ArgMap,
  nodeIds: readonly string[],
  title: string,
  id?: string,
): { map: ArgMap; groupId: string } {
  const groups = map.groups ?? [];
  const groupId =
    id ??
    nextId(
      'g',
      groups.map((g) => g.id),
    );
  if (groups.some((g) => g.id === groupId)) throw new OperationError('opGroupExists', groupId);
  const members = new Set(nodeIds);
  const paths: string[][] = [];
  for (const nodeId of members) {
    if (!map.nodes.some((n) => n.id === nodeId)) throw new OperationError('opNoNode', nodeId);
    paths.push(groupPath(map, nodeId));
  }
  // The deepest group on every member's path.
  let parent: string | undefined;
  for (let depth = 0; paths.length && paths.every((p) => p[depth] === paths[0]![depth]); depth++) {
    if (paths[0]![depth] === undefined) break;
    parent = paths[0]![depth];
  }
  const group: Group = { id: groupId, title, ...(parent !== undefined ? { parent } : {}) };
  return {
    map: {
      ...map,
      groups: [...groups, group],
      nodes: map.nodes.map((n) => (members.has(n.id) ? withGroup(n, groupId) : n)),
    },
    groupId,
  };
}

/** Renames a group: its title, or with `lang` (a BCP 47 tag, e.g. "en") its title in that language. */
export function renameGroup(map: ArgMap, id: string, title: string, lang?: string): ArgMap {
  const group = requireGroup(map, id);
  return replaceGroup(
    map,
    id,
    lang === undefined
      ? { ...group, title }
      : { ...group, translations: { ...group.translations, [lang]: title } },
  );
}

/**
 * Dissolves a group: its nodes and the groups inside it move to the group around it (or to none),
 * and the group is removed.
 */
export function ungroup(map: ArgMap, id: string): ArgMap {
  const { parent } = requireGroup(map, id);
  const groups = (map.groups ?? [])
    .filter((g) => g.id !== id)
    .map((g) => {
      if (g.parent !== id) return g;
      const { parent: _old, ...rest } = g;
      return parent === undefined ? rest : { ...rest, parent };
    });
  return {
    ...map,
    groups,
    nodes: map.nodes.map((n) => (n.group === id ? withGroup(n, parent) : n)),
  };
}

/** Whether a group is shown folded to one box by default (unfolded leaves no field behind). */
export function setGroupCollapsed(map: ArgMap, id: string, collapsed: boolean): ArgMap {
  const group = requireGroup(map, id);
  if ((group.collapsed ?? false) === collapsed) return map;
  const { collapsed: _old, ...rest } = group;
  return replaceGroup(map, id, collapsed ? { ...rest, collapsed } : rest);
}

/** Moves nodes into group `groupId`, or out of every group with `undefined`. */
export function setNodesGroup(
  map: ArgMap,
  nodeIds: readonly string[],
  groupId: string | undefined,
): ArgMap {
  if (groupId !== undefined) requireGroup(map, groupId);
  const members = new Set(nodeIds);
  for (const nodeId of members) {
    if (!map.nodes.some((n) => n.id === nodeId)) throw new OperationError('opNoNode', nodeId);
  }
  return {
    ...map,
    nodes: map.nodes.map((n) => (members.has(n.id) ? withGroup(n, groupId) : n)),
  };
}
