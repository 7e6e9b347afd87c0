/**
 * A shared map's comments as their own Yjs document (`comments/<id>`, #16), apart from its
 * content so that the server can let commenters write this document and nothing else.
 *
 * Shape: `comments` (Y.Map) comment id → a Y.Map of its fields (`text` a Y.Text, so replies typed
 * at once merge; `target`, `author`, `createdAt`, `replyTo`, `resolved` plain values), and
 * `comments.order` (Y.Array of ids), read as the content document's lists are (see mapDoc.ts);
 * `meta.present: true` when the map has a `comments` list (an empty list and none stay apart).
 *
 * Comments on a node or edge the content no longer has are left out where the two documents
 * meet ({@link withComments}), by the model's `withoutDangling`.
 */
import * as Y from 'yjs';

import { withoutDangling } from '../model/operations';
import { commentSchema, type ArgMap, type Comment } from '../model/schema';
import { applyRecords, readRecords, recordList, writeRecords, type FieldSpec } from './mapDoc';

const COMMENT_FIELDS: FieldSpec = [
  ['target', 'value'],
  ['author', 'value'],
  ['text', 'text'],
  ['createdAt', 'value'],
  ['replyTo', 'value'],
  ['resolved', 'value'],
];

const list = (doc: Y.Doc) => recordList(doc, 'comments', COMMENT_FIELDS, commentSchema);

/** The document's top-level types (what an undo manager of the comments watches). */
export function commentsTypes(doc: Y.Doc): Y.AbstractType<unknown>[] {
  const { records, order } = list(doc);
  return [doc.getMap('meta'), records, order] as Y.AbstractType<unknown>[];
}

/** Writes a map's comments into an empty comments document, in one transaction. */
export function writeCommentsToDoc(
  comments: readonly Comment[] | undefined,
  doc: Y.Doc,
  origin?: unknown,
): void {
  if (doc.getMap('meta').has('present') || list(doc).records.size)
    throw new Error('writeCommentsToDoc: the document already holds comments');
  doc.transact(() => {
    doc.getMap('meta').set('present', comments !== undefined);
    writeRecords(list(doc), comments ?? []);
  }, origin);
}

/**
 * The comments the document holds (undefined when the map has no comments list), reusing the
 * record objects of `previous` that read the same. Not repaired: see {@link withComments}.
 */
export function readCommentsFromDoc(
  doc: Y.Doc,
  previous?: readonly Comment[],
): readonly Comment[] | undefined {
  const comments = list(doc);
  if (doc.getMap('meta').get('present') !== true && comments.records.size === 0) return undefined;
  return readRecords<Comment>(comments, previous);
}

/** Writes what differs between two comment lists, field by field, in one transaction. */
export function applyCommentsChange(
  doc: Y.Doc,
  before: readonly Comment[] | undefined,
  after: readonly Comment[] | undefined,
  origin?: unknown,
): void {
  if (before === after) return;
  doc.transact(() => {
    const meta = doc.getMap('meta');
    if (meta.get('present') !== (after !== undefined)) meta.set('present', after !== undefined);
    applyRecords(list(doc), before, after);
  }, origin);
}

/**
 * A map's content with its comments: those on a node or edge it lacks, and replies to comments
 * so dropped, left out (the model's `withoutDangling`).
 */
export function withComments(content: ArgMap, comments: readonly Comment[] | undefined): ArgMap {
  if (comments === undefined) {
    if (content.comments === undefined) return content;
    const { comments: _none, ...rest } = content;
    return rest;
  }
  return withoutDangling({ ...content, comments });
}
