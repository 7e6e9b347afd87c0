/**
 * A shared map's content as a Yjs document (#16), and back.
 *
 * ## Shared document shape (content document `map/<id>`)
 *
 * Per field, so two people editing different fields of one record both keep their edit, and text
 * typed at once in two places merges:
 *
 * - `meta` (Y.Map): `format`, `version`, `id`, `createdAt`, `updatedAt` as plain values (last
 *   writer wins); `title` as a Y.Text; `groups: true` when the map has a `groups` list (an empty
 *   list and no list stay apart).
 * - For each record list `sources`, `nodes`, `edges`, `groups`, `tours`:
 *   - `<list>` (Y.Map): record id → the record as a Y.Map of its fields (the id is the key, not
 *     a field). A field the record lacks is a key the Y.Map lacks.
 *   - `<list>.order` (Y.Array of ids): the list's order. Read in array order; ids no record has
 *     and repeated ids (left by concurrent moves and deletes) are skipped; records the array
 *     lacks follow, by id. Every peer reads the same order from the same document.
 * - Field kinds, by record:
 *   - prose, a Y.Text: node `text`, `note`, `label`; edge `note`; group `title`; tour `title`;
 *     map `title`;
 *   - translations (node, group), a Y.Map of language tag → Y.Text;
 *   - a tour's `steps`, a Y.Array of node ids (steps added at once by two people are all kept);
 *   - everything else a plain value, replaced whole (last writer wins): node `kind`, `refs`,
 *     `implicit`, `tags`, `rating`, `position`, `group`, `scheme`; edge `from`, `to`, `relation`,
 *     `rating`, `scheme`; group `parent`, `collapsed`; and every field of a source — its `text`,
 *     `sentences` and `pages` are large and never edited in place, its metadata is rarely edited.
 * - Fields read back in the schema's order; translations in language-tag order (a Y.Map's key
 *   order may differ between peers).
 *
 * Records are keyed by their ids, so two people who add a record with the same id at once (the
 * model's `nextId` gives both `n7`) end with one of the two records (the same one everywhere):
 * shared maps should make new ids that differ between people.
 *
 * Comments are not here: they live in their own document (`comments/<id>`, see commentsDoc.ts),
 * so that the server can let commenters write that one and not this.
 *
 * A merged document may hold what no single editor wrote: an edge to a node another person
 * deleted, a tour step to it, a node in a deleted group, a group cycle made by two moves, a ref
 * to a sentence a corrected source no longer has, an explicit node whose last ref went.
 * {@link readMapFromDoc} repairs these by leaving out what names a missing record (tours and
 * comments by the model's own `withoutDangling`; a node left without the ref it needs is marked
 * implicit; of two sources added at once with the same new sentence ids the later is left out;
 * a record failing its schema, which only a faulty writer makes, is left out), so what it
 * returns always passes the model's validator. The document keeps what was left out: undoing
 * the deletion brings it back.
 *
 * API: {@link writeMapToDoc} (a map into an empty document), {@link readMapFromDoc} (always a
 * valid map), {@link applyMapChange} (what differs, field by field), {@link MapDocReader} (reads
 * again only what transactions touched, for an editor), {@link holdsMap}, {@link repairMap}.
 */
import * as Y from 'yjs';

import { sentenceIndex, withoutDangling } from '../model/operations';
import {
  edgeSchema,
  groupSchema,
  nodeSchema,
  sourceSchema,
  tourSchema,
  type ArgMap,
  type Group,
  type Ref,
  type Source,
} from '../model/schema';
import { needsRef, splitsPair } from '../model/vocabulary';

/** How one field of a record is kept in its Y.Map. */
export type FieldKind = 'value' | 'text' | 'texts' | 'list';
/** A record's fields (not its id) in the order the schema gives them, with their kinds. */
export type FieldSpec = readonly (readonly [key: string, kind: FieldKind])[];

const SOURCE_FIELDS: FieldSpec = [
  ['title', 'value'],
  ['author', 'value'],
  ['publication', 'value'],
  ['date', 'value'],
  ['language', 'value'],
  ['text', 'value'],
  ['sentences', 'value'],
  ['origin', 'value'],
  ['pages', 'value'],
];
const NODE_FIELDS: FieldSpec = [
  ['kind', 'value'],
  ['text', 'text'],
  ['translations', 'texts'],
  ['refs', 'value'],
  ['implicit', 'value'],
  ['note', 'text'],
  ['tags', 'value'],
  ['rating', 'value'],
  ['position', 'value'],
  ['group', 'value'],
  ['label', 'text'],
  ['scheme', 'value'],
];
const EDGE_FIELDS: FieldSpec = [
  ['from', 'value'],
  ['to', 'value'],
  ['relation', 'value'],
  ['note', 'text'],
  ['rating', 'value'],
  ['scheme', 'value'],
];
const GROUP_FIELDS: FieldSpec = [
  ['title', 'text'],
  ['translations', 'texts'],
  ['parent', 'value'],
  ['collapsed', 'value'],
];
const TOUR_FIELDS: FieldSpec = [
  ['title', 'text'],
  ['steps', 'list'],
];
const META_VALUES = ['format', 'version', 'id', 'createdAt', 'updatedAt'] as const;

/** The record lists of the content document, in the map's field order, with their schemas. */
export const MAP_LISTS = [
  ['sources', SOURCE_FIELDS, sourceSchema],
  ['nodes', NODE_FIELDS, nodeSchema],
  ['edges', EDGE_FIELDS, edgeSchema],
  ['groups', GROUP_FIELDS, groupSchema],
  ['tours', TOUR_FIELDS, tourSchema],
] as const;
type ListName = (typeof MAP_LISTS)[number][0];

type AnyRecord = { readonly id: string } & Readonly<Record<string, unknown>>;

// ---------------------------------------------------------------------------------------------
// Generic record lists (used by the comments document too)

/** A list of records kept as a Y.Map of records by id and a Y.Array of ids for their order. */
export interface RecordList {
  records: Y.Map<Y.Map<unknown>>;
  order: Y.Array<string>;
  fields: FieldSpec;
  /** The record's schema: a record read that fails it (a writer's bug) is left out. */
  schema: { safeParse(value: unknown): { success: boolean } };
}

export function recordList(
  doc: Y.Doc,
  name: string,
  fields: FieldSpec,
  schema: RecordList['schema'],
): RecordList {
  return {
    records: doc.getMap<Y.Map<unknown>>(name),
    order: doc.getArray<string>(`${name}.order`),
    fields,
    schema,
  };
}

/**
 * The records of a list in their order. `previous` (the list read last time) lends its record
 * objects to every record that reads the same, so unchanged records keep their identity. With
 * `touched`, only those records are read again: the others are taken from `previous` as they
 * are (the caller knows no transaction touched them since). `preferred` lends its objects
 * first (the list an editor just wrote, which the document now holds).
 */
export function readRecords<T extends AnyRecord>(
  list: RecordList,
  previous?: readonly T[],
  touched?: ReadonlySet<string>,
  preferred?: readonly T[],
): readonly T[] {
  const before = new Map(previous?.map((r) => [r.id, r]));
  const wanted = preferred && new Map(preferred.map((r) => [r.id, r]));
  const ids: string[] = [];
  const seen = new Set<string>();
  for (const id of list.order) {
    if (!seen.has(id) && list.records.has(id)) ids.push(id);
    seen.add(id);
  }
  const rest = [...list.records.keys()].filter((id) => !seen.has(id)).sort();
  const records: T[] = [];
  for (const id of [...ids, ...rest]) {
    const old = before.get(id);
    if (old && touched && !touched.has(id)) {
      records.push(old);
      continue;
    }
    const read = readRecord(id, list.records.get(id)!, list.fields);
    const want = wanted?.get(id);
    if (want && deepEqual(want, read)) records.push(want);
    else if (old && deepEqual(old, read)) records.push(old);
    else if (list.schema.safeParse(read).success) records.push(read as T);
  }
  const same = (other?: readonly T[]) =>
    other && records.length === other.length && records.every((r, i) => r === other[i]);
  if (same(preferred)) return preferred!;
  if (same(previous)) return previous!;
  return records;
}

function readRecord(id: string, y: Y.Map<unknown>, fields: FieldSpec): AnyRecord {
  const out: Record<string, unknown> = { id };
  for (const [key, kind] of fields) {
    const value = readField(y.get(key), kind);
    if (value !== undefined) out[key] = value;
  }
  return out as AnyRecord;
}

function readField(value: unknown, kind: FieldKind): unknown {
  if (value === undefined) return undefined;
  if (kind === 'text') return value instanceof Y.Text ? value.toString() : value;
  if (kind === 'list') return value instanceof Y.Array ? value.toArray() : value;
  if (kind === 'texts' && value instanceof Y.Map) {
    const out: Record<string, string> = {};
    for (const key of [...(value as Y.Map<unknown>).keys()].sort()) {
      const text = (value as Y.Map<unknown>).get(key);
      out[key] = text instanceof Y.Text ? text.toString() : String(text);
    }
    return out;
  }
  return value;
}

/** Writes a whole list into an empty document (inside the caller's transaction). */
export function writeRecords(list: RecordList, records: readonly AnyRecord[]): void {
  for (const record of records) {
    const y = list.records.set(record.id, new Y.Map<unknown>());
    for (const [key, kind] of list.fields) writeField(y, key, kind, record[key]);
  }
  list.order.push(records.map((r) => r.id));
}

/**
 * Writes what differs between `before` and `after` (inside the caller's transaction): only
 * changed records, in them only changed fields; the order only when it changed.
 */
export function applyRecords(
  list: RecordList,
  before: readonly AnyRecord[] | undefined,
  after: readonly AnyRecord[] | undefined,
): void {
  if (before === after) return;
  const old = new Map(before?.map((r) => [r.id, r]));
  const kept = new Set<string>();
  for (const record of after ?? []) {
    kept.add(record.id);
    const was = old.get(record.id);
    if (was === record) continue;
    let y = list.records.get(record.id);
    if (!y) y = list.records.set(record.id, new Y.Map<unknown>());
    for (const [key, kind] of list.fields) {
      // A field this person did not change is left alone: a peer may have changed it.
      if (was && deepEqual(was[key], record[key])) continue;
      writeField(y, key, kind, record[key]);
    }
  }
  for (const record of before ?? []) {
    if (!kept.has(record.id)) list.records.delete(record.id);
  }
  const ids = (after ?? []).map((r) => r.id);
  const sameOrder =
    before !== undefined && before.length === ids.length && before.every((r, i) => r.id === ids[i]);
  if (!sameOrder) editOrder(list.order, ids);
}

function writeField(y: Y.Map<unknown>, key: string, kind: FieldKind, value: unknown): void {
  if (value === undefined) {
    if (y.has(key)) y.delete(key);
    return;
  }
  const current = y.get(key);
  switch (kind) {
    case 'text': {
      if (current instanceof Y.Text) editText(current, value as string);
      else y.set(key, new Y.Text(value as string));
      return;
    }
    case 'list': {
      if (current instanceof Y.Array) editList(current as Y.Array<unknown>, value as unknown[]);
      else y.set(key, Y.Array.from([...(value as string[])]));
      return;
    }
    case 'texts': {
      const texts =
        current instanceof Y.Map ? (current as Y.Map<unknown>) : y.set(key, new Y.Map<unknown>());
      const next = value as Readonly<Record<string, string>>;
      for (const lang of [...texts.keys()]) if (!Object.hasOwn(next, lang)) texts.delete(lang);
      for (const [lang, text] of Object.entries(next)) {
        const t = texts.get(lang);
        if (t instanceof Y.Text) editText(t, text);
        else texts.set(lang, new Y.Text(text));
      }
      return;
    }
    case 'value': {
      if (!deepEqual(current, value)) y.set(key, value);
      return;
    }
  }
}

/**
 * Turns `text` into `next` by one deletion and one insertion between their common prefix and
 * suffix (never inside a surrogate pair), so typing at once in two places of one text merges.
 */
export function editText(text: Y.Text, next: string): void {
  const current = text.toString();
  if (current === next) return;
  const max = Math.min(current.length, next.length);
  let prefix = 0;
  while (prefix < max && current.charCodeAt(prefix) === next.charCodeAt(prefix)) prefix++;
  if (prefix > 0 && splitsPair(current, prefix)) prefix--;
  let suffix = 0;
  while (
    suffix < max - prefix &&
    current.charCodeAt(current.length - 1 - suffix) === next.charCodeAt(next.length - 1 - suffix)
  )
    suffix++;
  if (suffix > 0 && splitsPair(current, current.length - suffix)) suffix--;
  const removed = current.length - prefix - suffix;
  if (removed > 0) text.delete(prefix, removed);
  const inserted = next.slice(prefix, next.length - suffix);
  if (inserted) text.insert(prefix, inserted);
}

/** Turns an array into `next` by replacing what lies between their common prefix and suffix. */
function editList<T>(array: Y.Array<T>, next: readonly T[]): void {
  const current = array.toArray();
  const max = Math.min(current.length, next.length);
  let prefix = 0;
  while (prefix < max && deepEqual(current[prefix], next[prefix])) prefix++;
  let suffix = 0;
  while (
    suffix < max - prefix &&
    deepEqual(current[current.length - 1 - suffix], next[next.length - 1 - suffix])
  )
    suffix++;
  const removed = current.length - prefix - suffix;
  if (removed > 0) array.delete(prefix, removed);
  const inserted = next.slice(prefix, next.length - suffix);
  if (inserted.length) array.insert(prefix, [...inserted]);
}

/** An order array made to read `ids`: stale and repeated ids dropped, then a minimal edit. */
function editOrder(order: Y.Array<string>, ids: readonly string[]): void {
  const wanted = new Set(ids);
  const seen = new Set<string>();
  const stale: number[] = [];
  order.toArray().forEach((id, i) => {
    if (!wanted.has(id) || seen.has(id)) stale.push(i);
    seen.add(id);
  });
  // From the end, joining neighbours into one deletion.
  for (let k = stale.length - 1; k >= 0;) {
    let start = stale[k]!;
    let count = 1;
    while (k - count >= 0 && stale[k - count] === start - 1) {
      start--;
      count++;
    }
    order.delete(start, count);
    k -= count;
  }
  editList(order, ids);
}

/** Structural equality of JSON-like values (same reference first, so shared parts are free). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  for (const k of ka)
    if (!deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
      return false;
  return true;
}

// ---------------------------------------------------------------------------------------------
// The content document

const lists = (doc: Y.Doc) =>
  MAP_LISTS.map(([name, fields, schema]) => [name, recordList(doc, name, fields, schema)] as const);

/** The document's top-level types (what an undo manager of the content watches). */
export function contentTypes(doc: Y.Doc): Y.AbstractType<unknown>[] {
  return [
    doc.getMap('meta'),
    ...lists(doc).flatMap(([, list]) => [list.records, list.order]),
  ] as Y.AbstractType<unknown>[];
}

/** Whether the document holds a map yet (an empty one, before its first sync, does not). */
export function holdsMap(doc: Y.Doc): boolean {
  return doc.getMap('meta').has('format');
}

/** Writes `map` (its content, not its comments) into an empty document, in one transaction. */
export function writeMapToDoc(map: ArgMap, doc: Y.Doc, origin?: unknown): void {
  if (holdsMap(doc)) throw new Error('writeMapToDoc: the document already holds a map');
  doc.transact(() => {
    const meta = doc.getMap<unknown>('meta');
    for (const key of META_VALUES) if (map[key] !== undefined) meta.set(key, map[key]);
    meta.set('title', new Y.Text(map.title));
    if (map.groups) meta.set('groups', true);
    for (const [name, list] of lists(doc))
      writeRecords(list, (map[name] ?? []) as readonly AnyRecord[]);
  }, origin);
}

/**
 * The map the document holds, repaired into a valid one (see the shape above), without
 * comments. `previous` lends its unchanged records (and lists, when all of a list is unchanged)
 * so that the result shares them. Throws when the document holds no map yet ({@link holdsMap}).
 */
/** The map's own fields (`meta`): format, version, id, title, and the times it has. */
function readMeta(doc: Y.Doc): Record<string, unknown> {
  const meta = doc.getMap<unknown>('meta');
  const title = meta.get('title');
  const out: Record<string, unknown> = {
    format: meta.get('format'),
    version: meta.get('version'),
    id: meta.get('id'),
    title: title instanceof Y.Text ? title.toString() : '',
  };
  for (const key of ['createdAt', 'updatedAt'] as const) {
    const value = meta.get(key);
    if (value !== undefined) out[key] = value;
  }
  return out;
}

export function readMapFromDoc(doc: Y.Doc, previous?: ArgMap): ArgMap {
  if (!holdsMap(doc)) throw new Error('readMapFromDoc: the document holds no map yet');
  const out = readMeta(doc);
  for (const [name, list] of lists(doc)) {
    if (name === 'groups' && doc.getMap('meta').get('groups') !== true && list.records.size === 0)
      continue;
    out[name] = readRecords(list, previous?.[name] as readonly AnyRecord[] | undefined);
  }
  let map = out as unknown as ArgMap;
  if (previous) map = reuseShell(map, previous);
  return repairMap(map);
}

/**
 * Reads one content document again and again, each time reading only the records that the
 * transactions it was told of ({@link MapDocReader.note}) touched, and reusing the others as
 * they were: what an editor does after each keystroke of anyone on a large map.
 */
export class MapDocReader {
  private readonly doc: Y.Doc;
  private readonly lists: readonly (readonly [ListName, RecordList])[];
  private readonly roots = new Map<unknown, { name: ListName; part: 'records' | 'order' }>();
  /** The last read, before repair, and after. */
  private raw: ArgMap | undefined;
  private repaired: ArgMap | undefined;
  /** Records touched since the last read, by list; lists whose order (or all) must be read. */
  private touched = new Map<ListName, Set<string>>();
  private reordered = new Set<ListName>();

  constructor(doc: Y.Doc) {
    this.doc = doc;
    this.lists = lists(doc);
    for (const [name, list] of this.lists) {
      this.roots.set(list.records, { name, part: 'records' });
      this.roots.set(list.order, { name, part: 'order' });
    }
  }

  /** Takes note of what a transaction on the document changed (call for every transaction). */
  note(transaction: Y.Transaction): void {
    for (const [type, keys] of transaction.changed) {
      // Climb to the top-level type; the key under it is the record's id.
      let at = type as unknown as Y.AbstractType<unknown>;
      let key: string | null = null;
      while (at._item) {
        key = at._item.parentSub;
        at = at._item.parent as Y.AbstractType<unknown>;
      }
      const root = this.roots.get(at);
      if (!root) continue;
      if (root.part === 'order') {
        this.reordered.add(root.name);
        continue;
      }
      let touched = this.touched.get(root.name);
      if (!touched) this.touched.set(root.name, (touched = new Set()));
      if ((at as unknown) === type) for (const id of keys) if (id !== null) touched.add(id);
      if (key !== null) touched.add(key);
    }
  }

  /**
   * The map the document holds, repaired (as {@link readMapFromDoc}), reading only what the
   * noted transactions touched. `preferred` (the map an editor just wrote) lends its objects
   * to what reads the same, and is returned itself (without its comments) when all does.
   */
  read(preferred?: ArgMap): ArgMap {
    if (!holdsMap(this.doc)) throw new Error('MapDocReader: the document holds no map yet');
    const out = readMeta(this.doc);
    const previous = this.raw;
    for (const [name, list] of this.lists) {
      if (
        name === 'groups' &&
        this.doc.getMap('meta').get('groups') !== true &&
        list.records.size === 0
      )
        continue;
      const before = previous?.[name] as readonly AnyRecord[] | undefined;
      const touched = this.touched.get(name);
      out[name] =
        before && !touched?.size && !this.reordered.has(name)
          ? before
          : readRecords(
              list,
              before,
              before ? (touched ?? new Set()) : undefined,
              preferred?.[name] as readonly AnyRecord[] | undefined,
            );
    }
    this.touched.clear();
    this.reordered.clear();
    let raw = out as unknown as ArgMap;
    if (preferred) {
      const { comments: _comments, ...content } = preferred;
      if (sameFields(raw, content)) raw = preferred.comments ? (content as ArgMap) : preferred;
    }
    if (previous && sameFields(raw, previous)) raw = previous;
    if (raw !== this.raw || !this.repaired) {
      this.raw = raw;
      this.repaired = repairMap(raw);
    }
    return this.repaired;
  }
}

/** `map` with `previous`'s top-level object when every field is the same object. */
function reuseShell(map: ArgMap, previous: ArgMap): ArgMap {
  return sameFields(map, previous) ? previous : map;
}

/** Whether two objects have the same keys holding the same values (by identity). */
export function sameFields(a: object, b: object): boolean {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every(
    (k) =>
      (a as Record<string, unknown>)[k] === (b as Record<string, unknown>)[k] &&
      Object.hasOwn(b, k),
  );
}

/**
 * Writes what differs between `before` and `after` into the document, field by field, in one
 * transaction with `origin` (Y.Text fields by a minimal edit). Comments are ignored (see
 * commentsDoc.ts). `before` is the map the document held as this person last read it.
 */
export function applyMapChange(doc: Y.Doc, before: ArgMap, after: ArgMap, origin?: unknown): void {
  if (before === after) return;
  doc.transact(() => {
    const meta = doc.getMap<unknown>('meta');
    for (const key of META_VALUES) {
      if (before[key] === after[key]) continue;
      if (after[key] === undefined) meta.delete(key);
      else meta.set(key, after[key]);
    }
    if (before.title !== after.title) {
      const title = meta.get('title');
      if (title instanceof Y.Text) editText(title, after.title);
      else meta.set('title', new Y.Text(after.title));
    }
    if ((before.groups === undefined) !== (after.groups === undefined))
      meta.set('groups', after.groups !== undefined);
    for (const [name, list] of lists(doc)) {
      applyRecords(
        list,
        before[name as ListName] as readonly AnyRecord[] | undefined,
        after[name as ListName] as readonly AnyRecord[] | undefined,
      );
    }
  }, origin);
}

// ---------------------------------------------------------------------------------------------
// Repair

/**
 * `map` without what names a missing record, so that it passes the model's validator: edges
 * whose ends are gone (or meet), refs to sentences no source has (a node left needing a ref is
 * marked implicit), a node's or group's missing group, group cycles (the cycle is cut at its
 * smallest id), a source reusing an earlier source's sentence ids, and, by the model's
 * `withoutDangling`, tour steps and comments naming what is gone. Parts with nothing to repair
 * stay the same objects.
 */
export function repairMap(map: ArgMap): ArgMap {
  let next = map;
  const sources = distinctSources(map.sources);
  if (sources !== map.sources) next = { ...next, sources };
  const nodeIds = new Set(map.nodes.map((n) => n.id));
  if (map.edges.some((e) => !nodeIds.has(e.from) || !nodeIds.has(e.to) || e.from === e.to)) {
    next = {
      ...next,
      edges: map.edges.filter((e) => nodeIds.has(e.from) && nodeIds.has(e.to) && e.from !== e.to),
    };
  }
  const groups = repairGroups(map.groups);
  if (groups !== map.groups) next = { ...next, groups };
  const groupIds = new Set((groups ?? []).map((g) => g.id));
  let nodesChanged = false;
  const nodes = map.nodes.map((node) => {
    let fixed = node;
    if (node.group !== undefined && !groupIds.has(node.group)) {
      const { group: _gone, ...rest } = fixed;
      fixed = rest;
    }
    const refs = node.refs.filter((ref) => refHolds(next, ref));
    if (refs.length !== node.refs.length) fixed = { ...fixed, refs };
    if (fixed.refs.length === 0 && needsRef(fixed)) fixed = { ...fixed, implicit: true };
    if (fixed !== node) nodesChanged = true;
    return fixed;
  });
  if (nodesChanged) next = { ...next, nodes };
  return withoutDangling(next);
}

const distinct = new WeakMap<readonly Source[], readonly Source[]>();

/**
 * The sources without any (after the first) that reuses a sentence id of one before it: two
 * sources added at once can be given the same new sentence ids. Once per sources list.
 */
function distinctSources(sources: readonly Source[]): readonly Source[] {
  let kept = distinct.get(sources);
  if (!kept) {
    const ids = new Set<string>();
    const list = sources.filter((source, i) => {
      if (i > 0 && source.sentences.some((s) => ids.has(s.id))) return false;
      for (const s of source.sentences) ids.add(s.id);
      return true;
    });
    kept = list.length === sources.length ? sources : list;
    distinct.set(sources, kept);
  }
  return kept;
}

function refHolds(map: ArgMap, ref: Ref): boolean {
  const sentence = sentenceIndex(map).get(ref.sentence);
  if (!sentence) return false;
  if (ref.start === undefined && ref.end === undefined) return ref.quote === undefined;
  if (ref.start === undefined || ref.end === undefined || ref.start >= ref.end) return false;
  if (ref.start < sentence.start || ref.end > sentence.end) return false;
  const text = map.sources[sentence.sourceIndex]!.text;
  if (splitsPair(text, ref.start) || splitsPair(text, ref.end)) return false;
  return ref.quote === undefined || text.slice(ref.start, ref.end) === ref.quote;
}

function repairGroups(groups: readonly Group[] | undefined): readonly Group[] | undefined {
  if (!groups) return groups;
  const parentOf = new Map(groups.map((g) => [g.id, g.parent]));
  const cut = new Set<string>();
  for (const g of groups) {
    if (g.parent !== undefined && !parentOf.has(g.parent)) cut.add(g.id);
  }
  // Cycles: walk each chain of parents; a chain that comes back on itself is cut at its
  // smallest id, so every peer cuts the same link.
  const done = new Set<string>();
  for (const g of groups) {
    const walk: string[] = [];
    const on = new Set<string>();
    let at: string | undefined = g.id;
    while (at !== undefined && !done.has(at) && !on.has(at) && parentOf.has(at) && !cut.has(at)) {
      walk.push(at);
      on.add(at);
      at = parentOf.get(at);
    }
    if (at !== undefined && on.has(at)) {
      const cycle = walk.slice(walk.indexOf(at));
      cut.add([...cycle].sort()[0]!);
    }
    for (const id of walk) done.add(id);
  }
  if (!cut.size) return groups;
  return groups.map((g) => {
    if (!cut.has(g.id)) return g;
    const { parent: _gone, ...rest } = g;
    return rest;
  });
}
