/**
 * The open map and the UI state around it. Map edits go through {@link MapState.edit}, which
 * applies a pure model operation; undo/redo (zundo) track the map only, never the selection or
 * viewport. Consecutive edits with the same coalesce key (typing in one field) form one undo step.
 */
import { create } from 'zustand';
import { temporal } from 'zundo';
import type { ArgMap } from '../model/schema';
import { OperationError } from '../model/operations';
import { editLimitMessage } from '../model/limits';
import type { Message } from '../model/messages';

export interface Selection {
  nodeIds: string[];
  edgeIds: string[];
}

export interface MapState {
  map: ArgMap | null;
  selection: Selection;
  /** Sentences lit up in the source pane (those the selected nodes cite, or one hovered). */
  highlightedSentences: string[];
  /** The last refused edit, in words for the user; cleared by the next successful edit. */
  /** Why the last edit was refused: a UI message key ("key|arg…"), free words, or a message. */
  error: string | Message | null;
  /**
   * A map shown read-only (opened by address, not stored, or shared with this person as a
   * viewer): every edit is refused.
   */
  readOnly: boolean;
  /**
   * A shared map this person may comment on and nothing else: an edit is refused unless what
   * it changes is the map's `comments` alone.
   */
  commentOnly: boolean;

  /** Opens a map (clears history: undo never crosses maps). */
  open(map: ArgMap | null, options?: { readOnly?: boolean; commentOnly?: boolean }): void;
  /** Changes what this person may do with the open map (a shared map's role, from the server). */
  setAccess(access: { readOnly: boolean; commentOnly: boolean }): void;
  /**
   * Takes the open map as others changed it (a shared map's peers, merged by its documents):
   * not an undo step, and the selection lets go of what is gone.
   */
  takeRemote(map: ArgMap): void;
  /**
   * Takes in what another tab wrote: `map` is the open map with those records merged in, and
   * `rebase` merges them into a map of the undo history in the same way, so undo and redo only
   * ever take back this tab's own edits. Not an undo step itself.
   */
  absorbOutside(map: ArgMap, rebase: (map: ArgMap) => ArgMap): void;
  /**
   * Applies an edit. `coalesceKey` joins this edit with the previous one into a single undo step
   * when both carry the same key within a second (e.g. "text:n5" while typing).
   */
  edit(operation: (map: ArgMap) => ArgMap, coalesceKey?: string): boolean;
  select(selection: Partial<Selection>): void;
  highlight(sentenceIds: string[]): void;
  clearError(): void;
}

const emptySelection: Selection = { nodeIds: [], edgeIds: [] };

/**
 * Undo and redo of a map kept elsewhere (a shared map: its documents' undo manager, which takes
 * back only this person's edits). While one is set, {@link undo} and {@link redo} defer to it and
 * the store's own history only mirrors its depth (so commands know whether they can run).
 */
export interface UndoHandler {
  undo(): void;
  redo(): void;
  depth(): { past: number; future: number };
}

let undoHandler: UndoHandler | null = null;

/** Sets (or, with null, removes) the handler undo and redo defer to. */
export function setUndoHandler(handler: UndoHandler | null): void {
  undoHandler = handler;
  mirrorHistory();
}

/** The store's history mirrors the handler's depth (its entries are never applied). */
export function mirrorHistory(): void {
  if (!undoHandler) return;
  const { past, future } = undoHandler.depth();
  const { map } = useMapStore.getState();
  const history = useMapStore.temporal.getState();
  if (history.pastStates.length === past && history.futureStates.length === future) return;
  useMapStore.temporal.setState({
    pastStates: Array.from({ length: past }, () => ({ map })),
    futureStates: Array.from({ length: future }, () => ({ map })),
  });
}

/** Whether `next` differs from `map` in its comments alone. */
function onlyComments(map: ArgMap, next: ArgMap): boolean {
  const keys = new Set([...Object.keys(map), ...Object.keys(next)]);
  for (const key of keys) {
    if (key === 'comments' || key === 'updatedAt') continue;
    if ((map as Record<string, unknown>)[key] !== (next as Record<string, unknown>)[key])
      return false;
  }
  return true;
}

let coalesce: { key: string; at: number } | null = null;
let pendingKey: string | undefined;
let recordingPaused = false;

export const useMapStore = create<MapState>()(
  temporal(
    (set, get) => ({
      map: null,
      selection: emptySelection,
      highlightedSentences: [],
      error: null,
      readOnly: false,
      commentOnly: false,

      open(map, options = {}) {
        recordingPaused = true;
        set({
          map,
          selection: emptySelection,
          highlightedSentences: [],
          error: null,
          readOnly: options.readOnly === true,
          commentOnly: options.commentOnly === true,
        });
        recordingPaused = false;
        useMapStore.temporal.getState().clear();
        coalesce = null;
      },

      setAccess(access) {
        set(access);
      },

      takeRemote(map) {
        recordingPaused = true;
        set({ map });
        recordingPaused = false;
        coalesce = null;
        mirrorHistory();
      },

      absorbOutside(map, rebase) {
        recordingPaused = true;
        const nodeIds = new Set(map.nodes.map((n) => n.id));
        const edgeIds = new Set(map.edges.map((e) => e.id));
        const { selection } = get();
        set({
          map,
          selection: {
            nodeIds: selection.nodeIds.filter((id) => nodeIds.has(id)),
            edgeIds: selection.edgeIds.filter((id) => edgeIds.has(id)),
          },
        });
        recordingPaused = false;
        const history = useMapStore.temporal.getState();
        const rebased = (states: typeof history.pastStates) =>
          states.map((state) => (state.map ? { ...state, map: rebase(state.map) } : state));
        useMapStore.temporal.setState({
          pastStates: rebased(history.pastStates),
          futureStates: rebased(history.futureStates),
        });
      },

      edit(operation, coalesceKey) {
        const { map, readOnly, commentOnly } = get();
        if (!map) return false;
        if (readOnly) {
          // A message key: the UI shows it in its language.
          set({ error: 'readOnlyRefused' });
          return false;
        }
        try {
          const next = operation(map);
          if (next === map) return true;
          if (commentOnly && !onlyComments(map, next)) {
            set({ error: 'commentOnlyRefused' });
            return false;
          }
          // Typing and pasting keep the limits every importer applies, so no map gets stored
          // that a backup could not restore.
          const stamped = { ...next, updatedAt: new Date().toISOString() };
          // Measured against the map as stored in the store, so the next edit measures only
          // what it changes.
          const overLimit = editLimitMessage(map, stamped);
          if (overLimit) {
            // A message by key: the interface says it in its language.
            set({ error: overLimit });
            return false;
          }
          pendingKey = coalesceKey;
          set({ map: stamped, error: null });
          mirrorHistory();
          return true;
        } catch (error) {
          if (error instanceof OperationError) {
            // Its key and arguments: the UI shows it in its language (see showMessage).
            set({ error: error.key ? [error.key, ...error.args].join('|') : error.message });
            return false;
          }
          throw error;
        } finally {
          pendingKey = undefined;
        }
      },

      select(selection) {
        set({ selection: { ...get().selection, ...selection } });
      },

      highlight(sentenceIds) {
        set({ highlightedSentences: sentenceIds });
      },

      clearError() {
        set({ error: null });
      },
    }),
    {
      partialize: (state) => ({ map: state.map }),
      equality: (a, b) => a.map === b.map,
      limit: 200,
      handleSet: (handleSet) => (pastState, replace, currentState, deltaState) => {
        if (recordingPaused) return;
        const now = Date.now();
        const key = pendingKey;
        if (key && coalesce && coalesce.key === key && now - coalesce.at < 1000) {
          coalesce.at = now;
          return;
        }
        coalesce = key ? { key, at: now } : null;
        // zundo calls this with its internal four-argument recorder, though typed as setState.
        (handleSet as unknown as (...args: unknown[]) => void)(
          pastState,
          replace,
          currentState,
          deltaState,
        );
      },
    },
  ),
);

/**
 * The coalesce key of the edit being applied (read by a store subscriber during the edit, e.g.
 * a shared map joining typing into one undo step); undefined otherwise.
 */
export const editCoalesceKey = (): string | undefined => pendingKey;

export const undo = (): void => {
  if (undoHandler) undoHandler.undo();
  else useMapStore.temporal.getState().undo();
  mirrorHistory();
};
export const redo = (): void => {
  if (undoHandler) undoHandler.redo();
  else useMapStore.temporal.getState().redo();
  mirrorHistory();
};

/**
 * The selection names only what the map has: an edit or an undo that takes a selected node or
 * edge away lets go of it (the inspector then shows what is left selected, or nothing).
 */
useMapStore.subscribe((state, previous) => {
  const { map, selection } = state;
  if (!map || map === previous.map) return;
  // Typing changes one node: the lists are new, so their ids are read once (not once per
  // selected id), and not at all when neither list changed.
  const kept = <T extends { id: string }>(
    ids: string[],
    now: readonly T[],
    before?: readonly T[],
  ) => {
    if (!ids.length || now === before) return ids;
    const present = new Set(now.map((item) => item.id));
    return ids.every((id) => present.has(id)) ? ids : ids.filter((id) => present.has(id));
  };
  const nodeIds = kept(selection.nodeIds, map.nodes, previous.map?.nodes);
  const edgeIds = kept(selection.edgeIds, map.edges, previous.map?.edges);
  if (nodeIds !== selection.nodeIds || edgeIds !== selection.edgeIds)
    useMapStore.setState({ selection: { nodeIds, edgeIds } });
});
