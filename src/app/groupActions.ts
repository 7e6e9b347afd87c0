/**
 * The editor's group commands, for the toolbar, menus and keyboard to call: each is one undoable
 * edit of the open map through the map store's `edit`, and a refusal is reported in the store's
 * `error`, never thrown.
 */
import {
  createGroup,
  renameGroup,
  setGroupCollapsed,
  setNodesGroup,
  ungroup,
} from '../model/groups';
import { useMapStore } from '../store/mapStore';

const store = () => useMapStore.getState();

/**
 * Groups the given nodes (by default the selected ones) under `title`. Returns the new group's id,
 * or null if the edit was refused.
 */
export function groupNodesAction(
  title: string,
  nodeIds: readonly string[] = store().selection.nodeIds,
): string | null {
  if (!nodeIds.length) {
    useMapStore.setState({ error: 'selectNodesToGroup' });
    return null;
  }
  let created: string | null = null;
  const ok = store().edit((map) => {
    const result = createGroup(map, nodeIds, title);
    created = result.groupId;
    return result.map;
  });
  return ok ? created : null;
}

/**
 * Renames a group (with `lang`, its title in that language). Typing in one title field is one
 * undo step.
 */
export function renameGroupAction(groupId: string, title: string, lang?: string): boolean {
  return store().edit(
    (map) => renameGroup(map, groupId, title, lang),
    `group-title:${groupId}:${lang ?? ''}`,
  );
}

/** Dissolves a group: its nodes and inner groups move to the group around it. */
export function ungroupAction(groupId: string): boolean {
  return store().edit((map) => ungroup(map, groupId));
}

/** Folds or unfolds a group by default. */
export function setGroupCollapsedAction(groupId: string, collapsed: boolean): boolean {
  return store().edit((map) => setGroupCollapsed(map, groupId, collapsed));
}

/** Moves nodes (by default the selected ones) into a group, or out of every group. */
export function moveToGroupAction(
  groupId: string | undefined,
  nodeIds: readonly string[] = store().selection.nodeIds,
): boolean {
  return store().edit((map) => setNodesGroup(map, nodeIds, groupId));
}
