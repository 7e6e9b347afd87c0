/**
 * Starting the editor: open IndexedDB, seed the shipped maps on first launch, open the map the
 * address names (`?map=id`, or a share link) or the one opened last. Maps are kept by a
 * {@link MapStorage} (app/storage): IndexedDB, memory when IndexedDB cannot be used, and shared
 * maps (app/sharing); the session opens each map from the storage holding it and lets that
 * storage keep it saved and follow changes made elsewhere.
 */
import { create } from 'zustand';
import { problemMessages } from '../model/problem';
import { MessageError, say, type Message } from '../model/messages';
import type { ArgMap } from '../model/schema';
import { openDatabase } from '../persist/database';
import { MapRepository, type LoadedMap } from '../persist/mapRepository';
import type { BackupMaps } from '../persist/backupMaps';
import { seedShippedMaps } from '../persist/seedMaps';
import { useMapStore } from '../store/mapStore';
import { holdTabLock, recoverUnsavedEdits } from './journal';
import { loadShippedMaps } from './shippedMaps';
import { loadMapFromUrl, openUrlParam } from './openByUrl';
import { useSaveStatus } from './saveStatus';
import { IndexedDbStorage } from './storage/indexedDbStorage';
import { MemoryStorage } from './storage/memoryStorage';
import type { LibraryEntry, MapStorage, OutsideChanges } from './storage/mapStorage';

export interface SessionState {
  status: 'loading' | 'ready' | 'failed';
  /** Why loading failed, in words for the user (or by key, shown in the interface's language). */
  message: string | Message | null;
  library: LibraryEntry[];
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

/** Where local maps are kept: IndexedDB, or memory when IndexedDB cannot be used. */
let local: MapStorage | null = null;
/** Shared maps (app/sharing), registered once sharing has started. */
let shared: MapStorage | null = null;
/** The storage that keeps the open map. */
let openIn: MapStorage | null = null;

/** Every storage, local maps first. */
const storages = (): MapStorage[] => [local, shared].filter((s): s is MapStorage => !!s);

function started(): MapStorage {
  if (!local) throw new Error('The session has not started.');
  return local;
}

/** The storage holding `mapId` (local maps when none does). */
async function storageOf(mapId: string): Promise<MapStorage> {
  if (shared && (await shared.holds(mapId))) return shared;
  return started();
}

const outside: OutsideChanges = {
  async openDeleted(title) {
    openIn = null;
    useMapStore.getState().open(null);
    await refreshLibrary();
    const next = useSession.getState().library[0];
    if (next) await openMap(next.id);
    useSession.setState({ message: say('sesDeleted', title) });
  },
  libraryChanged: refreshLibrary,
};

/**
 * Registers the storage of shared maps (app/sharing): the library lists its maps and
 * {@link openMap} opens them from it.
 */
export function registerSharedStorage(storage: MapStorage | null): void {
  shared?.dispose();
  shared = storage;
  storage?.follow(outside);
}

/** The IndexedDB storage, while it is used (sharing keeps its bookkeeping beside it). */
export function localRepository(): MapRepository | null {
  return local instanceof IndexedDbStorage ? local.repo : null;
}

export async function startSession(): Promise<void> {
  try {
    const repo = new MapRepository(openDatabase());
    const storage = new IndexedDbStorage(repo);
    local = storage;
    holdTabLock(repo.tabId);
    yieldToNewerVersion(repo);
    storage.follow(outside);
    // Ask the browser not to evict the maps under storage pressure (granted silently or not).
    void navigator.storage?.persist?.().catch(() => false);
    await seedShippedMaps(repo, await loadShippedMaps());
    await recoverUnsavedEdits(repo);
    await refreshLibrary();
    const sharing = await startSharing();
    const url = openUrlParam();
    if (url && (await openReadOnly(url))) {
      useSession.setState({ status: 'ready' });
      return;
    }
    const shown = await sharing?.openShareLink();
    const note = useSession.getState().message; // e.g. why a map named by address did not open
    if (!shown) {
      const { library } = useSession.getState();
      const wanted = new URLSearchParams(location.search).get('map');
      const first = library.find((m) => m.id === wanted) ?? library[0];
      if (first) await openMap(first.id);
    }
    useSession.setState({ status: 'ready', ...(note ? { message: note } : {}) });
  } catch (error) {
    console.error(error);
    await startInMemory(error);
  }
}

/**
 * Starts sharing (app/sharing, loaded apart: Yjs and the sync client): the library lists shared
 * maps, and the sharing actions are registered. Null, without stopping the editor, if it fails.
 */
async function startSharing(): Promise<typeof import('./sharing/start') | null> {
  try {
    const sharing = await import('./sharing/start');
    sharing.startSharing();
    await refreshLibrary();
    return sharing;
  } catch (error) {
    console.error('Sharing could not start', error);
    return null;
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
  await leaveOpen();
  useMapStore.getState().open(loaded.map, { readOnly: true });
  useSession.setState({ readOnlyUrl: url });
  return true;
}

/** The open map's storage stores it and lets go of it. */
async function leaveOpen(): Promise<void> {
  const was = openIn;
  openIn = null;
  if (was) {
    await was.flush();
    await was.keep(null);
  }
}

/** A heading and the lines under it, one message (one line each). */
function lines(heading: Message, below: readonly Message[]): Message {
  return below.reduce((above, line) => say('twoLines', above, line), heading);
}

/**
 * Without IndexedDB the editor still works, in memory: the shipped maps open, every edit and
 * export works, and a banner says that closing the tab loses what is not exported.
 */
async function startInMemory(cause: unknown): Promise<void> {
  local?.dispose();
  local = null;
  openIn = null;
  try {
    const shipped = await loadShippedMaps();
    local = new MemoryStorage(shipped.map(({ map }) => map));
    await refreshLibrary();
    useSession.setState({
      status: 'ready',
      inMemory: true,
      message: say('sesNoStorage', cause instanceof Error ? cause.message : String(cause)),
    });
    useSaveStatus.getState().set('failed', 'Storage unavailable: working in memory');
    const first = shipped[0];
    if (first) {
      openIn = local;
      await local.keep(first.map);
      useMapStore.getState().open(first.map);
    }
  } catch (error) {
    useSession.setState({
      status: 'failed',
      message: say('sesCouldNotStart', String(error)),
    });
  }
}

/** Opens a stored map in the editor, saving the open one first. */
export async function openMap(mapId: string): Promise<void> {
  started();
  await openIn?.flush();
  const storage = await storageOf(mapId);
  let loaded: LoadedMap | undefined;
  try {
    loaded = await storage.load(mapId);
  } catch (error) {
    // A shared map that cannot be opened (its link refused, its server unreachable).
    if (!(error instanceof MessageError)) throw error;
    useSession.setState({ message: error.says });
    return;
  }
  if (!loaded) throw new Error(`There is no map "${mapId}".`);
  if (!loaded.ok) {
    useSession.setState({
      message: lines(say('sesDamaged', mapId), problemMessages(loaded.problems)),
    });
    return;
  }
  await leaveOpen();
  openIn = storage;
  await storage.keep(loaded.map);
  useMapStore.getState().open(loaded.map, storage.openOptions?.(loaded.map));
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

/** The storage keeping the open map (null for a map shown read-only, or none). */
export function openStorage(): MapStorage | null {
  return openIn;
}

export async function refreshLibrary(): Promise<void> {
  const lists = await Promise.all(storages().map((s) => s.list()));
  // Last opened first, whichever storage holds them (a stable sort keeps each one's order).
  const library = lists.flat().sort((a, b) => (b.openedAt ?? '').localeCompare(a.openedAt ?? ''));
  useSession.setState({ library });
}

/** An id not yet used by a stored map: `base`, or `base-2`, `base-3`, … */
export async function freeId(base: string): Promise<string> {
  const lists = await Promise.all(storages().map((s) => s.list()));
  const taken = new Set(lists.flat().map((m) => m.id));
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
  if (!local || !title.trim()) return;
  const open = useMapStore.getState().map;
  if (open?.id === mapId && openIn) {
    useMapStore.getState().edit((m) => ({ ...m, title: title.trim() }));
    await openIn.flush();
  } else await (await storageOf(mapId)).rename(mapId, title.trim());
  await refreshLibrary();
}

export async function duplicateMap(mapId: string, titleSuffix: string): Promise<void> {
  const loaded = await readStoredMap(mapId);
  if (!loaded?.ok) return;
  await addMapToLibrary({
    ...loaded.map,
    id: `${loaded.map.id}-copy`,
    title: `${loaded.map.title} ${titleSuffix}`,
  });
}

/** A stored map, read without opening it (the reference a map is compared with). */
export async function readStoredMap(mapId: string): Promise<LoadedMap | undefined> {
  started();
  await openIn?.flush();
  const storage = await storageOf(mapId);
  return storage.read ? storage.read(mapId) : storage.load(mapId);
}

/** Deletes a stored map; if it was open, opens the next one (or none). */
export async function deleteMap(mapId: string): Promise<void> {
  if (!local) return;
  const storage = await storageOf(mapId);
  const wasOpen = useMapStore.getState().map?.id === mapId && openIn === storage;
  if (wasOpen) {
    openIn = null;
    await storage.keep(null);
    useMapStore.getState().open(null);
  }
  await storage.remove(mapId);
  await refreshLibrary();
  const next = useSession.getState().library[0];
  if (wasOpen && next) await openMap(next.id);
}

/**
 * Every stored map, for a backup, and what was left out of it because it does not validate (see
 * persist/backupMaps): the open map is taken as it is on screen.
 */
export async function backupContents(): Promise<BackupMaps> {
  started();
  const { map, readOnly } = useMapStore.getState();
  const open = readOnly ? null : map;
  const parts = await Promise.all(storages().map((s) => s.backup(open)));
  return {
    maps: parts.flatMap((p) => p.maps),
    leftOut: parts.flatMap((p) => p.leftOut),
  };
}

/** Stores a map under a free id (in memory when there is no IndexedDB); returns the id. */
export async function storeNew(map: ArgMap): Promise<string> {
  const storage = started();
  const id = await freeId(map.id);
  await storage.store({ ...map, id });
  return id;
}

/** Tries again to store the open map after a write failed (the save-failed banner's button). */
export async function retrySaving(): Promise<void> {
  await openIn?.flush();
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
