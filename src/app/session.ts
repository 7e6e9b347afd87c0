/**
 * Starting the editor: open IndexedDB, seed the shipped maps on first launch, open the map the
 * address names (`?map=id`) or the one opened last, keep it saved, and follow the changes other
 * tabs make (persist/changeFeed), merging them record by record (persist/mergeOutside).
 */
import { create } from 'zustand';
import { problemMessages } from '../model/problem';
import { say, type Message } from '../model/messages';
import type { ArgMap } from '../model/schema';
import { openDatabase } from '../persist/database';
import type { ChangeNotice } from '../persist/changeFeed';
import { MapRepository, type LoadedMap, type MapSummary } from '../persist/mapRepository';
import { mapsForBackup, type BackupMaps } from '../persist/backupMaps';
import { seedShippedMaps } from '../persist/seedMaps';
import { useMapStore } from '../store/mapStore';
import { Autosave } from './autosave';
import { absorbNotice } from './takeOutsideChange';
import { holdTabLock, recoverUnsavedEdits } from './journal';
import { loadShippedMaps } from './shippedMaps';
import { loadMapFromUrl, openUrlParam } from './openByUrl';
import { useSaveStatus } from './saveStatus';
import { loadStored } from './storedMaps';

export interface SessionState {
  status: 'loading' | 'ready' | 'failed';
  /** Why loading failed, in words for the user (or by key, shown in the interface's language). */
  message: string | Message | null;
  library: MapSummary[];
  /** The address of a map shown read-only (`?open=<url>`), not stored. */
  readOnlyUrl: string | null;
  /** IndexedDB could not be used: maps live in memory only (a banner says so). */
  inMemory: boolean;
}

export const useSession = create<SessionState>()(() => ({
  status: 'loading',
  message: null,
  library: [],
  readOnlyUrl: null,
  inMemory: false,
}));

let repo: MapRepository | null = null;
let autosave: Autosave | null = null;

export async function startSession(): Promise<void> {
  try {
    repo = new MapRepository(openDatabase());
    autosave = new Autosave(repo);
    holdTabLock(repo.tabId);
    yieldToNewerVersion(repo);
    followOtherTabs(repo);
    // Ask the browser not to evict the maps under storage pressure (granted silently or not).
    void navigator.storage?.persist?.().catch(() => false);
    await seedShippedMaps(repo, await loadShippedMaps());
    await recoverUnsavedEdits(repo);
    const library = await repo.listMaps();
    useSession.setState({ library });
    const url = openUrlParam();
    if (url && (await openReadOnly(url))) {
      useSession.setState({ status: 'ready' });
      return;
    }
    const wanted = new URLSearchParams(location.search).get('map');
    const first = library.find((m) => m.id === wanted) ?? library[0];
    const note = useSession.getState().message; // e.g. why a map named by address did not open
    if (first) await openMap(first.id);
    useSession.setState({ status: 'ready', ...(note ? { message: note } : {}) });
  } catch (error) {
    console.error(error);
    await startInMemory(error);
  }
}

/**
 * Another tab runs a newer version of the editor and must upgrade the database: this tab closes
 * it (so the upgrade is not blocked) and says to reload. Until then its edits stay in memory and
 * in its journal, which the reload replays.
 */
function yieldToNewerVersion(r: MapRepository) {
  r.db.on('versionchange', () => {
    r.db.close();
    useSession.setState({
      message: say('sesNewerVersion'),
    });
    return false;
  });
}

/**
 * Shows the map at `url` read-only, without storing it (`?open=<url>`, for sharing and course
 * pages); the banner offers to copy it into the library. False, with a message, if it fails.
 */
async function openReadOnly(url: string): Promise<boolean> {
  const loaded = await loadMapFromUrl(url);
  if (!loaded.ok) {
    useSession.setState({ message: loaded.says });
    return false;
  }
  autosave?.markSaved(null);
  useMapStore.getState().open(loaded.map, { readOnly: true });
  useSession.setState({ readOnlyUrl: url });
  return true;
}

/** A heading and the lines under it, one message (one line each). */
function lines(heading: Message, below: readonly Message[]): Message {
  return below.reduce((above, line) => say('twoLines', above, line), heading);
}

/** Maps held in memory when IndexedDB cannot be used (private mode, blocked, broken). */
let memoryMaps: Map<string, ArgMap> | null = null;

/**
 * Without IndexedDB the editor still works, in memory: the shipped maps open, every edit and
 * export works, and a banner says that closing the tab loses what is not exported.
 */
async function startInMemory(cause: unknown): Promise<void> {
  autosave?.dispose();
  repo = null;
  autosave = null;
  try {
    const shipped = await loadShippedMaps();
    memoryMaps = new Map(shipped.map(({ map }) => [map.id, map]));
    useSession.setState({
      status: 'ready',
      inMemory: true,
      library: shipped.map(({ map }) => ({
        id: map.id,
        title: map.title,
        nodeCount: map.nodes.length,
      })),
      message: say('sesNoStorage', cause instanceof Error ? cause.message : String(cause)),
    });
    useSaveStatus.getState().set('failed', 'Storage unavailable: working in memory');
    const first = shipped[0];
    if (first) useMapStore.getState().open(first.map);
  } catch (error) {
    useSession.setState({
      status: 'failed',
      message: say('sesCouldNotStart', String(error)),
    });
  }
}

/** Opens a stored map in the editor, saving the open one first. */
export async function openMap(mapId: string): Promise<void> {
  if (memoryMaps) {
    const current = useMapStore.getState().map;
    if (current) memoryMaps.set(current.id, current);
    const map = memoryMaps.get(mapId);
    if (map) useMapStore.getState().open(map);
    return;
  }
  if (!repo || !autosave) throw new Error('The session has not started.');
  await autosave.flushNow();
  // Read and checked in a worker: a map of 100,000 sentences takes seconds to check.
  const loaded = await loadStored(repo, mapId);
  if (!loaded) throw new Error(`There is no map "${mapId}".`);
  if (!loaded.ok) {
    useSession.setState({
      message: lines(say('sesDamaged', mapId), problemMessages(loaded.problems)),
    });
    return;
  }
  autosave.markSaved(loaded.map);
  useMapStore.getState().open(loaded.map);
  await repo.markOpened(mapId);
  await refreshLibrary();
  const { skipped } = loaded;
  useSession.setState({
    message: skipped.length
      ? lines(say('sesSkipped', skipped.length), problemMessages(skipped))
      : null,
    readOnlyUrl: null,
  });
  const url = new URL(location.href);
  url.searchParams.set('map', mapId);
  history.replaceState(null, '', url);
}

/**
 * Follows what other tabs write: the open map takes in their records as they are stored (the
 * last write of a record wins it; see persist/mergeOutside), and the library stays current.
 * Notices are handled one at a time, in the order they come.
 */
function followOtherTabs(r: MapRepository) {
  let queue = Promise.resolve();
  r.onOutsideChange((notice) => {
    queue = queue
      .then(() => takeOutsideChange(r, notice))
      .catch((error: unknown) => console.error('Following another tab failed', error));
  });
}

async function takeOutsideChange(r: MapRepository, notice: ChangeNotice): Promise<void> {
  const { map: open, readOnly } = useMapStore.getState();
  const isOpen = !!open && !readOnly && open.id === notice.mapId && !memoryMaps;
  if (isOpen && autosave) {
    if (notice.deleted) {
      autosave.markSaved(null);
      useMapStore.getState().open(null);
      await refreshLibrary();
      const next = useSession.getState().library[0];
      if (next) await openMap(next.id);
      useSession.setState({ message: say('sesDeleted', open.title) });
      return;
    }
    await absorbNotice(r, autosave, notice);
  }
  if (notice.whole || notice.deleted || notice.fields) await refreshLibrary();
}

export async function refreshLibrary(): Promise<void> {
  if (memoryMaps) {
    const maps = [...memoryMaps.values()];
    useSession.setState({
      library: maps.map((m) => ({ id: m.id, title: m.title, nodeCount: m.nodes.length })),
    });
  } else if (repo) useSession.setState({ library: await repo.listMaps() });
}

/** An id not yet used by a stored map: `base`, or `base-2`, `base-3`, … */
async function freeId(base: string): Promise<string> {
  const taken = new Set(memoryMaps ? memoryMaps.keys() : (await repo!.listMaps()).map((m) => m.id));
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}

/** Stores a new map (from a text or an import) under a free id and opens it. */
export async function addMapToLibrary(map: ArgMap): Promise<string> {
  const now = new Date().toISOString();
  const id = await storeNew({ ...map, createdAt: map.createdAt ?? now, updatedAt: now });
  await refreshLibrary();
  await openMap(id);
  return id;
}

export async function renameMap(mapId: string, title: string): Promise<void> {
  if (!repo || !title.trim()) return;
  const open = useMapStore.getState().map;
  if (open?.id === mapId) useMapStore.getState().edit((m) => ({ ...m, title: title.trim() }));
  else await repo.db.maps.update(mapId, { title: title.trim(), edited: true });
  await autosave?.flushNow();
  await refreshLibrary();
}

export async function duplicateMap(mapId: string, titleSuffix: string): Promise<void> {
  if (!repo) return;
  await autosave?.flushNow();
  const loaded = await repo.loadMap(mapId);
  if (!loaded?.ok) return;
  await addMapToLibrary({
    ...loaded.map,
    id: `${loaded.map.id}-copy`,
    title: `${loaded.map.title} ${titleSuffix}`,
  });
}

/** A stored map, read without opening it (the reference a map is compared with). */
export async function readStoredMap(mapId: string): Promise<LoadedMap | undefined> {
  if (memoryMaps) {
    const map = memoryMaps.get(mapId);
    return map && { ok: true, map, skipped: [] };
  }
  if (!repo) throw new Error('The session has not started.');
  await autosave?.flushNow();
  return repo.loadMap(mapId);
}

/** Deletes a stored map; if it was open, opens the next one (or none). */
export async function deleteMap(mapId: string): Promise<void> {
  if (!repo) return;
  const wasOpen = useMapStore.getState().map?.id === mapId;
  if (wasOpen) {
    autosave?.markSaved(null);
    useMapStore.getState().open(null);
  }
  await repo.deleteMap(mapId);
  await refreshLibrary();
  const next = useSession.getState().library[0];
  if (wasOpen && next) await openMap(next.id);
}

/**
 * Every stored map, for a backup, and what was left out of it because it does not validate (see
 * persist/backupMaps): the open map is taken as it is on screen.
 */
export async function backupContents(): Promise<BackupMaps> {
  if (memoryMaps) {
    const current = useMapStore.getState().map;
    if (current) memoryMaps.set(current.id, current);
    return { maps: [...memoryMaps.values()], leftOut: [] };
  }
  if (!repo) throw new Error('The session has not started.');
  await autosave?.flushNow();
  // The open map as it is on screen: if storage is full, its latest edits are only here.
  const { map: open, readOnly } = useMapStore.getState();
  return mapsForBackup(repo, readOnly ? null : open);
}

/** Stores a map under a free id (in memory when there is no IndexedDB); returns the id. */
export async function storeNew(map: ArgMap): Promise<string> {
  const id = await freeId(map.id);
  if (memoryMaps) memoryMaps.set(id, { ...map, id });
  else if (repo) await repo.putMap({ ...map, id }, { edited: true });
  else throw new Error('The session has not started.');
  return id;
}

/** Tries again to store the open map after a write failed (the save-failed banner's button). */
export async function retrySaving(): Promise<void> {
  await autosave?.flushNow();
}

/** How much the site stores and may store, in bytes, where the browser tells. */
export async function storageUse(): Promise<{
  usage: number;
  quota: number;
  persisted: boolean;
} | null> {
  if (!navigator.storage?.estimate) return null;
  const [{ usage = 0, quota = 0 }, persisted] = await Promise.all([
    navigator.storage.estimate(),
    navigator.storage.persisted?.() ?? Promise.resolve(false),
  ]);
  return { usage, quota, persisted };
}
