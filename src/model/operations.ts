/**
 * Pure edits of a map. Each returns a new document (the input is never mutated) and keeps every
 * rule of the contract; an edit that would break one throws an {@link OperationError} and changes
 * nothing.
 */
import { nextId } from './ids';
import { MAX_COORDINATE, needsRef, splitsPair } from './vocabulary';
import type { ArgEdge, ArgMap, ArgNode, NodeKind, Position, Ref, Relation, Source } from './schema';

/**
 * Why an edit is refused, in English, by key ("{0}", "{1}" stand for the arguments). The editor
 * shows them in its interface's language: each key has a translation there (src/ui/i18n.ts).
 */
export const OPERATION_MESSAGES = {
  opNoNode: 'There is no node "{0}" in this map.',
  opNotSentence: '"{0}" is not a sentence of this map.',
  opSpanOrder: 'A span needs a start before its end.',
  opSpanOutside: 'The span lies outside sentence "{0}".',
  opSpanSplitsPair:
    'The span would begin or end between the two halves of one character (a surrogate pair).',
  opQuoteMismatch: 'The quote does not match the text of its span.',
  opNodeExists: 'A node "{0}" already exists.',
  opNeedsRef: 'A node needs a source ref unless it is an inference or marked implicit.',
  opExplicitNeedsRef: 'A {0} node needs a source ref; add one before making it explicit.',
  opPositionRange:
    'Node "{0}" cannot be moved to ({1}, {2}): positions must be within ±10,000,000.',
  opSelfEdge: 'A node cannot support or attack itself.',
  opEdgeExists: 'An edge "{0}" already exists.',
  opNoEdge: 'There is no edge "{0}" in this map.',
  opNoRef: 'Node "{0}" has no ref number {1}.',
  opOnlyRef: 'This is the node’s only source ref: add another, or mark the node implicit, first.',
  opNoGroup: 'There is no group "{0}" in this map.',
  opGroupExists: 'A group "{0}" already exists.',
  opNoSource: 'There is no source "{0}" in this map.',
  opNoSentencesLeft: 'The corrected text has no sentences left to hold the links into it.',
  // Critical questions (src/model/schemeOps.ts)
  opNoScheme: 'This argument has no scheme.',
  opNoQuestions: 'No critical questions are known for the scheme "{0}".',
  opNoQuestion: 'The scheme "{0}" has {1} critical questions; there is no number {2}.',
  opUndercutTarget: 'An undercut attacks an inference: choose its junction or edge.',
  opNoConclusion: 'This argument has no conclusion to object to.',
  // Comments (#16, src/model/comments.ts)
  opNoComment: 'There is no comment "{0}" in this map.',
  opCommentExists: 'A comment "{0}" already exists.',
  opNoTarget: 'There is no node or edge "{0}" to comment on.',
  opEmptyComment: 'A comment needs some words.',
  opNoAuthor: 'A comment needs its author’s name.',
  opNotYourComment: 'Only its author can change or delete a comment.',
} as const;

export type OperationMessageKey = keyof typeof OPERATION_MESSAGES;

/** Fills a message's "{0}", "{1}"… with its arguments. */
export function fillMessage(template: string, args: readonly (string | number)[]): string {
  return template.replace(/\{(\d)\}/g, (_, i: string) => String(args[Number(i)] ?? ''));
}

/**
 * An edit refused because it would break a rule of the contract: its message in English, and,
 * when made from a key of {@link OPERATION_MESSAGES}, that key and its arguments for a
 * translation (an error made from free words has no key: it is shown as it is).
 */
export class OperationError extends Error {
  override name = 'OperationError';
  readonly key: OperationMessageKey | undefined;
  readonly args: readonly string[];
  constructor(key: OperationMessageKey, ...args: (string | number)[]);
  constructor(message: string);
  constructor(keyOrMessage: string, ...args: (string | number)[]) {
    const key = Object.hasOwn(OPERATION_MESSAGES, keyOrMessage)
      ? (keyOrMessage as OperationMessageKey)
      : undefined;
    super(key ? fillMessage(OPERATION_MESSAGES[key], args) : keyOrMessage);
    this.key = key;
    this.args = args.map(String);
  }
}

/** The fields of a node a caller may change with {@link updateNode}. */
export type NodePatch = Partial<Omit<ArgNode, 'id' | 'refs'>>;

export function findNode(map: ArgMap, id: string): ArgNode | undefined {
  return map.nodes.find((n) => n.id === id);
}

function requireNode(map: ArgMap, id: string): ArgNode {
  const node = findNode(map, id);
  if (!node) throw new OperationError('opNoNode', id);
  return node;
}

function replaceNode(map: ArgMap, id: string, next: ArgNode): ArgMap {
  return { ...map, nodes: map.nodes.map((n) => (n.id === id ? next : n)) };
}

/** Where a sentence is: its source's index, its own index in that source, and its range. */
export interface SentencePlace {
  sourceIndex: number;
  index: number;
  start: number;
  end: number;
}

const sentenceIndexes = new WeakMap<readonly Source[], Map<string, SentencePlace>>();

/**
 * Every sentence id of the map, with the text of its source and its range. Built on the first
 * look-up, once per sources (they are immutable): opening a map of 100,000 sentences does not
 * pay for it, and every edit after the first finds it built.
 */
export function sentenceIndex(map: Pick<ArgMap, 'sources'>): {
  get(id: string): SentencePlace | undefined;
} {
  const { sources } = map;
  return {
    get(id) {
      let index = sentenceIndexes.get(sources);
      if (!index) {
        index = new Map();
        for (let sourceIndex = 0; sourceIndex < sources.length; sourceIndex++) {
          const sentences = sources[sourceIndex]!.sentences;
          for (let i = 0; i < sentences.length; i++) {
            const s = sentences[i]!;
            index.set(s.id, { sourceIndex, index: i, start: s.start, end: s.end });
          }
        }
        sentenceIndexes.set(sources, index);
      }
      return index.get(id);
    },
  };
}

function checkRef(map: ArgMap, ref: Ref): void {
  const sentence = sentenceIndex(map).get(ref.sentence);
  if (!sentence) throw new OperationError('opNotSentence', ref.sentence);
  if (ref.start === undefined && ref.end === undefined) return;
  if (ref.start === undefined || ref.end === undefined || ref.start >= ref.end) {
    throw new OperationError('opSpanOrder');
  }
  if (ref.start < sentence.start || ref.end > sentence.end) {
    throw new OperationError('opSpanOutside', ref.sentence);
  }
  const text = map.sources[sentence.sourceIndex]!.text;
  if (splitsPair(text, ref.start) || splitsPair(text, ref.end)) {
    throw new OperationError('opSpanSplitsPair');
  }
  if (ref.quote !== undefined && text.slice(ref.start, ref.end) !== ref.quote) {
    throw new OperationError('opQuoteMismatch');
  }
}

/** Adds a node; its id is made fresh unless given. Returns the new map and the node's id. */
export function addNode(
  map: ArgMap,
  node: Omit<ArgNode, 'id'> & { id?: string },
): { map: ArgMap; id: string } {
  const id =
    node.id ??
    nextId(
      'n',
      map.nodes.map((n) => n.id),
    );
  if (findNode(map, id)) throw new OperationError('opNodeExists', id);
  if (node.refs.length === 0 && needsRef(node)) {
    throw new OperationError('opNeedsRef');
  }
  for (const ref of node.refs) checkRef(map, ref);
  return { map: { ...map, nodes: [...map.nodes, { ...node, id }] }, id };
}

/** Changes a node's fields (not its id or refs: see {@link addRef} and {@link removeRef}). */
export function updateNode(map: ArgMap, id: string, patch: NodePatch): ArgMap {
  const node = requireNode(map, id);
  const next: ArgNode = { ...node, ...patch, id, refs: node.refs };
  for (const key of Object.keys(next) as (keyof ArgNode)[]) {
    if (next[key] === undefined) delete next[key];
  }
  if (next.refs.length === 0 && needsRef(next)) {
    throw new OperationError('opExplicitNeedsRef', next.kind);
  }
  return replaceNode(map, id, next);
}

export function setKind(map: ArgMap, id: string, kind: NodeKind): ArgMap {
  return updateNode(map, id, { kind });
}

/**
 * Removes a node, every edge that touches it, its steps in every tour and the comments on it or
 * its edges (with their replies). Its group stays, even if it is left empty.
 */
export function removeNode(map: ArgMap, id: string): ArgMap {
  requireNode(map, id);
  return withoutDangling({
    ...map,
    nodes: map.nodes.filter((n) => n.id !== id),
    edges: map.edges.filter((e) => e.from !== id && e.to !== id),
  });
}

/**
 * `map` without what names a node or edge it no longer has: tour steps, comments on them, and
 * replies to comments so dropped. Lists with nothing to drop stay the same objects.
 */
export function withoutDangling(map: ArgMap): ArgMap {
  const nodeIds = new Set(map.nodes.map((n) => n.id));
  let next = map;
  if (map.tours.some((t) => t.steps.some((s) => !nodeIds.has(s)))) {
    next = {
      ...next,
      tours: map.tours.map((t) =>
        t.steps.every((s) => nodeIds.has(s))
          ? t
          : { ...t, steps: t.steps.filter((s) => nodeIds.has(s)) },
      ),
    };
  }
  if (map.comments?.length) {
    const targets = new Set([...nodeIds, ...map.edges.map((e) => e.id)]);
    let kept = map.comments.filter((c) => targets.has(c.target));
    // A reply to a dropped comment goes with it (replies may come before what they answer).
    for (;;) {
      const ids = new Set(kept.map((c) => c.id));
      const still = kept.filter((c) => c.replyTo === undefined || ids.has(c.replyTo));
      if (still.length === kept.length) break;
      kept = still;
    }
    if (kept.length !== map.comments.length) next = { ...next, comments: kept };
  }
  return next;
}

/** Moves nodes to new positions (one record each; the rest of the map is shared). */
export function moveNodes(map: ArgMap, positions: Readonly<Record<string, Position>>): ArgMap {
  for (const [id, p] of Object.entries(positions)) {
    if (![p.x, p.y].every((v) => Number.isFinite(v) && Math.abs(v) <= MAX_COORDINATE))
      throw new OperationError('opPositionRange', id, p.x, p.y);
  }
  return {
    ...map,
    nodes: map.nodes.map((n) => {
      const p = positions[n.id];
      return p ? { ...n, position: { x: p.x, y: p.y } } : n;
    }),
  };
}

/** Connects `from` to `to`. Returns the new map and the edge's id. */
export function connect(
  map: ArgMap,
  from: string,
  to: string,
  relation: Relation,
  extra: Partial<Pick<ArgEdge, 'id' | 'note' | 'rating'>> = {},
): { map: ArgMap; id: string } {
  requireNode(map, from);
  requireNode(map, to);
  if (from === to) throw new OperationError('opSelfEdge');
  const id =
    extra.id ??
    nextId(
      'e',
      map.edges.map((e) => e.id),
    );
  if (map.edges.some((e) => e.id === id)) throw new OperationError('opEdgeExists', id);
  const edge: ArgEdge = { ...extra, id, from, to, relation };
  return { map: { ...map, edges: [...map.edges, edge] }, id };
}

/** Removes an edge and the comments on it (with their replies). */
export function disconnect(map: ArgMap, edgeId: string): ArgMap {
  if (!map.edges.some((e) => e.id === edgeId)) {
    throw new OperationError('opNoEdge', edgeId);
  }
  return withoutDangling({ ...map, edges: map.edges.filter((e) => e.id !== edgeId) });
}

/** Changes an edge's relation, note or rating. */
export function updateEdge(
  map: ArgMap,
  edgeId: string,
  patch: Partial<Pick<ArgEdge, 'relation' | 'note' | 'rating'>>,
): ArgMap {
  if (!map.edges.some((e) => e.id === edgeId)) {
    throw new OperationError('opNoEdge', edgeId);
  }
  return {
    ...map,
    edges: map.edges.map((e) => {
      if (e.id !== edgeId) return e;
      const next: ArgEdge = { ...e, ...patch, id: e.id, from: e.from, to: e.to };
      for (const key of Object.keys(next) as (keyof ArgEdge)[]) {
        if (next[key] === undefined) delete next[key];
      }
      return next;
    }),
  };
}

export function setRelation(map: ArgMap, edgeId: string, relation: Relation): ArgMap {
  return updateEdge(map, edgeId, { relation });
}

export function addRef(map: ArgMap, nodeId: string, ref: Ref): ArgMap {
  const node = requireNode(map, nodeId);
  checkRef(map, ref);
  return replaceNode(map, nodeId, { ...node, refs: [...node.refs, { ...ref }] });
}

/** Removes the ref at `index`; refused when it is the last ref of a node that needs one. */
export function removeRef(map: ArgMap, nodeId: string, index: number): ArgMap {
  const node = requireNode(map, nodeId);
  if (index < 0 || index >= node.refs.length) {
    throw new OperationError('opNoRef', nodeId, index + 1);
  }
  if (node.refs.length === 1 && needsRef(node)) {
    throw new OperationError('opOnlyRef');
  }
  return replaceNode(map, nodeId, { ...node, refs: node.refs.filter((_, i) => i !== index) });
}
