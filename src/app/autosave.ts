/**
 * Writes every committed map edit to IndexedDB within {@link SAVE_DELAY_MS}, as the records that
 * changed (see persist/diffMaps). A pending write is flushed at once when the page is hidden or
 * left (`visibilitychange`, `pagehide`), so closing the tab right after an edit loses nothing.
 */
import type { ArgMap } from '../model/schema';
import { diffMaps, isEmpty, orderOf, type StoredOrder } from '../persist/diffMaps';
import type { MapRepository } from '../persist/mapRepository';
import { useMapStore } from '../store/mapStore';
import { useSaveStatus } from './saveStatus';

export const SAVE_DELAY_MS = 250;

export class Autosave {
  /** The version of the open map that IndexedDB holds (or will, once queued writes finish). */
  private saved: ArgMap | null = null;
  private order: StoredOrder | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private writing: Promise<void> = Promise.resolve();
  private readonly unsubscribe: () => void;

  constructor(private readonly repo: MapRepository) {
    this.unsubscribe = useMapStore.subscribe((state, previous) => {
      if (state.map !== previous.map) this.onMapChanged(state.map);
    });
    addEventListener('pagehide', this.flushNow);
    document.addEventListener('visibilitychange', this.onVisibility);
  }

  /** Call when a map is opened or replaced from storage: that version is already stored. */
  markSaved(map: ArgMap | null): void {
    this.saved = map;
    this.order = map ? orderOf(map) : null;
  }

  private onMapChanged(map: ArgMap | null) {
    if (!map || !this.saved || map.id !== this.saved.id || map === this.saved) return;
    useSaveStatus.getState().set('pending');
    // The delay runs from the first unsaved edit, not the last, so a write is never postponed
    // beyond SAVE_DELAY_MS by continued typing.
    this.timer ??= setTimeout(this.flushNow, SAVE_DELAY_MS);
  }

  private onVisibility = () => {
    if (document.visibilityState === 'hidden') this.flushNow();
  };

  /** Writes what is pending now; resolves when it is stored. */
  flushNow = (): Promise<void> => {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const current = useMapStore.getState().map;
    const saved = this.saved;
    if (!current || !saved || !this.order || current === saved || current.id !== saved.id)
      return this.writing;
    const changes = diffMaps(saved, current, this.order);
    this.saved = current;
    if (isEmpty(changes)) {
      useSaveStatus.getState().set('saved');
      return this.writing;
    }
    this.writing = this.writing
      .then(() => this.repo.applyChanges(changes))
      .then(
        () => {
          if (this.saved === current) useSaveStatus.getState().set('saved');
        },
        (error: unknown) => {
          console.error('Saving failed', error);
          useSaveStatus
            .getState()
            .set('failed', error instanceof Error ? error.message : String(error));
        },
      );
    return this.writing;
  };

  dispose(): void {
    this.unsubscribe();
    removeEventListener('pagehide', this.flushNow);
    document.removeEventListener('visibilitychange', this.onVisibility);
  }
}
