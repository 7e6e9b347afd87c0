/**
 * A headless editing session: the real store, autosave, repository, change feed and journal,
 * wired as the app wires them, over fake IndexedDB in jsdom. Commands, merges between tabs and
 * journal replay are tested here in milliseconds; browser tests keep what only a browser shows.
 */
import 'fake-indexeddb/auto';
import { Autosave } from '../../../src/app/autosave';
import { absorbNotice } from '../../../src/app/takeOutsideChange';
import { openDatabase } from '../../../src/persist/database';
import { MapRepository } from '../../../src/persist/mapRepository';
import type { ChangeNotice } from '../../../src/persist/changeFeed';
import { diffMaps, orderOf } from '../../../src/persist/diffMaps';
import type { ArgMap } from '../../../src/model/schema';
import { useMapStore } from '../../../src/store/mapStore';
import { useConflicts } from '../../../src/app/conflicts';

let sessions = 0;

export interface HeadlessSession {
  /** This tab's repository (tab id "this-tab"). */
  repo: MapRepository;
  autosave: Autosave;
  /** The map as IndexedDB holds it now. */
  stored(): Promise<ArgMap>;
  /** Applies an edit through the store, as a command does. */
  edit(operation: (map: ArgMap) => ArgMap): boolean;
  /** Another tab over the same database: writes `after` as changes from `before`. */
  otherTabWrites(before: ArgMap, after: ArgMap): Promise<void>;
  /** Waits until this tab has taken in every notice heard so far. */
  settled(): Promise<void>;
  /** Notices the other tab heard (from this tab's writes). */
  heardByOther: ChangeNotice[];
  close(): void;
}

export async function startHeadlessSession(map: ArgMap): Promise<HeadlessSession> {
  const name = `headless-${++sessions}`;
  const repo = new MapRepository(openDatabase(name), 'this-tab');
  const other = new MapRepository(openDatabase(name), 'other-tab');
  const heardByOther: ChangeNotice[] = [];
  other.onOutsideChange((notice) => heardByOther.push(notice));
  await repo.putMap(map, { edited: true });
  const autosave = new Autosave(repo);
  useConflicts.setState({ conflicts: [] });
  useMapStore.getState().open(map);
  autosave.markSaved(map);
  // As the session follows other tabs: one notice at a time, in order.
  let queue = Promise.resolve();
  let closed = false;
  repo.onOutsideChange((notice) => {
    queue = queue.then(() => absorbNotice(repo, autosave, notice));
  });
  return {
    repo,
    autosave,
    heardByOther,
    async stored() {
      const loaded = await repo.loadMap(map.id);
      if (!loaded?.ok) throw new Error('the stored map does not load');
      return loaded.map;
    },
    edit: (operation) => useMapStore.getState().edit(operation),
    async otherTabWrites(before, after) {
      const base = new Map(before.nodes.map((n) => [n.id, n]));
      await other.applyChanges(diffMaps(before, after, orderOf(before)), base);
    },
    async settled() {
      // A BroadcastChannel message arrives in a later task; then the queue runs.
      for (let i = 0; i < 20; i++) {
        await new Promise((resolve) => setTimeout(resolve, 5));
        await queue;
      }
    },
    close() {
      if (closed) return;
      closed = true;
      autosave.dispose();
      repo.close();
      other.close();
    },
  };
}
