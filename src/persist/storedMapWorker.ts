/**
 * Reads and checks a stored map off the editor's main thread: a map of 100,000 sentences takes
 * about a second to validate, which in the page would freeze it. The worker opens the same
 * database (read only, by name) and answers with the map's sources one message each, then the
 * rest, so the page takes the map in with short tasks; and with the map's size as the limits
 * count it, so that its first edit does not measure the whole map on the page.
 * `app/storedMaps.ts` talks to it.
 */
import type { Source } from '../model/schema';
import { openDatabase, type ArgmapDatabase } from './database';
import { loadStoredMap, type LoadedMap } from './mapRepository';
import { mapChars } from '../model/limits';

export interface StoredMapRequest {
  id: number;
  database: string;
  mapId: string;
}

export type StoredMapReply =
  /** One source of the map, sent ahead of the reply (whose map has `sources: []`). */
  | { id: number; source: Source }
  /** `chars`: the map's characters as the limits count them (model/limits mapChars). */
  | { id: number; ok: true; loaded: LoadedMap | undefined; chars?: number }
  | { id: number; ok: false; error: string };

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<StoredMapRequest>) => void) | null;
  postMessage(reply: StoredMapReply): void;
};

/** One connection per database name, kept open for the next map. */
const databases = new Map<string, ArgmapDatabase>();

scope.onmessage = ({ data }) => {
  const { id, database, mapId } = data;
  let db = databases.get(database);
  if (!db) databases.set(database, (db = openDatabase(database)));
  loadStoredMap(db, mapId)
    .then((loaded) => {
      if (!loaded?.ok) return scope.postMessage({ id, ok: true, loaded });
      const chars = mapChars(loaded.map);
      for (const source of loaded.map.sources) scope.postMessage({ id, source });
      scope.postMessage({
        id,
        ok: true,
        loaded: { ...loaded, map: { ...loaded.map, sources: [] } },
        chars,
      });
    })
    .catch((error: unknown) =>
      scope.postMessage({ id, ok: false, error: String((error as Error)?.message ?? error) }),
    );
};
