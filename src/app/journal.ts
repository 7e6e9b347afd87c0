/**
 * Each tab's journal of edits not yet confirmed in IndexedDB, in localStorage (whose writes are
 * synchronous, so an edit is in it before the page can close or crash). A journal is a list of
 * entries, each the records one write changes (or, after a failed write, the whole map). The next
 * start replays the journals of tabs that are gone — never of a tab still open, whose own writes
 * are under way (each tab holds a Web Lock for its lifetime).
 */
import type { MapChanges } from '../persist/diffMaps';
import type { MapRepository } from '../persist/mapRepository';

export const JOURNAL_PREFIX = 'argmap-unsaved:';
const LOCK_PREFIX = 'argmap-tab:';

export type JournalEntry = { changes: MapChanges } | { map: unknown };

/** Holds this tab's lock until the tab is gone, so no other tab replays its journal meanwhile. */
export function holdTabLock(tabId: string): void {
  void navigator.locks
    ?.request(`${LOCK_PREFIX}${tabId}`, () => new Promise<never>(() => undefined))
    .catch(() => undefined);
}

/** Replaces this tab's journal; false if localStorage refused (full or unavailable). */
export function writeJournal(tabId: string, entries: readonly JournalEntry[]): boolean {
  try {
    localStorage.setItem(`${JOURNAL_PREFIX}${tabId}`, JSON.stringify(entries));
    return true;
  } catch {
    return false;
  }
}

export function clearJournal(tabId: string): void {
  try {
    localStorage.removeItem(`${JOURNAL_PREFIX}${tabId}`);
  } catch {
    // localStorage unavailable: there is no journal to clear.
  }
}

/**
 * Replays the journals that tabs now gone left behind (after validating them), then forgets them.
 * Only the records those tabs changed are written, so a replay never undoes what another tab
 * stored in other records. Returns the ids of the maps recovered.
 */
export async function recoverUnsavedEdits(repo: MapRepository): Promise<string[]> {
  const keys = Object.keys(localStorage).filter((key) => key.startsWith(JOURNAL_PREFIX));
  if (!keys.length) return [];
  const [{ loadMapDocument }, { nodeSchema, edgeSchema, sourceSchema }, held] = await Promise.all([
    import('../io/mapFile'),
    import('../model/schema'),
    navigator.locks?.query().then((s) => new Set(s.held?.map((lock) => lock.name))),
  ]);
  const validChanges = (c: MapChanges) =>
    typeof c.mapId === 'string' &&
    c.putNodes.every(({ node, order }) => nodeSchema.safeParse(node).success && isFinite(order)) &&
    c.putEdges.every(({ edge, order }) => edgeSchema.safeParse(edge).success && isFinite(order)) &&
    c.deleteNodes.every((id) => typeof id === 'string') &&
    c.deleteEdges.every((id) => typeof id === 'string') &&
    (c.sources ?? []).every((source) => sourceSchema.safeParse(source).success);
  const recovered: string[] = [];
  for (const key of keys) {
    if (held?.has(`${LOCK_PREFIX}${key.slice(JOURNAL_PREFIX.length)}`)) continue; // still open
    try {
      const stored: unknown = JSON.parse(localStorage.getItem(key) ?? '[]');
      // Before journals were lists, the whole unsaved map was kept under the map's id.
      const entries = (Array.isArray(stored) ? stored : [{ map: stored }]) as JournalEntry[];
      for (const entry of entries) {
        if ('changes' in entry) {
          if (!validChanges(entry.changes)) throw new Error('the journal holds an invalid record');
          await repo.applyChanges(entry.changes);
          recovered.push(entry.changes.mapId);
        } else {
          const loaded = loadMapDocument(entry.map);
          if (!loaded.ok) throw new Error('the journal holds an invalid map');
          await repo.putMap(loaded.map, { edited: true });
          recovered.push(loaded.map.id);
        }
      }
    } catch (error) {
      console.error(`Unsaved edits in ${key} could not be restored`, error);
    }
    localStorage.removeItem(key);
  }
  return [...new Set(recovered)];
}
