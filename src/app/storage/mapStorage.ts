/**
 * Where maps are kept, behind one interface, so the session code does not branch on it:
 * IndexedDB (app/storage/indexedDbStorage: the repository, autosave and journal), memory (when
 * IndexedDB cannot be used) and shared maps (app/sharing: Yjs documents kept in IndexedDB and
 * synced through a server). The session opens a map from the storage that holds it and lets
 * that storage keep the open map saved.
 */
import type { ArgMap } from '../../model/schema';
import type { BackupMaps } from '../../persist/backupMaps';
import type { LoadedMap, MapSummary } from '../../persist/mapRepository';

/** A map the library lists; `server` names the sync server of a shared map. */
export interface LibraryEntry extends MapSummary {
  server?: string;
}

/** What a storage tells the session about changes made outside this tab (other tabs, peers). */
export interface OutsideChanges {
  /** The open map was deleted elsewhere (its title, for the message). */
  openDeleted(title: string): Promise<void>;
  /** The list of maps may have changed (a title, a new map, a deleted one). */
  libraryChanged(): Promise<void>;
}

export interface MapStorage {
  /** The maps held here, for the library. */
  list(): Promise<LibraryEntry[]>;
  /** Whether `mapId` is held here. */
  holds(mapId: string): Promise<boolean>;
  /** Reads a map to open it, validated; undefined when there is none by that id. */
  load(mapId: string): Promise<LoadedMap | undefined>;
  /**
   * Reads a map without opening it (to compare with, to copy); {@link load} when not given.
   */
  read?(mapId: string): Promise<LoadedMap | undefined>;
  /**
   * The editor now shows `map`, as just loaded from here (null: it shows none of this storage's
   * maps): from now on its edits are kept here, until another map is opened.
   */
  keep(map: ArgMap | null): Promise<void>;
  /** What the editor lets this person do with `map`, about to open (all, unless said). */
  openOptions?(map: ArgMap): { readOnly?: boolean; commentOnly?: boolean };
  /** Stores the open map's pending edits now; resolves once they are stored (or failed). */
  flush(): Promise<void>;
  /** Stores a new map under its id (free among every storage's maps; the session picks it). */
  store(map: ArgMap): Promise<void>;
  /** Renames a map that is not open (the open one is renamed by an edit). */
  rename(mapId: string, title: string): Promise<void>;
  /** Deletes a map (the session has closed it first if it was open). */
  remove(mapId: string): Promise<void>;
  /** Every map held here for a backup; `open`, the map on screen, is taken as it is shown. */
  backup(open: ArgMap | null): Promise<BackupMaps>;
  /** Follows changes made outside this tab (see {@link OutsideChanges}). */
  follow(outside: OutsideChanges): void;
  /** Stops keeping and following (pending writes stay in the journal where there is one). */
  dispose(): void;
}
