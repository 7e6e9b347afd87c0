/**
 * Starting the editor: open IndexedDB, seed the shipped maps on first launch, open the map the
 * address names (`?map=id`) or the one opened last, keep it saved, and follow changes other tabs
 * make to it (Dexie liveQuery).
 */
import { liveQuery, type Subscription } from 'dexie';
import { create } from 'zustand';
import { describeProblem } from '../model/problem';
import { openDatabase } from '../persist/database';
import { MapRepository, type MapSummary } from '../persist/mapRepository';
import { seedShippedMaps } from '../persist/seedMaps';
import { useMapStore } from '../store/mapStore';
import { Autosave } from './autosave';
import { loadShippedMaps } from './shippedMaps';

export interface SessionState {
  status: 'loading' | 'ready' | 'failed';
  /** Why loading failed, in words for the user. */
  message: string | null;
  library: MapSummary[];
}

export const useSession = create<SessionState>()(() => ({
  status: 'loading',
  message: null,
  library: [],
}));

let repo: MapRepository | null = null;
let autosave: Autosave | null = null;
let watch: Subscription | null = null;

export async function startSession(): Promise<void> {
  try {
    repo = new MapRepository(openDatabase());
    autosave = new Autosave(repo);
    await seedShippedMaps(repo, await loadShippedMaps());
    const library = await repo.listMaps();
    useSession.setState({ library });
    const wanted = new URLSearchParams(location.search).get('map');
    const first = library.find((m) => m.id === wanted) ?? library[0];
    if (first) await openMap(first.id);
    useSession.setState({ status: 'ready' });
  } catch (error) {
    console.error(error);
    useSession.setState({
      status: 'failed',
      message: `The editor could not open its local storage: ${error instanceof Error ? error.message : String(error)}`,
    });
  }
}

/** Opens a stored map in the editor, saving the open one first. */
export async function openMap(mapId: string): Promise<void> {
  if (!repo || !autosave) throw new Error('The session has not started.');
  await autosave.flushNow();
  const loaded = await repo.loadMap(mapId);
  if (!loaded) throw new Error(`There is no map "${mapId}".`);
  if (!loaded.ok) {
    useSession.setState({
      message: `The stored map "${mapId}" is damaged and was not opened:\n${loaded.problems.slice(0, 20).map(describeProblem).join('\n')}`,
    });
    return;
  }
  autosave.markSaved(loaded.map);
  useMapStore.getState().open(loaded.map);
  await repo.markOpened(mapId);
  followOtherTabs(mapId);
}

/** Reloads the open map whenever another tab writes it. */
function followOtherTabs(mapId: string) {
  watch?.unsubscribe();
  const r = repo!;
  let seenRevision = -1;
  watch = liveQuery(() => r.getRecord(mapId)).subscribe({
    next: async (record) => {
      if (!record) return;
      const first = seenRevision < 0;
      const fromElsewhere = record.writer !== r.tabId && record.revision > seenRevision;
      seenRevision = Math.max(seenRevision, record.revision);
      if (first || !fromElsewhere) return;
      await autosave!.flushNow();
      const loaded = await r.loadMap(mapId);
      if (loaded?.ok && useMapStore.getState().map?.id === mapId) {
        autosave!.markSaved(loaded.map);
        useMapStore.getState().replaceFromOutside(loaded.map);
      }
    },
    error: (error) => console.error('Following other tabs failed', error),
  });
}

/** Writes any pending edit now (tests and page exit). */
export function flushPendingEdits(): Promise<void> {
  return autosave?.flushNow() ?? Promise.resolve();
}
