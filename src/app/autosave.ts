/**
 * Writes every committed map edit to IndexedDB within {@link SAVE_DELAY_MS}, as the records that
 * changed (see persist/diffMaps). A pending write is flushed at once when the page is hidden or
 * left (`visibilitychange`, `pagehide`). Until a write is confirmed, the edits it carries are also
 * in this tab's journal in localStorage (app/journal), written synchronously with each edit, so
 * neither closing the tab nor a crash of the page right after an edit loses it.
 */
import type { ArgMap, ArgNode } from '../model/schema';
import type { ChangeNotice } from '../persist/changeFeed';
import { sameRecord } from '../persist/mapRepository';
import { useConflicts } from './conflicts';
import { diffMaps, isEmpty, orderOf, RECORD_FIELDS, type StoredOrder } from '../persist/diffMaps';
import type { MapRepository } from '../persist/mapRepository';
import { mergeOutside, type OutsideRecords } from '../persist/mergeOutside';
import { useMapStore } from '../store/mapStore';
import { useSaveStatus } from './saveStatus';
import { clearJournal, writeJournal, type JournalEntry } from './journal';

export const SAVE_DELAY_MS = 250;

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
  /** Writes begun and not yet confirmed, oldest first; they stay in the journal until then. */
  private unconfirmed: JournalEntry[] = [];
  /** The last version of each node this tab wrote, to know it when another tab overwrites it. */
  private written = new Map<string, ArgNode>();
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
    if (map?.id !== this.saved?.id) this.written.clear();
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
      const pending = <T extends { id: string }>(
        a: readonly T[],
        b: readonly T[],
        ids: Map<string, unknown>,
      ) => {
        const pick = (list: readonly T[]) =>
          new Map(list.filter((x) => ids.has(x.id)).map((x) => [x.id, x]));
        const [before, after] = [pick(a), pick(b)];
        return new Set([...ids.keys()].filter((id) => before.get(id) !== after.get(id)));
      };
      const pendingNodes = pending(saved.nodes, current.nodes, outside.nodes);
      const pendingEdges = pending(saved.edges, current.edges, outside.edges);
      const fieldsPending = RECORD_FIELDS.some(
        (key) => key !== 'updatedAt' && current[key] !== saved[key],
      );
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
    if (!map || !this.saved || map.id !== this.saved.id) return;
    if (map === this.saved) {
      if (this.timer && !this.failed) this.backToStored();
      return;
    }
    useSaveStatus.getState().set('pending');
    this.journalPending(map);
    // The delay runs from the first unsaved edit, not the last, so a write is never postponed
    // beyond SAVE_DELAY_MS by continued typing.
    this.timer ??= setTimeout(this.flushNow, SAVE_DELAY_MS);
  }

  /**
   * The edits waiting for the timer were all taken back (undo before the write): the open map is
   * the stored one again, so nothing is written, the journal keeps only the writes under way (a
   * crash must not bring the undone edits back), and the status says saved once those are done.
   */
  private backToStored() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.unconfirmed.length) {
      writeJournal(this.repo.tabId, this.unconfirmed);
      return; // the write under way says "saved" when it is confirmed
    }
    clearJournal(this.repo.tabId);
    useSaveStatus.getState().set('saved');
  }

  private onVisibility = () => {
    if (document.visibilityState === 'hidden') this.flushNow();
  };

  /** The page is going away: start the write now (the journal already holds the edits). */
  private onPageHide = () => {
    void this.flushNow();
  };

  /**
   * Puts the edits not yet confirmed in the journal: the writes under way, and the records `map`
   * changed since the last write began (after a failed write, the whole map).
   */
  private journalPending(map: ArgMap) {
    const saved = this.saved;
    const order = this.order;
    if (!saved || !order) return;
    const pending: JournalEntry = this.failed
      ? { map }
      : {
          changes: diffMaps(saved, map, {
            nodes: new Map(order.nodes),
            edges: new Map(order.edges),
          }),
        };
    writeJournal(this.repo.tabId, [...this.unconfirmed, pending]);
  }

  /** Writes what is pending now; resolves when it is stored (or the write failed). */
  flushNow = (): Promise<void> => {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const current = useMapStore.getState().map;
    const saved = this.saved;
    if (!current || !saved || !this.order || current.id !== saved.id) return this.writing;
    if (current === saved && !this.failed) return this.writing;
    let write: Promise<void>;
    let entry: JournalEntry;
    if (this.failed) {
      this.failed = false;
      this.order = orderOf(current);
      entry = { map: current };
      write = this.repo.putMap(current, { edited: true });
    } else {
      const changes = diffMaps(saved, current, this.order);
      if (isEmpty(changes)) {
        this.saved = current;
        useSaveStatus.getState().set('saved');
        return this.writing;
      }
      entry = { changes };
      // What this tab believed stored for each node it writes: a stored node that differs was
      // written by another tab meanwhile, and that tab is told its version was overwritten.
      const savedNodes = new Map(saved.nodes.map((n) => [n.id, n]));
      const base = new Map<string, ArgNode>();
      for (const { node } of changes.putNodes) {
        const known = savedNodes.get(node.id);
        if (known) base.set(node.id, known);
        this.written.set(node.id, node);
      }
      // Start the transaction now, not after the previous write: IndexedDB runs read-write
      // transactions on the same tables in the order they were created, and a write begun in
      // `pagehide` must not wait behind another one while the page goes away.
      write = this.repo.applyChanges(changes, base);
    }
    this.saved = current;
    this.unconfirmed.push(entry);
    const done = write.then(
      () => {
        this.unconfirmed = this.unconfirmed.filter((e) => e !== entry);
        const now = useMapStore.getState().map;
        if (now && now !== this.saved) this.journalPending(now);
        else if (this.unconfirmed.length) writeJournal(this.repo.tabId, this.unconfirmed);
        else clearJournal(this.repo.tabId);
        // "Saved" only once nothing newer is waiting to be written.
        if (
          this.saved === current &&
          !this.failed &&
          !this.timer &&
          useMapStore.getState().map === current
        ) {
          useSaveStatus.getState().set('saved');
        }
      },
      (error: unknown) => {
        console.error('Saving failed', error);
        // The next write stores the whole map, which covers this one.
        this.unconfirmed = this.unconfirmed.filter((e) => e !== entry);
        this.failed = true;
        useSaveStatus.getState().set('failed', describeWriteError(error));
      },
    );
    this.writing = Promise.all([this.writing, done]).then(() => undefined);
    return this.writing;
  };

  /**
   * Another tab's write replaced nodes it had not seen: those this tab wrote last (the same
   * version) are this tab's overwritten edits, kept with a notice until restored or dismissed.
   */
  noticeOverwrites(notice: ChangeNotice): void {
    const current = useMapStore.getState().map;
    if (!notice.overwrote || !current || current.id !== notice.mapId) return;
    for (const [id, theirs] of Object.entries(notice.overwrote.nodes)) {
      const mine = this.written.get(id);
      if (mine && sameRecord(mine, theirs))
        useConflicts.getState().add({ mapId: notice.mapId, nodeId: id, mine });
    }
  }

  /** Stops: no further write starts (a pending one stays in the journal for the next start). */
  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.unsubscribe();
    removeEventListener('pagehide', this.onPageHide);
    document.removeEventListener('visibilitychange', this.onVisibility);
  }
}

/** Why a write failed, in words for the user. */
function describeWriteError(error: unknown): string {
  const names = [error, (error as { inner?: unknown } | null)?.inner].map(
    (e) => (e as { name?: string } | null)?.name,
  );
  if (names.includes('DatabaseClosedError'))
    return 'Your latest changes are not saved: a newer version of the editor opened in another tab. Reload this tab to store them.';
  if (names.includes('QuotaExceededError'))
    return "The browser's storage for this site is full, so your latest changes are not saved. Download this map or a backup now, then free space (delete maps you no longer need) and try again.";
  return `Your latest changes could not be saved (${error instanceof Error ? error.message : String(error)}). Download this map or a backup now, then try again.`;
}
