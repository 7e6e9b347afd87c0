/**
 * Maps held in memory when IndexedDB cannot be used (private mode, blocked, broken): every edit
 * and export works; closing the tab loses what is not exported (a banner says so).
 */
import type { ArgMap } from '../../model/schema';
import type { BackupMaps } from '../../persist/backupMaps';
import type { LoadedMap } from '../../persist/mapRepository';
import { useMapStore } from '../../store/mapStore';
import type { LibraryEntry, MapStorage } from './mapStorage';

export class MemoryStorage implements MapStorage {
  private readonly maps: Map<string, ArgMap>;
  /** The id of the open map held here, if any. */
  private openId: string | null = null;

  constructor(maps: readonly ArgMap[]) {
    this.maps = new Map(maps.map((map) => [map.id, map]));
  }

  list(): Promise<LibraryEntry[]> {
    this.takeOpen();
    return Promise.resolve(
      [...this.maps.values()].map((m) => ({ id: m.id, title: m.title, nodeCount: m.nodes.length })),
    );
  }

  holds(mapId: string): Promise<boolean> {
    return Promise.resolve(this.maps.has(mapId));
  }

  load(mapId: string): Promise<LoadedMap | undefined> {
    this.takeOpen();
    const map = this.maps.get(mapId);
    return Promise.resolve(map && { ok: true, map, skipped: [] });
  }

  keep(map: ArgMap | null): Promise<void> {
    this.takeOpen();
    this.openId = map?.id ?? null;
    return Promise.resolve();
  }

  flush(): Promise<void> {
    this.takeOpen();
    return Promise.resolve();
  }

  store(map: ArgMap): Promise<void> {
    this.takeOpen();
    this.maps.set(map.id, map);
    return Promise.resolve();
  }

  rename(mapId: string, title: string): Promise<void> {
    const map = this.maps.get(mapId);
    if (map) this.maps.set(mapId, { ...map, title });
    return Promise.resolve();
  }

  remove(mapId: string): Promise<void> {
    this.maps.delete(mapId);
    if (this.openId === mapId) this.openId = null;
    return Promise.resolve();
  }

  backup(open: ArgMap | null): Promise<BackupMaps> {
    this.takeOpen();
    const maps = [...this.maps.values()].map((m) => (open && m.id === open.id ? open : m));
    return Promise.resolve({ maps, leftOut: [] });
  }

  follow(): void {
    // Nothing outside this tab can change maps held in its memory.
  }

  dispose(): void {
    this.openId = null;
  }

  /** The open map as the editor shows it is the version held here. */
  private takeOpen() {
    const { map, readOnly } = useMapStore.getState();
    if (map && !readOnly && map.id === this.openId) this.maps.set(map.id, map);
  }
}
