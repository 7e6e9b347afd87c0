/**
 * AIF JSON → a new map. Reads OVA3 saves (`{AIF, text, OVA}`), AIFdb exports
 * (`{nodes, edges, locutions}`) and machine xAIF (integer ids, `null` lists):
 *
 * - I-nodes become nodes (kind from our `argmapKind` field when present, else from the
 *   structure); RA → supports, CA → attacks, MA → elaborates; an RA or CA with several premises
 *   becomes an inference junction, as does any S-node that another S-node points at (an undercut
 *   CA → RA/CA attacks that junction); PA and the dialogue layer (L, YA, TA) are skipped with a note;
 * - the analysed text (OVA's HTML, read without interpreting it, or `options.text`) becomes the
 *   source; each I-node cites the span OVA marked for it (directly, or via its locution and YA),
 *   else the place its text is found (by quote); a node found nowhere is marked implicit, with a
 *   note, and, when there was a text to find it in, tagged unanchored and listed in the report;
 * - OVA's layout gives positions.
 *
 * A broken graph is refused with every problem at its JSON path: an edge to a node that does not
 * exist, two nodes with one id, an edge joining a node to itself, S-nodes in a cycle (each the
 * premise of the next), an S-node whose premise is also its conclusion. What is only incomplete
 * (a node without an id, an S-node without premises, the dialogue layer) is skipped with a line in
 * the report. The importer never throws on bad input.
 */
import type { ArgEdge, ArgNode, Draft, NodeKind, Relation, Source } from '../model/schema';
import { briefValue, problem, type Problem } from '../model/problem';
import { say, type Message, type MessageArg, type MessageKey } from '../model/messages';
import { MAX_COORDINATE, NODE_KINDS } from '../model/schema';
import { htmlToText } from './htmlToText';
import { findStatements, refsForRange } from './refsForRange';
import {
  finishImport,
  guessLanguage,
  hashId,
  newMap,
  sourceFromText,
  type ImportOptions,
  type ImportResult,
} from './importText';
import { pushTo } from './pushTo';
import { UNANCHORED_TAG } from '../source/reanchor';
import { aifSchemeName, schemeFulfilments } from './aifSchemes';

export interface AifImportOptions extends ImportOptions {
  /** Plain text of the analysed source, for AIFdb exports that ship it separately (`nodesetN.txt`). */
  text?: string;
}

interface RawNode {
  id: string;
  type: string;
  text: string;
  kind?: string;
  /** The particular argumentation scheme of an RA/CA/MA node. */
  scheme?: string;
}

const list = (value: unknown): Record<string, unknown>[] =>
  Array.isArray(value)
    ? value.filter((v): v is Record<string, unknown> => typeof v === 'object' && v !== null)
    : [];
const idOf = (value: unknown) =>
  typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;

/** Is this parsed JSON AIF (OVA3, AIFdb or xAIF)? */
export function isAif(doc: unknown): boolean {
  if (typeof doc !== 'object' || doc === null) return false;
  const d = doc as Record<string, unknown>;
  const inner = (typeof d.AIF === 'object' && d.AIF !== null ? d.AIF : d) as Record<
    string,
    unknown
  >;
  return Array.isArray(inner.nodes) && Array.isArray(inner.edges);
}

export function importAif(doc: unknown, options: AifImportOptions = {}): ImportResult {
  if (!isAif(doc)) {
    return {
      ok: false,
      problems: [problem('', 'aifNotAif')],
    };
  }
  const d = doc as Record<string, unknown>;
  const nested = typeof d.AIF === 'object' && d.AIF !== null;
  const aif = (nested ? d.AIF : d) as Record<string, unknown>;
  const problems = graphProblems(aif, nested ? 'AIF.' : '');
  if (problems.length) return { ok: false, problems };
  const report: Message[] = [];

  const raw = new Map<string, RawNode>();
  const skippedTypes = new Map<string, number>();
  const fulfilments = schemeFulfilments(aif);
  list(aif.nodes).forEach((n, i) => {
    const id = idOf(n.nodeID);
    const type = typeof n.type === 'string' ? n.type : '';
    if (!id) return void report.push(say('aifSkippedNoId', i + 1));
    const kind = typeof n.argmapKind === 'string' ? n.argmapKind : undefined;
    const scheme = ['RA', 'CA', 'MA'].includes(type) ? aifSchemeName(n, fulfilments) : undefined;
    raw.set(id, {
      id,
      type,
      text: typeof n.text === 'string' ? n.text : '',
      ...(kind ? { kind } : {}),
      ...(scheme ? { scheme } : {}),
    });
    if (!['I', 'RA', 'CA', 'MA'].includes(type))
      skippedTypes.set(type || '(none)', (skippedTypes.get(type || '(none)') ?? 0) + 1);
  });
  const into = new Map<string, string[]>();
  const outOf = new Map<string, string[]>();
  list(aif.edges).forEach((e) => {
    // graphProblems has checked that both ends exist and differ.
    const from = idOf(e.fromID)!;
    const to = idOf(e.toID)!;
    pushTo(outOf, from, to);
    pushTo(into, to, from);
  });
  for (const [type, n] of skippedTypes) {
    const what: MessageKey =
      (
        { L: 'aifLocution', YA: 'aifIllocution', TA: 'aifTransition', PA: 'aifPreference' } as const
      )[type as 'L'] ?? 'aifUnknown';
    report.push(say('aifSkippedType', n, type, say(what)));
  }

  const isS = (id: string) => ['RA', 'CA', 'MA'].includes(raw.get(id)?.type ?? '');
  const nodes: Draft<ArgNode>[] = [];
  const edges: Draft<ArgEdge>[] = [];
  const nodeOf = new Map<string, string>(); // AIF id → map node id
  const edgeKeys = new Set<string>();
  const addEdge = (
    from: string | undefined,
    to: string | undefined,
    relation: Relation,
    scheme?: string,
  ) => {
    if (!from || !to || from === to) return;
    const key = JSON.stringify([from, to, relation]);
    if (edgeKeys.has(key)) return;
    edgeKeys.add(key);
    edges.push({ id: `e${edges.length + 1}`, from, to, relation, ...(scheme ? { scheme } : {}) });
  };
  const guess = new Set<string>();
  for (const n of raw.values()) {
    if (n.type !== 'I') continue;
    const kind = NODE_KINDS.includes(n.kind as NodeKind) ? (n.kind as NodeKind) : undefined;
    const id = `n${nodes.length + 1}`;
    nodes.push({ id, kind: kind ?? 'claim', text: n.text.trim(), refs: [] });
    nodeOf.set(n.id, id);
    if (!kind) guess.add(id);
  }
  // S-nodes with several premises, or that another S-node points at, become junctions.
  for (const s of raw.values()) {
    if (s.type !== 'RA' && s.type !== 'CA') continue;
    const targeted = (into.get(s.id) ?? []).some(isS);
    const premises = (into.get(s.id) ?? []).filter((p) => raw.get(p)?.type === 'I');
    if (premises.length >= 2 || targeted) {
      nodes.push({
        id: `n${nodes.length + 1}`,
        kind: 'inference',
        text: '',
        refs: [],
        note: `AIF ${s.type} ${s.id}: ${s.text}`,
        ...(s.scheme ? { scheme: s.scheme } : {}),
      });
      nodeOf.set(s.id, nodes[nodes.length - 1]!.id);
    }
  }
  for (const s of raw.values()) {
    if (!isS(s.id)) continue;
    // Premises are I-nodes; an S-node pointing here is an attacker, handled as its own target.
    const premises = (into.get(s.id) ?? []).filter(
      (p) => raw.get(p)?.type === 'I' && nodeOf.has(p),
    );
    const targets = (outOf.get(s.id) ?? []).filter((t) => nodeOf.has(t));
    if (!premises.length || !targets.length) {
      report.push(say(premises.length ? 'aifNoConclusion' : 'aifNoPremise', s.type, s.id));
      continue;
    }
    const relation: Relation =
      s.type === 'RA' ? 'supports' : s.type === 'CA' ? 'attacks' : 'elaborates';
    const junction = s.type !== 'MA' ? nodeOf.get(s.id) : undefined;
    if (targets.length > 1) report.push(say('aifConclusions', s.type, s.id, targets.length));
    for (const p of premises) {
      if (junction) addEdge(nodeOf.get(p), junction, 'supports');
      else for (const t of targets) addEdge(nodeOf.get(p), nodeOf.get(t), relation, s.scheme);
    }
    if (junction) for (const t of targets) addEdge(junction, nodeOf.get(t), relation);
  }

  guessKinds(nodes, edges, guess, report);
  const source = buildSource(d, raw, outOf, nodes, nodeOf, options, report);
  placeNodes(d, nodes, nodeOf);
  const title = options.title ?? documentTitle(d) ?? 'Imported AIF';
  const map = {
    ...newMap(
      `aif-${hashId(
        [...raw.values()]
          .map((n) => `${n.id} ${n.type} ${n.text}`)
          .join('\n')
          .slice(0, 100_000),
      )}`,
      title,
      source,
      options.now ?? new Date().toISOString(),
    ),
    nodes,
    edges,
  };
  report.unshift(say('aifCounts', nodes.length, edges.length, raw.size));
  if (!raw.size) report.push(say('aifEmpty'));
  // AIF has no sections, so there are never groups to import; say so rather than leave it unsaid.
  report.push(say('aifNoGroups'));
  return finishImport(map, report);
}

/**
 * The title a file gives itself: OVA's analysis metadata (`analysis.documentTitle`, or `title`),
 * or the same fields at the top (AIFdb and other tools). None of the AIF or OVA files we have seen
 * names itself; the importer then takes the file's name (app/importFiles).
 */
export function documentTitle(doc: Record<string, unknown>): string | undefined {
  const analysis = doc.analysis;
  const places = [
    ...(typeof analysis === 'object' && analysis !== null && !Array.isArray(analysis)
      ? [analysis as Record<string, unknown>]
      : []),
    doc,
  ];
  for (const place of places)
    for (const key of ['documentTitle', 'title']) {
      const value = place[key];
      const title = typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() : '';
      if (title) return title.slice(0, 200);
    }
  return undefined;
}

const S_TYPES = ['RA', 'CA', 'MA'];

/**
 * What makes the AIF graph unusable, each at its JSON path: edges whose ends are missing or do
 * not exist, duplicate node ids, self-loops, cycles of S-nodes (an inference or conflict that,
 * through others, rests on itself) and S-nodes whose premise is also their conclusion.
 */
function graphProblems(aif: Record<string, unknown>, prefix: string): Problem[] {
  const problems: Problem[] = [];
  const add = (path: string, key: MessageKey, ...args: (MessageArg | number)[]) =>
    problems.push(problem(prefix + path, key, ...args));
  const nodes = Array.isArray(aif.nodes) ? (aif.nodes as unknown[]) : [];
  const edges = Array.isArray(aif.edges) ? (aif.edges as unknown[]) : [];
  const field = (value: unknown, key: string) =>
    typeof value === 'object' && value !== null
      ? (value as Record<string, unknown>)[key]
      : undefined;

  const typeOf = new Map<string, string>();
  const indexOf = new Map<string, number>();
  nodes.forEach((node, i) => {
    const id = idOf(field(node, 'nodeID'));
    if (id === undefined) return;
    const first = indexOf.get(id);
    if (first !== undefined) {
      add(`nodes[${i}].nodeID`, 'aifIdUsed', briefValue(id), `nodes[${first}]`);
      return;
    }
    indexOf.set(id, i);
    const type = field(node, 'type');
    typeOf.set(id, typeof type === 'string' ? type : '');
  });
  const label = (id: string) => `${typeOf.get(id) || 'node'} ${id}`;

  const sEdges = new Map<string, { to: string; edge: number }[]>(); // S-node → S-nodes it points at
  const into = new Map<string, Set<string>>();
  const outOf = new Map<string, Set<string>>();
  edges.forEach((edge, i) => {
    if (typeof edge !== 'object' || edge === null || Array.isArray(edge)) {
      return void add(`edges[${i}]`, 'aifEdgeShape');
    }
    const ends = (['fromID', 'toID'] as const).map((key) => {
      const raw = field(edge, key);
      const id = idOf(raw);
      if (id === undefined) {
        add(`edges[${i}].${key}`, raw === undefined ? 'aifMissing' : 'aifNodeId');
      } else if (!typeOf.has(id)) {
        add(`edges[${i}].${key}`, 'aifNotNode', briefValue(id));
        return undefined;
      }
      return id;
    });
    const [from, to] = ends;
    if (from === undefined || to === undefined) return;
    if (from === to) return void add(`edges[${i}]`, 'aifSelfEdge', label(from));
    if (!into.has(to)) into.set(to, new Set());
    into.get(to)!.add(from);
    if (!outOf.has(from)) outOf.set(from, new Set());
    outOf.get(from)!.add(to);
    if (S_TYPES.includes(typeOf.get(from)!) && S_TYPES.includes(typeOf.get(to)!)) {
      if (!sEdges.has(from)) sEdges.set(from, []);
      sEdges.get(from)!.push({ to, edge: i });
    }
  });

  for (const [id, type] of typeOf) {
    if (!S_TYPES.includes(type)) continue;
    for (const premise of into.get(id) ?? []) {
      if (typeOf.get(premise) === 'I' && outOf.get(id)?.has(premise)) {
        add(`nodes[${indexOf.get(id)}]`, 'aifBothEnds', label(id), premise);
      }
    }
  }

  // Cycles among S-nodes, by an iterative depth-first search (no recursion on hostile input).
  const state = new Map<string, 'open' | 'done'>();
  for (const start of sEdges.keys()) {
    if (state.has(start)) continue;
    const path: { id: string; next: number }[] = [{ id: start, next: 0 }];
    state.set(start, 'open');
    while (path.length) {
      const top = path[path.length - 1]!;
      const out = sEdges.get(top.id) ?? [];
      if (top.next >= out.length) {
        state.set(top.id, 'done');
        path.pop();
        continue;
      }
      const { to, edge } = out[top.next++]!;
      if (state.get(to) === 'open') {
        const cycle = path.slice(path.findIndex((p) => p.id === to)).map((p) => label(p.id));
        add(`edges[${edge}]`, 'aifCycle', [...cycle, label(to)].join(' → '));
      } else if (!state.has(to)) {
        state.set(to, 'open');
        path.push({ id: to, next: 0 });
      }
    }
  }
  return problems;
}

/** Kinds for nodes without `argmapKind`: attackers are objections (rebuttals when they attack an objection). */
function guessKinds(
  nodes: Draft<ArgNode>[],
  edges: Draft<ArgEdge>[],
  guess: Set<string>,
  report: Message[],
) {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const outOf = new Map<string, Draft<ArgEdge>[]>();
  const hasIncoming = new Set<string>();
  for (const e of edges) {
    if (e.relation !== 'elaborates') pushTo(outOf, e.from, e);
    hasIncoming.add(e.to);
  }
  const outgoing = (id: string) => outOf.get(id) ?? [];
  for (const node of nodes) {
    if (!guess.has(node.id)) continue;
    const out = outgoing(node.id);
    if (!out.length) node.kind = hasIncoming.has(node.id) ? 'conclusion' : 'context';
    else node.kind = out.every((e) => e.relation === 'attacks') ? 'objection' : 'claim';
  }
  for (const node of nodes) {
    if (guess.has(node.id) && node.kind === 'objection') {
      if (outgoing(node.id).some((e) => byId.get(e.to)?.kind === 'objection'))
        node.kind = 'rebuttal';
    }
  }
  if (guess.size) report.push(say('aifGuessed', guess.size));
}

/** The source: OVA's analysed text (or `options.text`), else the I-nodes' texts; and each node's refs. */
function buildSource(
  doc: Record<string, unknown>,
  raw: Map<string, RawNode>,
  outOf: Map<string, string[]>,
  nodes: Draft<ArgNode>[],
  nodeOf: Map<string, string>,
  options: AifImportOptions,
  report: Message[],
): Source {
  const ranges = new Map<string, { start: number; end: number }>(); // map node id → range
  let text: string;
  const hasText = options.text !== undefined || typeof doc.text === 'string';
  if (hasText) {
    const parsed =
      options.text !== undefined
        ? {
            text: options.text.replace(/\r\n?/g, '\n'),
            spans: new Map<string, { start: number; end: number }>(),
          }
        : htmlToText((doc.text as string).replace(/\r\n?/g, '\n'));
    text = parsed.text;
    for (const [spanId, range] of parsed.spans) {
      const aifId = spanId.replace(/^node/, '');
      const node = raw.get(aifId);
      if (!node) continue;
      // OVA marks the locution (L); its I-node is reached through the YA between them.
      const iNodes =
        node.type === 'I'
          ? [aifId]
          : (outOf.get(aifId) ?? [])
              .flatMap((ya) => (raw.get(ya)?.type === 'YA' ? (outOf.get(ya) ?? []) : []))
              .filter((i) => raw.get(i)?.type === 'I');
      for (const i of iNodes) {
        const id = nodeOf.get(i);
        if (id && !ranges.has(id)) ranges.set(id, range);
      }
    }
  } else {
    text = nodes
      .filter((n) => n.kind !== 'inference' && n.text)
      .map((n) => n.text)
      .join('\n\n');
    if (text) report.push(say('aifNoText'));
  }
  // Every statement not placed by the text's own marks, searched for in one pass.
  const unmarked = nodes.filter((n) => n.kind !== 'inference' && !ranges.has(n.id) && n.text);
  findStatements(
    text,
    unmarked.map((n) => n.text),
  ).forEach((range, i) => {
    if (range) ranges.set(unmarked[i]!.id, range);
  });
  const language = options.language ?? guessLanguage(text);
  const source = sourceFromText(text, language, {
    title: options.title ?? documentTitle(doc) ?? 'Imported AIF',
  });
  let unplaced = 0;
  const unanchored: string[] = [];
  for (const node of nodes) {
    if (node.kind === 'inference') continue;
    const range = ranges.get(node.id);
    node.refs = range ? refsForRange(source, range) : [];
    if (!node.refs.length) {
      node.implicit = true;
      node.note ??= 'Imported from AIF: not found in the analysed text.';
      unplaced++;
      // With the analysed text at hand, a statement not in it is flagged for repair.
      if (hasText) {
        node.tags = [...(node.tags ?? []), UNANCHORED_TAG];
        unanchored.push(
          `${node.id} “${node.text.length > 60 ? `${node.text.slice(0, 59)}…` : node.text}”`,
        );
      }
    }
  }
  if (unplaced) report.push(say('aifUnplaced', unplaced));
  if (unanchored.length) report.push(say('aifUnanchored', UNANCHORED_TAG, unanchored.join('; ')));
  return source;
}

/** Positions from OVA's layout section, where there is one. */
function placeNodes(
  doc: Record<string, unknown>,
  nodes: Draft<ArgNode>[],
  nodeOf: Map<string, string>,
) {
  const ova = doc.OVA;
  if (typeof ova !== 'object' || ova === null || Array.isArray(ova)) return;
  const byId = new Map(nodes.map((n) => [n.id, n]));
  for (const entry of list((ova as Record<string, unknown>).nodes)) {
    const id = nodeOf.get(idOf(entry.nodeID) ?? '');
    const node = id ? byId.get(id) : undefined;
    const inRange = (v: unknown) => Number.isFinite(v) && Math.abs(v as number) <= MAX_COORDINATE;
    // A position out of range is left out: the node is laid out automatically instead.
    if (node && inRange(entry.x) && inRange(entry.y)) {
      node.position = { x: entry.x as number, y: entry.y as number };
    }
  }
}
