/**
 * Shared maps as a {@link MapStorage}: the library lists those this browser has opened (see
 * registry.ts), each opens from its documents in IndexedDB (offline too) and connects to its
 * server; while one is open, the editor's edits go into its documents (collab/mapBinding), what
 * others do comes back into the editor without an undo step, and undo takes back only this
 * person's edits.
 */
import { mayComment, mayEdit } from '../../collab/protocol';
import { MessageError } from '../../model/messages';
import type { ArgMap } from '../../model/schema';
import type { BackupMaps } from '../../persist/backupMaps';
import type { LoadedMap } from '../../persist/mapRepository';
import { editCoalesceKey, setUndoHandler, useMapStore } from '../../store/mapStore';
import { setIdTag } from '../../model/ids';
import { onlyStamped } from '../../collab/mapBinding';
import { useSharing } from '../../store/sharingStore';
import type { LibraryEntry, MapStorage, OutsideChanges } from '../storage/mapStorage';
import { findShared, forgetShared, putShared, readRegistry, type SharedEntry } from './registry';
import { SharedMap } from './sharedMap';
import { readMapFromDoc } from '../../collab/mapDoc';
import { withComments, readCommentsFromDoc } from '../../collab/commentsDoc';

export class SharedStorage implements MapStorage {
  /** The shared map open in the editor, if any. */
  private open: SharedMap | null = null;
  /** Opened and not yet shown (between load and keep). */
  private loaded = new Map<string, SharedMap>();
  private outside: OutsideChanges | null = null;
  private stopFollowing: (() => void)[] = [];

  list(): Promise<LibraryEntry[]> {
    return Promise.resolve(
      readRegistry().map((e) => ({
        id: e.mapId,
        title: e.title,
        nodeCount: e.nodeCount,
        server: e.server,
        ...(e.openedAt ? { openedAt: e.openedAt } : {}),
        ...(e.updatedAt ? { updatedAt: e.updatedAt } : {}),
      })),
    );
  }

  holds(mapId: string): Promise<boolean> {
    return Promise.resolve(!!findShared(mapId));
  }

  /** The shared map open now (null when the open map is local). */
  get current(): SharedMap | null {
    return this.open;
  }

  /**
   * Opens a shared map from this browser's copy, or, when it holds none yet, from the server
   * (a {@link MessageError} says why when it cannot: the link refused, the server unreachable).
   */
  async load(mapId: string): Promise<LoadedMap | undefined> {
    const entry = findShared(mapId);
    if (!entry) return undefined;
    // The map open, or just shared (its documents written and connected), or read afresh.
    if (this.open?.entry.mapId === mapId) this.loaded.set(mapId, this.open);
    const shared = this.loaded.get(mapId) ?? (await this.prepare(entry));
    const binding = shared.bind((map) => this.takeRemote(shared, map));
    return { ok: true, map: binding.map, skipped: [] };
  }

  private async prepare(entry: SharedEntry): Promise<SharedMap> {
    this.loaded.get(entry.mapId)?.destroy();
    const shared = new SharedMap(entry);
    this.loaded.set(entry.mapId, shared);
    await shared.loadLocal();
    shared.connect();
    if (!shared.holdsMap) {
      const first = await shared.firstSync();
      if (!first.ok) {
        this.loaded.delete(entry.mapId);
        shared.destroy();
        throw new MessageError(first.says);
      }
    }
    return shared;
  }

  /** Starts sharing `map` as `entry`: writes it into fresh documents, which then sync. */
  async create(entry: SharedEntry, map: ArgMap): Promise<void> {
    putShared(entry);
    const shared = new SharedMap(entry);
    await shared.loadLocal();
    shared.writeMap(map);
    this.loaded.set(entry.mapId, shared);
    shared.connect();
  }

  keep(map: ArgMap | null): Promise<void> {
    this.release();
    if (!map) return Promise.resolve();
    const shared = this.loaded.get(map.id);
    if (!shared?.binding) return Promise.resolve();
    this.loaded.delete(map.id);
    this.open = shared;
    // New ids carry this person's tag, so two people adding a node at once never take one id.
    setIdTag(shared.content.clientID.toString(36));
    const binding = shared.binding;
    putShared({ mapId: map.id, openedAt: new Date().toISOString(), ...summary(map) });
    // The editor's edits go into the documents (remote changes set the store to binding.map).
    const unsubscribe = useMapStore.subscribe((state, previous) => {
      const edited = state.map && state.map !== previous.map && state.map.id === map.id;
      if (edited && state.map !== binding.map) {
        const stored = binding.applyLocal(state.map!, editCoalesceKey());
        // The documents can read otherwise than the edit (a record hidden by a repair comes back
        // into view): the editor shows what they hold, or its next edit would delete that record.
        if (stored !== state.map && !onlyStamped(stored, state.map!))
          queueMicrotask(() => this.takeRemote(shared, binding.map));
      }
      if (state.selection.nodeIds !== previous.selection.nodeIds)
        shared.setPresence({ selectedNodeIds: state.selection.nodeIds });
    });
    // What this person may do follows the server's answer (a refused link: nothing).
    let was = accessOf(shared);
    const stopAccess = shared.onChange(() => {
      const now = accessOf(shared);
      if (now.readOnly === was.readOnly && now.commentOnly === was.commentOnly) return;
      was = now;
      if (useMapStore.getState().map?.id === map.id) useMapStore.getState().setAccess(now);
    });
    this.stopFollowing = [unsubscribe, stopAccess];
    setUndoHandler({
      undo: () => {
        binding.undo();
        this.takeRemote(shared, binding.map);
      },
      redo: () => {
        binding.redo();
        this.takeRemote(shared, binding.map);
      },
      depth: () => ({ past: binding.canUndo ? 1 : 0, future: binding.canRedo ? 1 : 0 }),
    });
    shared.show(true);
    return Promise.resolve();
  }

  /** What this person may do with the map about to open (the session opens it so). */
  openOptions(map: ArgMap): { readOnly: boolean; commentOnly: boolean } {
    const shared = this.open?.entry.mapId === map.id ? this.open : null;
    return shared ? accessOf(shared) : { readOnly: false, commentOnly: false };
  }

  /** What others did (or an undo here) comes into the editor without an undo step. */
  private takeRemote(shared: SharedMap, map: ArgMap) {
    if (this.open !== shared) return;
    const store = useMapStore.getState();
    if (store.map?.id === map.id && store.map !== map) store.takeRemote(map);
    const entry = findShared(map.id);
    if (entry && (entry.title !== map.title || entry.nodeCount !== map.nodes.length)) {
      putShared({ mapId: map.id, ...summary(map) });
      void this.outside?.libraryChanged();
    }
  }

  /** Lets go of the open shared map (it stays in IndexedDB, and its edits are all there). */
  private release() {
    for (const stop of this.stopFollowing) stop();
    this.stopFollowing = [];
    if (this.open) {
      setUndoHandler(null);
      setIdTag(null);
      this.open.show(false);
      // Unless it is opened again (then load kept it aside), it is let go of.
      if (this.loaded.get(this.open.entry.mapId) !== this.open) this.open.destroy();
      this.open = null;
      useSharing.setState({
        shared: null,
        connection: 'local',
        waiting: 0,
        peers: [],
        problem: null,
      });
    }
  }

  /** Yjs keeps every edit in IndexedDB as it is made: nothing waits here. */
  flush(): Promise<void> {
    return Promise.resolve();
  }

  store(): Promise<void> {
    return Promise.reject(new Error('A new map is stored as a local map, then shared.'));
  }

  rename(mapId: string, title: string): Promise<void> {
    // Only the library's name here: the map's own title changes when it is open.
    putShared({ mapId, title });
    return Promise.resolve();
  }

  async remove(mapId: string): Promise<void> {
    const entry = findShared(mapId);
    if (this.open?.entry.mapId === mapId) this.release();
    this.loaded.get(mapId)?.destroy();
    this.loaded.delete(mapId);
    if (entry) {
      const shared = new SharedMap(entry);
      await shared.loadLocal();
      await shared.clearLocal();
    }
    forgetShared(mapId);
  }

  /** A shared map as this browser holds it, read without connecting (to compare, to copy). */
  async read(mapId: string): Promise<LoadedMap | undefined> {
    if (this.open?.entry.mapId === mapId && this.open.binding)
      return { ok: true, map: this.open.binding.map, skipped: [] };
    const entry = findShared(mapId);
    const map = entry && (await readLocal(entry));
    return map && { ok: true, map, skipped: [] };
  }

  async backup(open: ArgMap | null): Promise<BackupMaps> {
    const maps: ArgMap[] = [];
    for (const entry of readRegistry()) {
      if (open && open.id === entry.mapId && this.open) {
        maps.push(open);
        continue;
      }
      const map = await readLocal(entry);
      if (map) maps.push(map);
    }
    return { maps, leftOut: [] };
  }

  follow(outside: OutsideChanges): void {
    this.outside = outside;
  }

  dispose(): void {
    this.release();
    for (const shared of this.loaded.values()) shared.destroy();
    this.loaded.clear();
  }
}

/** A shared map as this browser's IndexedDB holds it (undefined if it holds none of it). */
async function readLocal(entry: SharedEntry): Promise<ArgMap | undefined> {
  const shared = new SharedMap(entry);
  try {
    await shared.loadLocal();
    if (!shared.holdsMap) return undefined;
    return withComments(readMapFromDoc(shared.content), readCommentsFromDoc(shared.comments));
  } finally {
    shared.destroy();
  }
}

/** A viewer reads; a commenter comments; a refused link leaves the local copy read-only. */
function accessOf(shared: SharedMap): { readOnly: boolean; commentOnly: boolean } {
  const { role, refused } = shared;
  return {
    readOnly: refused || !mayComment(role),
    commentOnly: !refused && mayComment(role) && !mayEdit(role),
  };
}

const summary = (map: ArgMap) => ({
  title: map.title,
  nodeCount: map.nodes.length,
  ...(map.updatedAt ? { updatedAt: map.updatedAt } : {}),
});
