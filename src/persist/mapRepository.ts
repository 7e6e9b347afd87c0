/**
 * Reading and writing whole maps and single changes. Every map read back passes the same
 * migrate → validate path as a file, so a damaged record is reported, never loaded half-broken.
 */
import type { ArgMap } from '../model/schema';
import type { Problem } from '../model/problem';
import { loadMapDocument } from '../io/mapFile';
import type { MapChanges } from './diffMaps';
import type { ArgmapDatabase, EdgeRecord, MapRecord, NodeRecord, SourceRecord } from './database';

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

const strip = <T extends { mapId: string; order: number }>(row: T): Omit<T, 'mapId' | 'order'> => {
  const { mapId: _m, order: _o, ...rest } = row;
  return rest;
};

export class MapRepository {
  constructor(
    readonly db: ArgmapDatabase,
    /** Identifies this tab in `writer`, so it can ignore its own writes when they echo back. */
    readonly tabId: string = crypto.randomUUID(),
  ) {}

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

  /** The stored map, validated; `undefined` if there is none with that id. */
  async loadMap(
    mapId: string,
  ): Promise<{ ok: true; map: ArgMap } | { ok: false; problems: Problem[] } | undefined> {
    return this.db.transaction('r', TABLES, async () => {
      const record = await this.db.maps.get(mapId);
      if (!record) return undefined;
      const [sources, nodes, edges] = await Promise.all([
        this.db.sources.where('mapId').equals(mapId).sortBy('order'),
        this.db.nodes.where('mapId').equals(mapId).sortBy('order'),
        this.db.edges.where('mapId').equals(mapId).sortBy('order'),
      ]);
      const doc: Record<string, unknown> = {
        format: 'argmap',
        version: record.version,
        id: record.id,
        title: record.title,
        createdAt: record.createdAt,
        updatedAt: record.updatedAt,
        sources: sources.map(strip),
        nodes: nodes.map(strip),
        edges: edges.map(strip),
        tour: record.tour,
      };
      for (const key of Object.keys(doc)) if (doc[key] === undefined) delete doc[key];
      const loaded = loadMapDocument(doc);
      return loaded.ok
        ? { ok: true as const, map: loaded.map }
        : { ok: false as const, problems: loaded.problems };
    });
  }

  /** Stores a whole map, replacing any stored map with the same id (import, seeding, copy). */
  async putMap(map: ArgMap, flags: Pick<MapRecord, 'edited' | 'openedAt'> = {}): Promise<void> {
    const { db } = this;
    await db.transaction('rw', TABLES, async () => {
      const previous = await db.maps.get(map.id);
      await this.deleteRows(map.id);
      await db.maps.put({
        ...this.mapFields(map),
        ...flags,
        revision: (previous?.revision ?? 0) + 1,
        writer: this.tabId,
      });
      await db.sources.bulkPut(map.sources.map((s, order) => ({ ...s, mapId: map.id, order })));
      await db.nodes.bulkPut(map.nodes.map((n, order) => ({ ...n, mapId: map.id, order })));
      await db.edges.bulkPut(map.edges.map((e, order) => ({ ...e, mapId: map.id, order })));
    });
  }

  /** Writes one batch of edits: only the records that changed, and the map's own record. */
  async applyChanges(changes: MapChanges): Promise<void> {
    const { db } = this;
    const { mapId } = changes;
    await db.transaction('rw', TABLES, async () => {
      const record = await db.maps.get(mapId);
      if (!record)
        throw new Error(`The map "${mapId}" is no longer stored (was it deleted in another tab?).`);
      await db.maps.put({
        ...record,
        ...changes.fields,
        edited: true,
        revision: record.revision + 1,
        writer: this.tabId,
      });
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
  }

  private async deleteRows(mapId: string): Promise<void> {
    await Promise.all([
      this.db.sources.where('mapId').equals(mapId).delete(),
      this.db.nodes.where('mapId').equals(mapId).delete(),
      this.db.edges.where('mapId').equals(mapId).delete(),
    ]);
  }

  private mapFields(map: ArgMap): Omit<MapRecord, 'revision'> {
    const fields: Omit<MapRecord, 'revision'> = {
      id: map.id,
      title: map.title,
      version: map.version,
    };
    if (map.createdAt) fields.createdAt = map.createdAt;
    if (map.updatedAt) fields.updatedAt = map.updatedAt;
    if (map.tour) fields.tour = map.tour;
    return fields;
  }
}
