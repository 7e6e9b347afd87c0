/**
 * Tells the other tabs of this browser what a write changed, record by record, so that each can
 * merge those records into the map it has open instead of reloading it (app/followOtherTabs).
 * One BroadcastChannel per database; a tab never hears its own notices.
 */

/** What one committed write changed in one map. */
export interface ChangeNotice {
  mapId: string;
  /** The tab that wrote it. */
  writer: string;
  /** The map was stored whole (import, seeding, recovery): reload it. */
  whole?: boolean;
  /** The map was deleted. */
  deleted?: boolean;
  /** Its title, tour or modified time changed. */
  fields?: boolean;
  /** Its sources were replaced. */
  sources?: boolean;
  /** Ids of nodes written or deleted. */
  nodes: string[];
  /** Ids of edges written or deleted. */
  edges: string[];
  /**
   * Node records this write replaced although the writer had not seen them (another tab wrote
   * them in between), as they were: the tab that wrote them learns its version was overwritten.
   */
  overwrote?: { nodes: Record<string, unknown> };
}

export type ChangeListener = (notice: ChangeNotice) => void;

export class ChangeFeed {
  private readonly channel: BroadcastChannel | null;
  private readonly listeners = new Set<ChangeListener>();

  constructor(databaseName: string) {
    // Without BroadcastChannel (very old browsers) tabs simply do not follow each other.
    this.channel =
      typeof BroadcastChannel === 'undefined'
        ? null
        : new BroadcastChannel(`${databaseName}:changes`);
    this.channel?.addEventListener('message', (event: MessageEvent<ChangeNotice>) => {
      for (const listener of this.listeners) listener(event.data);
    });
  }

  post(notice: ChangeNotice): void {
    this.channel?.postMessage(notice);
  }

  /** Calls `listener` for every notice from another tab; returns the unsubscribe function. */
  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    this.listeners.clear();
    this.channel?.close();
  }
}
