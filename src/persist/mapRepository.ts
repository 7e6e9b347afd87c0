/**
 * Reading and writing whole maps and single changes. Every map read back passes the same
 * migrate → validate path as a file, so a damaged record is reported, never loaded half-broken.
 */
import { Dexie, type Table } from 'dexie';
import type { ArgEdge, ArgMap, ArgNode, Comment } from '../model/schema';
import { problem, type Problem } from '../model/problem';
import { migrate } from '../io/migrations';
import { DEFAULT_TOUR } from '../model/tours';
import { RECORD_FIELDS, type MapChanges, type RecordFields } from './diffMaps';
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

/** Records written in one request when a whole map is written (see putMap). */
const WRITE_PIECE = 2_000;

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

/** Whether two records hold the same fields and values, whatever the order of their keys. */
export function sameRecord(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    isObject(v) ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => (x < y ? -1 : 1))) : v,
  );
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

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
   * record or sources are damaged is not loaded at all. (The editor does this in its I/O worker:
   * see {@link loadStoredMap}.)
   */
  async loadMap(mapId: string): Promise<LoadedMap | undefined> {
    return loadStoredMap(this.db, mapId);
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
      // In pieces: the browser copies each piece in the page's thread as it is written, and a
      // map at the limits in one piece would block the page for most of a second.
      for (const [order, s] of map.sources.entries())
        await db.sources.put({ ...s, mapId: map.id, order });
      for (let at = 0; at < map.nodes.length; at += WRITE_PIECE)
        await db.nodes.bulkPut(
          map.nodes
            .slice(at, at + WRITE_PIECE)
            .map((n, i) => ({ ...n, mapId: map.id, order: at + i })),
        );
      for (let at = 0; at < map.edges.length; at += WRITE_PIECE)
        await db.edges.bulkPut(
          map.edges
            .slice(at, at + WRITE_PIECE)
            .map((e, i) => ({ ...e, mapId: map.id, order: at + i })),
        );
    });
    this.notify({ mapId: map.id, whole: true, nodes: [], edges: [] });
  }

  /**
   * Writes one batch of edits: only the records that changed. The map's own record is written
   * only when its title, tours, groups or comments changed, on the first edit (to mark it edited), or when its
   * modified time is more than {@link MODIFIED_TIME_GRANULARITY_MS} behind.
   */
  async applyChanges(
    changes: MapChanges,
    /**
     * The stored version of each node this tab knew before its edit (autosave's); a stored
     * node that differs from it was written by another tab meanwhile, and is reported as
     * overwritten in the change notice.
     */
    base?: ReadonlyMap<string, ArgNode>,
  ): Promise<void> {
    const { db } = this;
    const { mapId } = changes;
    let wroteRecord = false;
    const overwrote: Record<string, unknown> = {};
    await db.transaction('rw', TABLES, async () => {
      if (base && changes.putNodes.length) {
        const rows = await db.nodes.bulkGet(
          changes.putNodes.map((p) => [mapId, p.node.id] as [string, string]),
        );
        changes.putNodes.forEach(({ node }, i) => {
          const row = rows[i];
          const known = base.get(node.id);
          if (!row || !known) return;
          const stored = strip(row);
          if (!sameRecord(stored, known) && !sameRecord(stored, node)) overwrote[node.id] = stored;
        });
      }
      const record = await db.maps.get(mapId);
      if (!record)
        throw new Error(`The map "${mapId}" is no longer stored (was it deleted in another tab?).`);
      const fields = changes.fields && withoutLegacyTour(changes.fields, record);
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
      ...(Object.keys(overwrote).length ? { overwrote: { nodes: overwrote } } : {}),
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

/**
 * A journal written by a build before format version 2 may carry the map's one `tour`: it becomes
 * the steps of the first tour, so the record never holds a field the format no longer has.
 */
function withoutLegacyTour(fields: RecordFields, record: MapRecord): RecordFields {
  if (!('tour' in fields)) return fields;
  const { tour, ...rest } = fields as RecordFields & { tour?: unknown };
  if (!Array.isArray(tour) || 'tours' in rest) return rest;
  const [first, ...others] = record.tours ?? [];
  const steps = tour.filter((id): id is string => typeof id === 'string');
  return { ...rest, tours: [{ ...(first ?? DEFAULT_TOUR), steps }, ...others] };
}

function pick<T extends object, K extends keyof T>(
  from: T,
  keys: readonly K[],
): Partial<Pick<T, K>> {
  const picked: Partial<Pick<T, K>> = {};
  for (const key of keys) if (from[key] !== undefined) picked[key] = from[key];
  return picked;
}

/**
 * The stored tours and comments (of the migrated document) without what names a node or edge
 * that is not loaded, and a problem for each step or comment left out.
 */
function withoutLeftOut(
  frame: ArgMap,
  doc: Record<string, unknown>,
  nodes: readonly { id: string }[],
  edges: readonly { id: string }[],
): { fields: Pick<ArgMap, 'tours' | 'comments'>; dropped: Problem[] } {
  const dropped: Problem[] = [];
  const ids = new Set(nodes.map((n) => n.id));
  const storedTours = list(doc.tours) as { steps?: unknown }[];
  const tours = frame.tours.map((tour, i) => {
    const steps = list(storedTours[i]?.steps).filter((id): id is string => {
      const ok = typeof id === 'string' && ids.has(id);
      if (!ok) dropped.push(problem(`tour "${tour.id}"`, 'repStepMissing', JSON.stringify(id)));
      return ok;
    });
    return { ...tour, steps };
  });
  if (doc.comments === undefined) return { fields: { tours }, dropped };
  for (const e of edges) ids.add(e.id);
  // Comments are checked like the frame: only their targets and replies depend on other records.
  const comments = list(doc.comments).filter(isObject) as unknown as Comment[];
  let kept = comments.filter((c) => ids.has(c.target));
  for (let size = -1; size !== kept.length;) {
    size = kept.length;
    const commentIds = new Set(kept.map((c) => c.id));
    kept = kept.filter((c) => c.replyTo === undefined || commentIds.has(c.replyTo));
  }
  const keptSet = new Set(kept);
  for (const c of comments)
    if (!keptSet.has(c)) dropped.push(problem(`comment "${String(c.id)}"`, 'repOrphan'));
  return { fields: { tours, comments: kept }, dropped };
}

/**
 * A stored map read and validated (see {@link MapRepository.loadMap}): usable wherever the
 * database can be opened, the I/O worker included, where it runs so that reading and checking a
 * map of 100,000 sentences never blocks the editor's thread.
 */
export async function loadStoredMap(
  db: ArgmapDatabase,
  mapId: string,
): Promise<LoadedMap | undefined> {
  const read = await db.transaction('r', TABLES, async () => {
    const record = await db.maps.get(mapId);
    if (!record) return undefined;
    const [sources, nodes, edges] = await Promise.all([
      db.sources.where('mapId').equals(mapId).sortBy('order'),
      inOrder(db.nodes, mapId),
      inOrder(db.edges, mapId),
    ]);
    return { record, sources, nodes, edges };
  });
  if (!read) return undefined;
  const { record } = read;
  const whole: Record<string, unknown> = {
    format: 'argmap',
    version: record.version,
    id: record.id,
    title: record.title,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    sources: read.sources.map(strip),
    nodes: read.nodes.map(strip),
    edges: read.edges.map(strip),
    groups: record.groups,
    ...pick(record, ['tour', 'tours', 'comments']),
  };
  for (const key of Object.keys(whole)) if (whole[key] === undefined) delete whole[key];
  // Migration steps work record by record, so the whole document is migrated first.
  const migrated = migrate(whole);
  if (!migrated.ok)
    return {
      ok: false,
      problems: [
        {
          path: migrated.path,
          message: migrated.message,
          ...(migrated.says ? { says: migrated.says } : {}),
        },
      ],
    };
  const doc = migrated.doc;
  // The validator (and its schema) loads with the first map read, not with the page.
  const { recordValidator, validateMap } = await import('../model/validate');
  // The map's frame (its own record and its sources) must be valid for anything to load.
  const frame = validateMap({
    ...doc,
    nodes: [],
    edges: [],
    tours: Array.isArray(doc.tours)
      ? doc.tours.map((t: unknown) => (isObject(t) ? { ...t, steps: [] } : t))
      : doc.tours,
    ...(doc.comments === undefined ? {} : { comments: [] }),
  });
  if (!frame.ok) return { ok: false, problems: frame.problems };
  // Then each node and each edge record on its own: a damaged one is left out and reported.
  const check = recordValidator(frame.map);
  const skipped: Problem[] = [];
  const leaveOut = (what: string, raw: unknown, problems: readonly Problem[]) => {
    const id = isObject(raw) ? String(raw.id) : '?';
    for (const p of problems)
      skipped.push({
        path: `${what} "${id}"`,
        message: p.message,
        ...(p.says ? { says: p.says } : {}),
      });
  };
  const nodes: ArgNode[] = [];
  for (const raw of list(doc.nodes)) {
    const checked = check.node(raw);
    if (checked.ok) nodes.push(checked.value);
    else leaveOut('node', raw, checked.problems);
  }
  const nodeIds = new Set(nodes.map((n) => n.id));
  const edges: ArgEdge[] = [];
  for (const raw of list(doc.edges)) {
    const checked = check.edge(raw, nodeIds);
    if (checked.ok) edges.push(checked.value);
    else leaveOut('edge', raw, checked.problems);
  }
  // Tour steps at, and comments on, records that are not there are left out with them.
  const kept = withoutLeftOut(frame.map, doc, nodes, edges);
  skipped.push(...kept.dropped);
  const loaded = validateMap({ ...frame.map, nodes, edges, ...kept.fields });
  if (!loaded.ok) return { ok: false, problems: loaded.problems };
  return { ok: true, map: loaded.map, skipped };
}

/** The records of one map in their stored order, read from the `[mapId+order]` index. */
function inOrder<T>(table: Table<T, [string, string]>, mapId: string): Promise<T[]> {
  return table
    .where('[mapId+order]')
    .between([mapId, Dexie.minKey], [mapId, Dexie.maxKey])
    .toArray();
}
