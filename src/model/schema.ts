/**
 * The argument-map document (`*.argmap.json`), as fixed by `shared/design/map-format.md`.
 *
 * One zod definition is the source of the TypeScript types, the structural half of the runtime
 * validator (the rules that span several records live in `validate.ts`), and the committed JSON
 * Schema (`maps/argmap.schema.json`, written by `npm run schema`).
 */
import { z } from 'zod';

import {
  CURRENT_VERSION,
  FORMAT,
  MAX_COORDINATE,
  NODE_KINDS,
  ORIGIN_KINDS,
  RELATIONS,
} from './vocabulary';

export {
  CURRENT_VERSION,
  FORMAT,
  MAX_COORDINATE,
  NODE_KINDS,
  ORIGIN_KINDS,
  RELATIONS,
  type NodeKind,
  type OriginKind,
  type Relation,
  needsRef,
} from './vocabulary';

const id = z.string().min(1, 'must not be empty').max(200, 'is longer than 200 characters');
/** A UTF-16 code-unit offset into a source's text. */
const offset = z.number().int('must be a whole number').min(0, 'must not be negative');
/** A canvas coordinate: finite (zod refuses NaN and ±Infinity) and within ±10⁷. */
const coordinate = z
  .number()
  .min(-MAX_COORDINATE, 'must be within ±10,000,000')
  .max(MAX_COORDINATE, 'must be within ±10,000,000');
const rating = z
  .number()
  .int('must be a whole number')
  .min(1, 'must be 1 to 5')
  .max(5, 'must be 1 to 5');

export const sentenceSchema = z
  .strictObject({
    id: id.meta({
      description: 'Unique across all sources of the map; assigned once, never reused.',
    }),
    start: offset.meta({ description: 'UTF-16 offset of the first code unit in source.text.' }),
    end: offset.meta({ description: 'UTF-16 offset just past the last code unit (exclusive).' }),
  })
  .meta({ description: 'One sentence of a source, as a range of its text.' });

export const originSchema = z
  .strictObject({
    kind: z
      .enum(ORIGIN_KINDS)
      .meta({ description: 'The kind of file or input the text came from.' }),
    fileName: z.string().optional().meta({ description: 'The name of the file it was read from.' }),
    url: z.string().optional().meta({ description: 'The address it was fetched from.' }),
    sha256: z
      .string()
      .optional()
      .meta({ description: 'SHA-256 of the original file’s bytes, in hexadecimal.' }),
  })
  .meta({ description: 'Where a source’s text came from.' });

export const pageSchema = z
  .strictObject({
    label: z.string().meta({ description: 'The printed page number or label, e.g. "98" or "iv".' }),
    start: offset.meta({ description: 'UTF-16 offset in source.text where the page begins.' }),
  })
  .meta({ description: 'One printed page of a source.' });

export const sourceSchema = z
  .strictObject({
    id,
    title: z.string().optional(),
    author: z.string().optional(),
    publication: z.string().optional(),
    date: z.string().optional().meta({
      description:
        'The date of publication as the document gives it (ISO 8601 where it can be read as one).',
    }),
    language: z
      .string()
      .min(1)
      .meta({ description: 'BCP 47 language tag, e.g. "zh-Hans" or "en".' }),
    text: z
      .string()
      .meta({ description: 'The whole cleaned text; paragraphs separated by "\\n\\n".' }),
    sentences: z.array(sentenceSchema).meta({ description: 'In text order, non-overlapping.' }),
    origin: originSchema.optional(),
    pages: z.array(pageSchema).optional().meta({
      description:
        'Where each printed page begins, in text order, so a quote can be cited with its page.',
    }),
  })
  .meta({ description: 'A text the map analyses.' });

export const refSchema = z
  .strictObject({
    sentence: id.meta({ description: 'The id of a sentence of one of the map’s sources.' }),
    start: offset.optional().meta({ description: 'Span start, an offset into the source text.' }),
    end: offset
      .optional()
      .meta({ description: 'Span end (exclusive), an offset into the source text.' }),
    quote: z.string().optional().meta({ description: 'The exact text between start and end.' }),
  })
  .meta({ description: 'A link from a node to a sentence, or a span inside one.' });

export const nodeSchema = z
  .strictObject({
    id,
    kind: z.enum(NODE_KINDS),
    text: z.string().meta({ description: 'The node’s own wording, in the source’s language.' }),
    translations: z.record(z.string(), z.string()).optional().meta({
      description: 'Renderings for other audiences, keyed by BCP 47 language tag.',
    }),
    refs: z.array(refSchema),
    implicit: z
      .boolean()
      .optional()
      .meta({ description: 'An unstated premise the analyst supplies.' }),
    note: z.string().optional().meta({ description: 'Annotation, plain text or Markdown.' }),
    tags: z.array(z.string()).optional(),
    rating: rating.optional().meta({ description: 'Evaluation, 1 (weak) to 5 (strong).' }),
    position: z.strictObject({ x: coordinate, y: coordinate }).optional().meta({
      description:
        'Canvas position of the node’s top-left corner; laid out automatically when absent.',
    }),
    group: id
      .optional()
      .meta({ description: 'The id of the group (section) the node belongs to.' }),
    label: z.string().optional().meta({ description: 'A short title for overviews and slides.' }),
    scheme: z.string().optional().meta({
      description:
        'The argumentation scheme, as AIFdb names it (on inference junctions, or a node that stands for one argument).',
    }),
  })
  .meta({ description: 'One statement (or inference junction) of the argument.' });

export const edgeSchema = z
  .strictObject({
    id,
    from: id.meta({ description: 'The premise or attacker.' }),
    to: id.meta({ description: 'What it supports, attacks or elaborates.' }),
    relation: z.enum(RELATIONS),
    note: z.string().optional(),
    rating: rating.optional(),
    scheme: z
      .string()
      .optional()
      .meta({ description: 'The scheme of the relation, as AIF names its RA/CA/MA nodes.' }),
  })
  .meta({ description: 'A relation between two nodes.' });

export const groupSchema = z
  .strictObject({
    id,
    title: z.string().meta({ description: 'The section’s title, in the source’s language.' }),
    translations: z.record(z.string(), z.string()).optional().meta({
      description: 'The title for other audiences, keyed by BCP 47 language tag.',
    }),
    parent: id.optional().meta({ description: 'The id of the group this one is inside.' }),
    collapsed: z.boolean().optional().meta({ description: 'Shown folded to one box by default.' }),
  })
  .meta({ description: 'A section of the argument, shown as a labelled frame.' });

export const tourSchema = z
  .strictObject({
    id,
    title: z.string(),
    steps: z.array(id).meta({ description: 'Node ids in presentation order.' }),
  })
  .meta({ description: 'A named presentation order.' });

export const commentSchema = z
  .strictObject({
    id,
    target: id.meta({ description: 'The id of the node or edge commented on.' }),
    author: z.string(),
    text: z.string(),
    createdAt: z.string().meta({ description: 'When it was written (ISO 8601).' }),
    replyTo: id.optional().meta({ description: 'The id of the comment this one answers.' }),
    resolved: z.boolean().optional(),
  })
  .meta({ description: 'An annotation by a person on a node or an edge, threaded.' });

export const mapSchema = z
  .strictObject({
    format: z.literal(FORMAT),
    version: z.literal(CURRENT_VERSION),
    id,
    title: z.string(),
    createdAt: z.string().optional(),
    updatedAt: z.string().optional(),
    sources: z.array(sourceSchema).min(1, 'must hold at least one source'),
    nodes: z.array(nodeSchema),
    edges: z.array(edgeSchema),
    groups: z
      .array(groupSchema)
      .optional()
      .meta({ description: 'Sections of the argument; a group may sit inside another.' }),
    tours: z.array(tourSchema).meta({ description: 'Named presentation orders.' }),
    comments: z.array(commentSchema).optional(),
  })
  .meta({ title: 'Argument map', description: 'One argument map (`*.argmap.json`), version 2.' });

export type Sentence = DeepReadonly<z.infer<typeof sentenceSchema>>;
export type Source = DeepReadonly<z.infer<typeof sourceSchema>>;
/** A node's link into a source: a whole sentence, or a span (`start`/`end`/`quote`) inside one. */
export type Ref = DeepReadonly<z.infer<typeof refSchema>>;
export type ArgNode = DeepReadonly<z.infer<typeof nodeSchema>>;
export type ArgEdge = DeepReadonly<z.infer<typeof edgeSchema>>;
export type Group = DeepReadonly<z.infer<typeof groupSchema>>;
export type Tour = DeepReadonly<z.infer<typeof tourSchema>>;
export type Comment = DeepReadonly<z.infer<typeof commentSchema>>;
export type Origin = DeepReadonly<z.infer<typeof originSchema>>;
export type Page = DeepReadonly<z.infer<typeof pageSchema>>;
/** A whole map document. Treat as immutable: operations return new documents. */
export type ArgMap = DeepReadonly<z.infer<typeof mapSchema>>;
export type Position = NonNullable<ArgNode['position']>;

/**
 * Every field and element read-only, all the way down. Saving finds changes by object
 * identity (a changed node is a new object), so an in-place edit would be skipped without a
 * word: with these types the compiler refuses such code. Builders that assemble a fresh
 * document (importers) use {@link Draft} and hand the result over as an `ArgMap`.
 */
export type DeepReadonly<T> = T extends (infer E)[]
  ? readonly DeepReadonly<E>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

/** The mutable shape of a model type, for code that builds a document before handing it over. */
export type Draft<T> = T extends readonly (infer E)[]
  ? Draft<E>[]
  : T extends object
    ? { -readonly [K in keyof T]: Draft<T[K]> }
    : T;
