/**
 * Pure edits around argumentation schemes: set a scheme, and turn one of a scheme's critical
 * questions into a node that attacks the argument. Each returns a new map (one undo step in the
 * store), built from the operations in `operations.ts`.
 */
import { addNode, connect, findNode, OperationError, updateNode } from './operations';
import type { ArgEdge, ArgMap } from './schema';
import { findScheme } from './schemes';

/** What carries the scheme: an inference junction (or a node standing for one argument), or an edge. */
export type SchemeTarget = { readonly node: string } | { readonly edge: string };

/**
 * How a critical question is raised: an `objection` attacks the argument's conclusion; an
 * `undercut` attacks the inference itself (the junction; a single-premise edge is first turned
 * into a junction carrying its scheme, which is how AIF draws an undercut).
 */
export type QuestionKind = 'objection' | 'undercut';

function requireEdge(map: ArgMap, id: string): ArgEdge {
  const edge = map.edges.find((e) => e.id === id);
  if (!edge) throw new OperationError('opNoEdge', id);
  return edge;
}

/** The scheme named on a node or an edge (undefined when none). */
export function schemeOf(map: ArgMap, target: SchemeTarget): string | undefined {
  if ('node' in target) {
    const node = findNode(map, target.node);
    if (!node) throw new OperationError('opNoNode', target.node);
    return node.scheme;
  }
  return requireEdge(map, target.edge).scheme;
}

/** Sets (or, with undefined, clears) the scheme of a node or an edge. */
export function setScheme(map: ArgMap, target: SchemeTarget, scheme: string | undefined): ArgMap {
  const name = scheme?.trim() ? scheme.trim() : undefined;
  if ('node' in target) return updateNode(map, target.node, { scheme: name });
  requireEdge(map, target.edge);
  return {
    ...map,
    edges: map.edges.map((e) => {
      if (e.id !== target.edge) return e;
      const { scheme: _old, ...rest } = e;
      return name === undefined ? rest : { ...rest, scheme: name };
    }),
  };
}

export interface QuestionNodeResult {
  map: ArgMap;
  /** The new objection node. */
  id: string;
  /** The node it attacks: the conclusion (objection) or the inference junction (undercut). */
  attacks: string;
  /** The junction made from a single-premise edge for an undercut, if one was made. */
  junction?: string;
}

/**
 * Turns critical question number `index` (0-based) of the target's scheme into an objection
 * node (implicit: the analyst raises it, the text does not say it) that attacks the conclusion
 * (`objection`) or the inference (`undercut`). The question's text, in `language` (`zh…` or
 * English), becomes the node's text; its note names the scheme and question.
 */
export function questionToNode(
  map: ArgMap,
  target: SchemeTarget,
  index: number,
  kind: QuestionKind,
  language = 'en',
): QuestionNodeResult {
  const name = schemeOf(map, target);
  if (name === undefined) throw new OperationError('opNoScheme');
  const scheme = findScheme(name);
  if (!scheme) throw new OperationError('opNoQuestions', name);
  const question = scheme.questions[index];
  if (!Number.isInteger(index) || !question) {
    throw new OperationError('opNoQuestion', name, scheme.questions.length, index + 1);
  }
  const zh = language.toLowerCase().startsWith('zh');
  const text = zh ? question.zh : question.en;
  const note = zh
    ? `批判性问题 ${index + 1}（${scheme.title.zh}）`
    : `Critical question ${index + 1} of ${scheme.title.en}.`;

  let next = map;
  let attacks: string;
  let junction: string | undefined;
  if ('node' in target) {
    const node = findNode(map, target.node)!;
    if (kind === 'undercut') {
      if (node.kind !== 'inference') throw new OperationError('opUndercutTarget');
      attacks = node.id;
    } else {
      const out = map.edges.find((e) => e.from === node.id && e.relation !== 'elaborates');
      if (!out) throw new OperationError('opNoConclusion');
      attacks = out.to;
    }
  } else {
    const edge = requireEdge(map, target.edge);
    if (kind === 'objection') {
      attacks = edge.to;
    } else {
      // The edge becomes premise → junction → conclusion; the edge keeps its id (and comments)
      // as the junction's outgoing edge, and the scheme moves to the junction.
      const made = addNode(next, { kind: 'inference', text: '', refs: [], scheme: name });
      junction = made.id;
      next = setScheme(made.map, { edge: edge.id }, undefined);
      next = {
        ...next,
        edges: next.edges.map((e) => (e.id === edge.id ? { ...e, from: made.id } : e)),
      };
      next = connect(next, edge.from, made.id, 'supports').map;
      attacks = made.id;
    }
  }
  const added = addNode(next, {
    kind: 'objection',
    text,
    refs: [],
    implicit: true,
    note,
  });
  const linked = connect(added.map, added.id, attacks, 'attacks');
  return {
    map: linked.map,
    id: added.id,
    attacks,
    ...(junction ? { junction } : {}),
  };
}
