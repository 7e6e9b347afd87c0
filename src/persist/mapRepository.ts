/**
 * Reading and writing whole maps and single changes. Every map read back passes the same
 * migrate → validate path as a file, so a damaged record is reported, never loaded half-broken.
 */
import { Dexie, type Table } from 'dexie';
import type { ArgMap } from '../model/schema';
import type { Problem } from '../model/problem';
import { loadMapDocument } from '../io/mapFile';
import { RECORD_FIELDS, type MapChanges } from './diffMaps';
import { ChangeFeed, type ChangeListener, type ChangeNotice } from './changeFeed';
import type { ArgmapDatabase, EdgeRecord, MapRecord, NodeRecord, SourceRecord } from './database';
import type { OutsideRecords, Stored } from './mergeOutside';

/** What the library lists for each stored map. */
export interface MapSummary {
  id: string;
  title: string;
  updatedAt?: string;
  openedAt?: string;
  nodeCount: number;
}

/** The tables that hold a map; written together, in one transaction. */
const TABLES = ['maps', 'sources', 'nodes', 'edges'];

/**
 * An edit that changes only nodes or edges leaves the map record alone; its modified time is
 * brought up to date with the first edit after this long.
 */
export const MODIFIED_TIME_GRANULARITY_MS = 60_000;

/** A stored map, validated; records that failed validation were left out and are reported. */
export type LoadedMap =
  { ok: true; map: ArgMap; skipped: Problem[] } | { ok: false; problems: Problem[] };

const strip = <T extends { mapId: string; order: number }>(row: T): Omit<T, 'mapId' | 'order'> => {
  const { mapId: _m, order: _o, ...rest } = row;
  return rest;
};

export class MapRepository {
  private readonly feed: ChangeFeed;

  constructor(
    readonly db: ArgmapDatabase,
    /** Identifies this tab in the change notices it sends. */
    readonly tabId: string = crypto.randomUUID(),
  ) {
    this.feed = new ChangeFeed(db.name);
  }

  /** Calls `listener` whenever another tab has written a map; returns the unsubscribe function. */
  onOutsideChange(listener: ChangeListener): () => void {
    return this.feed.subscribe((notice) => {
      if (notice.writer !== this.tabId) listener(notice);
    });
  }

  close(): void {
    this.feed.close();
    this.db.close();
  }

  private notify(notice: Omit<ChangeNotice, 'writer'>): void {
    this.feed.post({ ...notice, writer: this.tabId });
  }

  async listMaps(): Promise<MapSummary[]> {
    const maps = await this.db.maps.toArray();
    const summaries = await Promise.all(
      maps.map(async (m) => ({
        id: m.id,
        title: m.title,
        updatedAt: m.updatedAt,
        openedAt: m.openedAt,
        nodeCount: await this.db.nodes.where('mapId').equals(m.id).count(),
      })),
    );
    return summaries.sort((a, b) => (b.openedAt ?? '').localeCompare(a.openedAt ?? ''));
  }

  async getRecord(mapId: string): Promise<MapRecord | undefined> {
    return this.db.maps.get(mapId);
  }

  /**
   * The stored map, validated; `undefined` if there is none with that id. A node or edge record
   * that fails validation (damaged by hand, or left dangling by another tab's deletion) is left
   * out and reported in `skipped`, and the rest loads; it stays stored, untouched. A map whose own
   * record or sources are damaged is not loaded at all.
   */
  async loadMap(mapId: string): Promise<LoadedMap | undefined> {
    const read = await this.db.transaction('r', TABLES, async () => {
      const record = await this.db.maps.get(mapId);
      if (!record) return undefined;
      const [sources, nodes, edges] = await Promise.all([
        this.db.sources.where('mapId').equals(mapId).sortBy('order'),
        this.inOrder(this.db.nodes, mapId),
        this.inOrder(this.db.edges, mapId),
      ]);
      return { record, sources, nodes, edges };
    });
    if (!read) return undefined;
    const { record } = read;
    let nodes = read.nodes.map(strip);
    let edges = read.edges.map(strip);
    const skipped: Problem[] = [];
    // Leaving out a node can leave its edges dangling, hence a few rounds.
    for (let round = 0; round < 4; round++) {
      const doc: Record<string, unknown> = {
        format: 'argmap',
        version: record.version,
        id: record.id,
        title: record.title,
        createdAt: record.createdAt,
        updatedAt: record.updatedAt,
        sources: read.sources.map(strip),
        nodes,
        edges,
        groups: record.groups,
        // Tour steps at (and comments on) left-out records are left out with them.
        ...(skipped.length
          ? withoutLeftOut(record, nodes, edges)
          : pick(record, ['tour', 'tours', 'comments'])),
      };
      for (const key of Object.keys(doc)) if (doc[key] === undefined) delete doc[key];
      const loaded = loadMapDocument(doc);
      if (loaded.ok) return { ok: true, map: loaded.map, skipped };
      const bad = { nodes: new Set<number>(), edges: new Set<number>() };
      for (const problem of loaded.problems) {
        const match = /^(nodes|edges)\[(\d+)\]/.exec(problem.path);
        if (!match) return { ok: false, problems: loaded.problems };
        const list = match[1] as 'nodes' | 'edges';
        bad[list].add(Number(match[2]));
        const item = (list === 'nodes' ? nodes : edges)[Number(match[2])] as { id?: unknown };
        skipped.push({
          path: `${list.slice(0, -1)} "${String(item?.id)}"`,
          message: problem.message,
        });
      }
      nodes = nodes.filter((_, i) => !bad.nodes.has(i));
      edges = edges.filter((_, i) => !bad.edges.has(i));
    }
    return { ok: false, problems: skipped };
  }

  /** The records of one map in their stored order, read from the `[mapId+order]` index. */
  private inOrder<T>(table: Table<T, [string, string]>, mapId: string): Promise<T[]> {
    return table
      .where('[mapId+order]')
      .between([mapId, Dexie.minKey], [mapId, Dexie.maxKey])
      .toArray();
  }

  /** The records another tab's notice names, as they are stored now, for {@link mergeOutside}. */
  async readOutside(notice: ChangeNotice): Promise<OutsideRecords> {
    const { db } = this;
    const { mapId } = notice;
    return db.transaction('r', TABLES, async () => {
      const [record, nodes, edges, sources] = await Promise.all([
        notice.fields ? db.maps.get(mapId) : undefined,
        db.nodes.bulkGet(notice.nodes.map((id) => [mapId, id] as [string, string])),
        db.edges.bulkGet(notice.edges.map((id) => [mapId, id] as [string, string])),
        notice.sources ? db.sources.where('mapId').equals(mapId).sortBy('order') : undefined,
      ]);
      const stored = <T extends { mapId: string; order: number }>(
        row: T | undefined,
      ): Stored<Omit<T, 'mapId' | 'order'>> =>
        row ? { item: strip(row), order: row.order } : null;
      const outside: OutsideRecords = {
        nodes: new Map(notice.nodes.map((id, i) => [id, stored(nodes[i])])),
        edges: new Map(notice.edges.map((id, i) => [id, stored(edges[i])])),
      };
      if (record) {
        outside.fields = { title: record.title, tours: record.tours ?? [] };
        for (const key of ['groups', 'comments', 'updatedAt'] as const)
          if (record[key] !== undefined) Object.assign(outside.fields, { [key]: record[key] });
      }
      if (sources) outside.sources = sources.map(strip);
      return outside;
    });
  }

  /**
   * Stores a whole map, replacing any stored map with the same id (import, seeding, copy, and
   * after a failed write). The stored `openedAt` is kept unless `flags` gives one.
   */
  async putMap(map: ArgMap, flags: Pick<MapRecord, 'edited' | 'openedAt'> = {}): Promise<void> {
    const { db } = this;
    await db.transaction('rw', TABLES, async () => {
      const openedAt = flags.openedAt ?? (await db.maps.get(map.id))?.openedAt;
      await this.deleteRows(map.id);
      await db.maps.put({ ...this.mapFields(map), ...flags, ...(openedAt ? { openedAt } : {}) });
      await db.sources.bulkPut(map.sources.map((s, order) => ({ ...s, mapId: map.id, order })));
      await db.nodes.bulkPut(map.nodes.map((n, order) => ({ ...n, mapId: map.id, order })));
      await db.edges.bulkPut(map.edges.map((e, order) => ({ ...e, mapId: map.id, order })));
    });
    this.notify({ mapId: map.id, whole: true, nodes: [], edges: [] });
  }

  /**
   * Writes one batch of edits: only the records that changed. The map's own record is written
   * only when its title, tours, groups or comments changed, on the first edit (to mark it edited), or when its
   * modified time is more than {@link MODIFIED_TIME_GRANULARITY_MS} behind.
   */
  async applyChanges(changes: MapChanges): Promise<void> {
    const { db } = this;
    const { mapId, fields } = changes;
    let wroteRecord = false;
    await db.transaction('rw', TABLES, async () => {
      const record = await db.maps.get(mapId);
      if (!record)
        throw new Error(`The map "${mapId}" is no longer stored (was it deleted in another tab?).`);
      const ownFields = fields && RECORD_FIELDS.some((key) => key !== 'updatedAt' && key in fields);
      const stale =
        fields?.updatedAt !== undefined &&
        !(
          record.updatedAt &&
          Date.parse(fields.updatedAt) - Date.parse(record.updatedAt) < MODIFIED_TIME_GRANULARITY_MS
        );
      if (ownFields || stale || !record.edited) {
        const next: MapRecord = { ...record, ...fields, edited: true };
        for (const key of RECORD_FIELDS) if (next[key] === undefined) delete next[key];
        await db.maps.put(next);
        wroteRecord = true;
      }
      if (changes.sources) {
        await db.sources.where('mapId').equals(mapId).delete();
        await db.sources.bulkPut(
          changes.sources.map((s, order) => ({ ...s, mapId, order }) satisfies SourceRecord),
        );
      }
      if (changes.putNodes.length) {
        await db.nodes.bulkPut(
          changes.putNodes.map(
            ({ node, order }) => ({ ...node, mapId, order }) satisfies NodeRecord,
          ),
        );
      }
      if (changes.deleteNodes.length)
        await db.nodes.bulkDelete(changes.deleteNodes.map((id) => [mapId, id]));
      if (changes.putEdges.length) {
        await db.edges.bulkPut(
          changes.putEdges.map(
            ({ edge, order }) => ({ ...edge, mapId, order }) satisfies EdgeRecord,
          ),
        );
      }
      if (changes.deleteEdges.length)
        await db.edges.bulkDelete(changes.deleteEdges.map((id) => [mapId, id]));
    });
    this.notify({
      mapId,
      fields: wroteRecord,
      sources: changes.sources !== undefined,
      nodes: [...changes.putNodes.map((p) => p.node.id), ...changes.deleteNodes],
      edges: [...changes.putEdges.map((p) => p.edge.id), ...changes.deleteEdges],
    });
  }

  async markOpened(mapId: string): Promise<void> {
    await this.db.maps.update(mapId, { openedAt: new Date().toISOString() });
  }

  async deleteMap(mapId: string): Promise<void> {
    const { db } = this;
    await db.transaction('rw', TABLES, async () => {
      await db.maps.delete(mapId);
      await this.deleteRows(mapId);
    });
    this.notify({ mapId, deleted: true, nodes: [], edges: [] });
  }

  private async deleteRows(mapId: string): Promise<void> {
    await Promise.all([
      this.db.sources.where('mapId').equals(mapId).delete(),
      this.db.nodes.where('mapId').equals(mapId).delete(),
      this.db.edges.where('mapId').equals(mapId).delete(),
    ]);
  }

  private mapFields(map: ArgMap): MapRecord {
    const fields: MapRecord = {
      id: map.id,
      title: map.title,
      version: map.version,
    };
    if (map.createdAt) fields.createdAt = map.createdAt;
    if (map.updatedAt) fields.updatedAt = map.updatedAt;
    fields.tours = map.tours;
    if (map.groups) fields.groups = map.groups;
    if (map.comments) fields.comments = map.comments;
    return fields;
  }
}

function pick<T extends object, K extends keyof T>(
  from: T,
  keys: readonly K[],
): Partial<Pick<T, K>> {
  const picked: Partial<Pick<T, K>> = {};
  for (const key of keys) if (from[key] !== undefined) picked[key] = from[key];
  return picked;
}

/** The record's tours and comments without what names a node or edge that was left out. */
function withoutLeftOut(
  record: MapRecord,
  nodes: readonly { id: string }[],
  edges: readonly { id: string }[],
): Pick<MapRecord, 'tour' | 'tours' | 'comments'> {
  const ids = new Set(nodes.map((n) => n.id));
  const fields: Pick<MapRecord, 'tour' | 'tours' | 'comments'> = {};
  if (record.tour) fields.tour = record.tour.filter((id) => ids.has(id));
  if (record.tours)
    fields.tours = record.tours.map((t) => ({ ...t, steps: t.steps.filter((id) => ids.has(id)) }));
  if (record.comments) {
    for (const e of edges) ids.add(e.id);
    let kept = record.comments.filter((c) => ids.has(c.target));
    for (let size = -1; size !== kept.length;) {
      size = kept.length;
      const commentIds = new Set(kept.map((c) => c.id));
      kept = kept.filter((c) => c.replyTo === undefined || commentIds.has(c.replyTo));
    }
    fields.comments = kept;
  }
  return fields;
}
