/**
 * Edits of this tab that another tab overwrote: when two tabs write the same node at the same
 * moment, the last write wins the whole record (persist/mergeOutside), so the first tab's change
 * to it is gone. That tab keeps its version here, names the node, and offers to restore it, until
 * the user restores or dismisses it.
 */
import { create } from 'zustand';
import type { ArgMap, ArgNode } from '../model/schema';
import { useMapStore } from '../store/mapStore';

export interface Conflict {
  mapId: string;
  nodeId: string;
  /** The node as this tab wrote it, before the other tab's write replaced it. */
  mine: ArgNode;
}

interface ConflictState {
  conflicts: Conflict[];
  add(conflict: Conflict): void;
  dismiss(conflict: Conflict): void;
}

export const useConflicts = create<ConflictState>()((set) => ({
  conflicts: [],
  add: (conflict) =>
    set((s) => ({
      // One entry per node: a later overwrite of the same node keeps this tab's latest version.
      conflicts: [
        ...s.conflicts.filter((c) => c.mapId !== conflict.mapId || c.nodeId !== conflict.nodeId),
        conflict,
      ],
    })),
  dismiss: (conflict) => set((s) => ({ conflicts: s.conflicts.filter((c) => c !== conflict) })),
}));

/** The map with `node` back as this tab wrote it (added again if it was deleted meanwhile). */
function withNode(map: ArgMap, node: ArgNode): ArgMap {
  const at = map.nodes.findIndex((n) => n.id === node.id);
  const nodes = at < 0 ? [...map.nodes, node] : map.nodes.with(at, node);
  return { ...map, nodes };
}

/** Puts this tab's version back (an ordinary, undoable edit, stored like any other). */
export function restoreConflict(conflict: Conflict): void {
  const { map } = useMapStore.getState();
  if (!map || map.id !== conflict.mapId) return;
  if (useMapStore.getState().edit((m) => withNode(m, conflict.mine)))
    useConflicts.getState().dismiss(conflict);
}
