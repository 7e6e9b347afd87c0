/**
 * Maps kept in this browser's IndexedDB (persist/mapRepository): the open map is saved by
 * app/autosave within a moment of each edit, journalled at once (app/journal), and what other
 * tabs write is merged in record by record (persist/changeFeed, persist/mergeOutside).
 */
import type { ArgMap } from '../../model/schema';
import { mapsForBackup, type BackupMaps } from '../../persist/backupMaps';
import type { ChangeNotice } from '../../persist/changeFeed';
import type { LoadedMap, MapRepository } from '../../persist/mapRepository';
import { useMapStore } from '../../store/mapStore';
import { Autosave } from '../autosave';
import { loadStored } from '../storedMaps';
import { absorbNotice } from '../takeOutsideChange';
import type { LibraryEntry, MapStorage, OutsideChanges } from './mapStorage';

export class IndexedDbStorage implements MapStorage {
  readonly autosave: Autosave;
  /** The id of the open map kept here, if any. */
  private openId: string | null = null;
  private stopFollowing: (() => void) | null = null;

  constructor(readonly repo: MapRepository) {
    this.autosave = new Autosave(repo);
  }

  list(): Promise<LibraryEntry[]> {
    return this.repo.listMaps();
  }

  async holds(mapId: string): Promise<boolean> {
    return !!(await this.repo.getRecord(mapId));
  }

  /** Read and checked in a worker: a map of 100,000 sentences takes seconds to check. */
  load(mapId: string): Promise<LoadedMap | undefined> {
    return loadStored(this.repo, mapId);
  }

  async keep(map: ArgMap | null): Promise<void> {
    this.autosave.markSaved(map);
    this.openId = map?.id ?? null;
    if (map) await this.repo.markOpened(map.id);
  }

  flush(): Promise<void> {
    return this.autosave.flushNow();
  }

  store(map: ArgMap): Promise<void> {
    return this.repo.putMap(map, { edited: true });
  }

  async rename(mapId: string, title: string): Promise<void> {
    await this.repo.db.maps.update(mapId, { title, edited: true });
  }

  async remove(mapId: string): Promise<void> {
    if (this.openId === mapId) await this.keep(null);
    await this.repo.deleteMap(mapId);
  }

  async backup(open: ArgMap | null): Promise<BackupMaps> {
    await this.autosave.flushNow();
    // The open map as it is on screen: if storage is full, its latest edits are only here.
    return mapsForBackup(this.repo, open);
  }

  /** Notices are handled one at a time, in the order they come. */
  follow(outside: OutsideChanges): void {
    let queue = Promise.resolve();
    this.stopFollowing?.();
    this.stopFollowing = this.repo.onOutsideChange((notice) => {
      queue = queue
        .then(() => this.takeOutsideChange(notice, outside))
        .catch((error: unknown) => console.error('Following another tab failed', error));
    });
  }

  private async takeOutsideChange(notice: ChangeNotice, outside: OutsideChanges): Promise<void> {
    const { map: open, readOnly } = useMapStore.getState();
    const isOpen = !!open && !readOnly && open.id === notice.mapId && this.openId === open.id;
    if (isOpen) {
      if (notice.deleted) {
        await this.keep(null);
        await outside.openDeleted(open.title);
        return;
      }
      await absorbNotice(this.repo, this.autosave, notice);
    }
    if (notice.whole || notice.deleted || notice.fields) await outside.libraryChanged();
  }

  dispose(): void {
    this.stopFollowing?.();
    this.stopFollowing = null;
    this.autosave.dispose();
  }
}
