/**
 * Writes every committed map edit to IndexedDB within {@link SAVE_DELAY_MS}, as the records that
 * changed (see persist/diffMaps). A pending write is flushed at once when the page is hidden or
 * left (`visibilitychange`, `pagehide`), so closing the tab right after an edit loses nothing.
 */
import type { ArgMap } from '../model/schema';
import { diffMaps, isEmpty, orderOf, type StoredOrder } from '../persist/diffMaps';
import type { MapRepository } from '../persist/mapRepository';
import { mergeOutside, type OutsideRecords } from '../persist/mergeOutside';
import { useMapStore } from '../store/mapStore';
import { useSaveStatus } from './saveStatus';

export const SAVE_DELAY_MS = 250;

/** localStorage key prefix of maps whose last edits were not yet in IndexedDB at page exit. */
export const UNSAVED_PREFIX = 'argmap-unsaved:';

/**
 * Stores the maps a previous page left unsaved in localStorage (after validating them), then
 * forgets them. Returns the ids recovered.
 */
export async function recoverUnsavedMaps(repo: MapRepository): Promise<string[]> {
  const { loadMapDocument } = await import('../io/mapFile');
  const recovered: string[] = [];
  for (const key of Object.keys(localStorage)) {
    if (!key.startsWith(UNSAVED_PREFIX)) continue;
    try {
      const loaded = loadMapDocument(JSON.parse(localStorage.getItem(key) ?? 'null'));
      if (loaded.ok) {
        const record = await repo.getRecord(loaded.map.id);
        await repo.putMap(loaded.map, {
          edited: true,
          ...(record?.openedAt ? { openedAt: record.openedAt } : {}),
        });
        recovered.push(loaded.map.id);
      } else {
        console.error(`Unsaved edits in ${key} are not a valid map and were not restored.`);
      }
    } catch (error) {
      console.error(`Unsaved edits in ${key} could not be restored`, error);
    }
    localStorage.removeItem(key);
  }
  return recovered;
}

export class Autosave {
  /** The version of the open map that IndexedDB holds (or will, once queued writes finish). */
  private saved: ArgMap | null = null;
  private order: StoredOrder | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private writing: Promise<void> = Promise.resolve();
  /**
   * A write failed (storage full, or IndexedDB went away): what is stored is no longer known
   * record by record, so the next write stores the whole open map.
   */
  private failed = false;
  private readonly unsubscribe: () => void;

  constructor(private readonly repo: MapRepository) {
    this.unsubscribe = useMapStore.subscribe((state, previous) => {
      if (state.map !== previous.map) this.onMapChanged(state.map);
    });
    addEventListener('pagehide', this.onPageHide);
    document.addEventListener('visibilitychange', this.onVisibility);
  }

  /** Call when a map is opened or replaced from storage: that version is already stored. */
  markSaved(map: ArgMap | null): void {
    this.saved = map;
    this.failed = false;
    this.order = map ? orderOf(map) : null;
  }

  /**
   * Merges records another tab wrote into the open map, the stored version this tab knows, and
   * the undo history (see persist/mergeOutside for the rule). A record this tab has changed and
   * not yet written keeps this tab's version: its write comes later, so it is the last write.
   */
  absorb(outside: OutsideRecords): void {
    const saved = this.saved;
    const order = this.order;
    const current = useMapStore.getState().map;
    if (!saved || !order || !current || current.id !== saved.id) return;
    for (const [keys, records] of [
      [order.nodes, outside.nodes],
      [order.edges, outside.edges],
    ] as const) {
      for (const [id, stored] of records) {
        if (stored) keys.set(id, stored.order);
        else keys.delete(id);
      }
    }
    this.saved = mergeOutside(saved, outside, order);
    let map = this.saved;
    if (current !== saved) {
      // Ids among the outside records that this tab changed, added or deleted since `saved`.
      const pending = <T extends { id: string }>(a: T[], b: T[], ids: Map<string, unknown>) => {
        const pick = (list: T[]) =>
          new Map(list.filter((x) => ids.has(x.id)).map((x) => [x.id, x]));
        const [before, after] = [pick(a), pick(b)];
        return new Set([...ids.keys()].filter((id) => before.get(id) !== after.get(id)));
      };
      const pendingNodes = pending(saved.nodes, current.nodes, outside.nodes);
      const pendingEdges = pending(saved.edges, current.edges, outside.edges);
      const fieldsPending = current.title !== saved.title || current.tour !== saved.tour;
      map = mergeOutside(
        current,
        {
          ...(outside.fields && !fieldsPending ? { fields: outside.fields } : {}),
          ...(outside.sources && current.sources === saved.sources
            ? { sources: outside.sources }
            : {}),
          nodes: new Map([...outside.nodes].filter(([id]) => !pendingNodes.has(id))),
          edges: new Map([...outside.edges].filter(([id]) => !pendingEdges.has(id))),
        },
        order,
      );
    }
    useMapStore.getState().absorbOutside(map, (m) => mergeOutside(m, outside, order));
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

  /**
   * The page is going away: start the write, and also keep the unsaved map in localStorage,
   * whose writes are synchronous, because an IndexedDB transaction begun now may never finish.
   * The next start replays it ({@link recoverUnsavedMaps}).
   */
  private onPageHide = () => {
    const current = useMapStore.getState().map;
    if (current && this.saved && current !== this.saved && current.id === this.saved.id) {
      try {
        localStorage.setItem(`${UNSAVED_PREFIX}${current.id}`, JSON.stringify(current));
      } catch {
        // Storage full or unavailable: the IndexedDB write below is all we can do.
      }
    }
    void this.flushNow();
  };

  /** Writes what is pending now; resolves when it is stored (or the write failed). */
  flushNow = (): Promise<void> => {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const current = useMapStore.getState().map;
    const saved = this.saved;
    if (!current || !saved || !this.order || current.id !== saved.id) return this.writing;
    if (current === saved && !this.failed) return this.writing;
    let write: Promise<void>;
    if (this.failed) {
      this.failed = false;
      this.order = orderOf(current);
      write = this.repo.putMap(current, { edited: true });
    } else {
      const changes = diffMaps(saved, current, this.order);
      if (isEmpty(changes)) {
        this.saved = current;
        useSaveStatus.getState().set('saved');
        return this.writing;
      }
      // Start the transaction now, not after the previous write: IndexedDB runs read-write
      // transactions on the same tables in the order they were created, and a write begun in
      // `pagehide` must not wait behind another one while the page goes away.
      write = this.repo.applyChanges(changes);
    }
    this.saved = current;
    const done = write.then(
      () => {
        // "Saved" only once nothing newer is waiting to be written.
        if (
          this.saved === current &&
          !this.failed &&
          !this.timer &&
          useMapStore.getState().map === current
        ) {
          useSaveStatus.getState().set('saved');
          localStorage.removeItem(`${UNSAVED_PREFIX}${current.id}`);
        }
      },
      (error: unknown) => {
        console.error('Saving failed', error);
        this.failed = true;
        useSaveStatus.getState().set('failed', describeWriteError(error));
      },
    );
    this.writing = Promise.all([this.writing, done]).then(() => undefined);
    return this.writing;
  };

  dispose(): void {
    this.unsubscribe();
    removeEventListener('pagehide', this.onPageHide);
    document.removeEventListener('visibilitychange', this.onVisibility);
  }
}

/** Why a write failed, in words for the user. */
export function describeWriteError(error: unknown): string {
  const names = [error, (error as { inner?: unknown } | null)?.inner].map(
    (e) => (e as { name?: string } | null)?.name,
  );
  if (names.includes('QuotaExceededError'))
    return "The browser's storage for this site is full, so your latest changes are not saved. Download this map or a backup now, then free space (delete maps you no longer need) and try again.";
  return `Your latest changes could not be saved (${error instanceof Error ? error.message : String(error)}). Download this map or a backup now, then try again.`;
}
