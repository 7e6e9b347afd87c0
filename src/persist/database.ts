/**
 * The IndexedDB schema (Dexie). A map is spread over four tables keyed by `[mapId+id]`, so that
 * editing one node writes one record, not the whole map. This folder is the only place that
 * knows IndexedDB.
 */
import { Dexie, type EntityTable, type Table } from 'dexie';
import type { ArgEdge, ArgNode, Comment, Group, Source, Tour } from '../model/schema';

/** A map's own fields (everything but its sources, nodes and edges). */
export interface MapRecord {
  id: string;
  title: string;
  /** The format version of the map's fields; records are brought up to 2 when the database opens. */
  version: number;
  createdAt?: string;
  updatedAt?: string;
  /** Format version 1's one tour; database version 3 turns it into `tours`. */
  tour?: readonly string[];
  tours?: readonly Tour[];
  groups?: readonly Group[];
  comments?: readonly Comment[];
  /** Set on the first edit; a shipped map the user has edited is never overwritten. */
  edited?: boolean;
  /** When the user last opened it (ISO time), to list the last opened first. */
  openedAt?: string;
}

/** Each row remembers its map and its place in the map's list, so the document round-trips. */
export type SourceRecord = Source & { mapId: string; order: number };
export type NodeRecord = ArgNode & { mapId: string; order: number };
export type EdgeRecord = ArgEdge & { mapId: string; order: number };

/** Small facts about the database itself, e.g. which shipped maps were seeded. */
export interface MetaRecord {
  key: string;
  value: string;
}

export type ArgmapDatabase = Dexie & {
  maps: EntityTable<MapRecord, 'id'>;
  sources: Table<SourceRecord, [string, string]>;
  nodes: Table<NodeRecord, [string, string]>;
  edges: Table<EdgeRecord, [string, string]>;
  meta: EntityTable<MetaRecord, 'key'>;
};

export const DATABASE_NAME = 'argmap-editor';

/**
 * Opens (creating or upgrading) the database. Every past schema version stays declared, with the
 * upgrade that brings its data forward, so a database of any earlier version opens with its maps
 * intact (tests/unit/persist/upgrade.test.ts opens one written by version 1).
 */
export function openDatabase(name = DATABASE_NAME): ArgmapDatabase {
  const db = new Dexie(name) as ArgmapDatabase;
  db.version(1).stores({
    maps: 'id, openedAt',
    sources: '[mapId+id], mapId',
    nodes: '[mapId+id], mapId',
    edges: '[mapId+id], mapId',
    meta: 'key',
  });
  // Version 2: nodes and edges are read in their stored order straight from an index, and map
  // records lose `revision`/`writer` (tabs now tell each other what changed over a
  // BroadcastChannel, so an edit no longer rewrites the map record).
  db.version(2)
    .stores({
      nodes: '[mapId+id], mapId, [mapId+order]',
      edges: '[mapId+id], mapId, [mapId+order]',
    })
    .upgrade((tx) =>
      tx
        .table('maps')
        .toCollection()
        .modify((record: Record<string, unknown>) => {
          delete record.revision;
          delete record.writer;
        }),
    );
  // Version 3: map records follow format version 2, whose named `tours` replace the one `tour`
  // (the same step as the file migration 1 → 2; nodes, edges and sources need none).
  db.version(3)
    .stores({})
    .upgrade((tx) =>
      tx
        .table('maps')
        .toCollection()
        .modify((record: Record<string, unknown>) => {
          if (typeof record.version !== 'number' || record.version >= 2) return;
          const { tour } = record;
          delete record.tour;
          record.tours = Array.isArray(tour)
            ? [{ id: 't1', title: 'Walk-through', steps: tour }]
            : [];
          record.version = 2;
        }),
    );
  return db;
}
