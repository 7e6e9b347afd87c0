/**
 * The document's fixed words — its format name and version, the kinds of node, the relations,
 * the kinds of source — and the coordinate bound, apart from the zod schema (`schema.ts`, which
 * re-exports them) so that the interface can name kinds and relations without loading the
 * validator: the schema is needed only where a document is read, which mostly happens in the
 * I/O worker.
 */

/** The constant in `format` that tells an argument map from other JSON. */
export const FORMAT = 'argmap';
/** The document version this build writes; older versions are migrated on load. */
export const CURRENT_VERSION = 2;

/** What a node is in the argument. */
export const NODE_KINDS = [
  'conclusion',
  'claim',
  'evidence',
  'objection',
  'rebuttal',
  'recommendation',
  'context',
  'inference',
] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

/** Where a source's text came from (`sources[].origin.kind`). */
export const ORIGIN_KINDS = ['text', 'pdf', 'html', 'docx', 'markdown', 'aif', 'argdown'] as const;
export type OriginKind = (typeof ORIGIN_KINDS)[number];

/** How an edge's `from` bears on its `to`. */
export const RELATIONS = ['supports', 'attacks', 'elaborates'] as const;
export type Relation = (typeof RELATIONS)[number];

/** Largest distance from the origin a position may have, in canvas pixels (either axis). */
export const MAX_COORDINATE = 10_000_000;

/** Whether `offset` lies between the two code units of one surrogate pair in `text`. */
export function splitsPair(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

/** Kinds that need no ref: junctions and analyst-supplied premises are not in the text. */
export function needsRef(node: { kind: NodeKind; implicit?: boolean | undefined }): boolean {
  return node.kind !== 'inference' && node.implicit !== true;
}
