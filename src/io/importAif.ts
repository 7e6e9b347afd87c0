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
 *   else the place its text is found; a node found nowhere is marked implicit, with a note;
 * - OVA's layout gives positions.
 *
 * Anything malformed (edges to missing nodes, duplicate ids, S-nodes without premises) is skipped
 * with a line in the report; the importer never throws on bad input.
 */
import type { ArgEdge, ArgNode, NodeKind, Relation, Source } from '../model/schema';
import { NODE_KINDS } from '../model/schema';
import { htmlToText } from './htmlToText';
import { refsForRange, textFinder } from './refsForRange';
import {
  finishImport,
  guessLanguage,
  hashId,
  newMap,
  sourceFromText,
  type ImportOptions,
  type ImportResult,
} from './importText';

export interface AifImportOptions extends ImportOptions {
  /** Plain text of the analysed source, for AIFdb exports that ship it separately (`nodesetN.txt`). */
  text?: string;
}

interface RawNode {
  id: string;
  type: string;
  text: string;
  kind?: string;
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
      problems: [
        {
          path: '',
          message:
            'This JSON is not AIF: expected "nodes" and "edges" lists (or an "AIF" object holding them).',
        },
      ],
    };
  }
  const d = doc as Record<string, unknown>;
  const aif = (typeof d.AIF === 'object' && d.AIF !== null ? d.AIF : d) as Record<string, unknown>;
  const report: string[] = [];

  const raw = new Map<string, RawNode>();
  const skippedTypes = new Map<string, number>();
  list(aif.nodes).forEach((n, i) => {
    const id = idOf(n.nodeID);
    const type = typeof n.type === 'string' ? n.type : '';
    if (!id) return void report.push(`Skipped node #${i + 1}: it has no nodeID.`);
    if (raw.has(id)) return void report.push(`Skipped a second node with id ${id}.`);
    const kind = typeof n.argmapKind === 'string' ? n.argmapKind : undefined;
    raw.set(id, {
      id,
      type,
      text: typeof n.text === 'string' ? n.text : '',
      ...(kind ? { kind } : {}),
    });
    if (!['I', 'RA', 'CA', 'MA'].includes(type))
      skippedTypes.set(type || '(none)', (skippedTypes.get(type || '(none)') ?? 0) + 1);
  });
  const into = new Map<string, string[]>();
  const outOf = new Map<string, string[]>();
  list(aif.edges).forEach((e, i) => {
    const from = idOf(e.fromID);
    const to = idOf(e.toID);
    if (!from || !to || !raw.has(from) || !raw.has(to)) {
      return void report.push(
        `Skipped edge ${idOf(e.edgeID) ?? `#${i + 1}`}: it points to a node that does not exist (${from ?? '?'} → ${to ?? '?'}).`,
      );
    }
    if (from === to)
      return void report.push(
        `Skipped edge ${idOf(e.edgeID) ?? `#${i + 1}`}: it joins node ${from} to itself.`,
      );
    outOf.set(from, [...(outOf.get(from) ?? []), to]);
    into.set(to, [...(into.get(to) ?? []), from]);
  });
  for (const [type, n] of skippedTypes) {
    const what =
      { L: 'locution', YA: 'illocution', TA: 'transition', PA: 'preference' }[type] ?? 'unknown';
    report.push(
      `Skipped ${n} ${type} (${what}) node(s): only I, RA, CA and MA carry the argument.`,
    );
  }

  const isS = (id: string) => ['RA', 'CA', 'MA'].includes(raw.get(id)?.type ?? '');
  const nodes: ArgNode[] = [];
  const edges: ArgEdge[] = [];
  const nodeOf = new Map<string, string>(); // AIF id → map node id
  const addEdge = (from: string | undefined, to: string | undefined, relation: Relation) => {
    if (!from || !to || from === to) return;
    if (!edges.some((e) => e.from === from && e.to === to && e.relation === relation)) {
      edges.push({ id: `e${edges.length + 1}`, from, to, relation });
    }
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
      report.push(
        `Skipped ${s.type} node ${s.id}: it has no ${premises.length ? 'conclusion' : 'premise'} among the argument's nodes.`,
      );
      continue;
    }
    const relation: Relation =
      s.type === 'RA' ? 'supports' : s.type === 'CA' ? 'attacks' : 'elaborates';
    const junction = s.type !== 'MA' ? nodeOf.get(s.id) : undefined;
    if (targets.length > 1)
      report.push(
        `${s.type} node ${s.id} has ${targets.length} conclusions; each got the relation.`,
      );
    for (const p of premises) {
      if (junction) addEdge(nodeOf.get(p), junction, 'supports');
      else for (const t of targets) addEdge(nodeOf.get(p), nodeOf.get(t), relation);
    }
    if (junction) for (const t of targets) addEdge(junction, nodeOf.get(t), relation);
  }

  guessKinds(nodes, edges, guess, report);
  const source = buildSource(d, raw, outOf, nodes, nodeOf, options, report);
  placeNodes(d, nodes, nodeOf);
  const title = options.title ?? 'Imported AIF';
  const map = newMap(
    `aif-${hashId(JSON.stringify(aif.nodes ?? []).slice(0, 100_000))}`,
    title,
    source,
    options.now ?? new Date().toISOString(),
  );
  map.nodes = nodes;
  map.edges = edges;
  report.unshift(`${nodes.length} nodes and ${edges.length} edges from ${raw.size} AIF nodes.`);
  if (!raw.size) report.push('The AIF holds no nodes: the map is empty.');
  return finishImport(map, report);
}

/** Kinds for nodes without `argmapKind`: attackers are objections (rebuttals when they attack an objection). */
function guessKinds(nodes: ArgNode[], edges: ArgEdge[], guess: Set<string>, report: string[]) {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const outgoing = (id: string) =>
    edges.filter((e) => e.from === id && e.relation !== 'elaborates');
  for (const node of nodes) {
    if (!guess.has(node.id)) continue;
    const out = outgoing(node.id);
    if (!out.length) node.kind = edges.some((e) => e.to === node.id) ? 'conclusion' : 'context';
    else node.kind = out.every((e) => e.relation === 'attacks') ? 'objection' : 'claim';
  }
  for (const node of nodes) {
    if (guess.has(node.id) && node.kind === 'objection') {
      if (outgoing(node.id).some((e) => byId.get(e.to)?.kind === 'objection'))
        node.kind = 'rebuttal';
    }
  }
  if (guess.size)
    report.push(`${guess.size} statement(s) got a kind from the structure (AIF has no kinds).`);
}

/** The source: OVA's analysed text (or `options.text`), else the I-nodes' texts; and each node's refs. */
function buildSource(
  doc: Record<string, unknown>,
  raw: Map<string, RawNode>,
  outOf: Map<string, string[]>,
  nodes: ArgNode[],
  nodeOf: Map<string, string>,
  options: AifImportOptions,
  report: string[],
): Source {
  const ranges = new Map<string, { start: number; end: number }>(); // map node id → range
  let text: string;
  if (options.text !== undefined || typeof doc.text === 'string') {
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
    if (text)
      report.push('The AIF carries no analysed text: the source is built from the statements.');
  }
  const find = textFinder(text);
  for (const node of nodes) {
    if (node.kind === 'inference' || ranges.has(node.id) || !node.text) continue;
    const range = find(node.text);
    if (range) ranges.set(node.id, range);
  }
  const language = options.language ?? guessLanguage(text);
  const source = sourceFromText(text, language, { title: options.title ?? 'Imported AIF' });
  let unplaced = 0;
  for (const node of nodes) {
    if (node.kind === 'inference') continue;
    const range = ranges.get(node.id);
    node.refs = range ? refsForRange(source, range) : [];
    if (!node.refs.length) {
      node.implicit = true;
      node.note ??= 'Imported from AIF: not found in the analysed text.';
      unplaced++;
    }
  }
  if (unplaced)
    report.push(`${unplaced} statement(s) were not found in the text and are marked implicit.`);
  return source;
}

/** Positions from OVA's layout section, where there is one. */
function placeNodes(doc: Record<string, unknown>, nodes: ArgNode[], nodeOf: Map<string, string>) {
  const ova = doc.OVA;
  if (typeof ova !== 'object' || ova === null || Array.isArray(ova)) return;
  const byId = new Map(nodes.map((n) => [n.id, n]));
  for (const entry of list((ova as Record<string, unknown>).nodes)) {
    const id = nodeOf.get(idOf(entry.nodeID) ?? '');
    const node = id ? byId.get(id) : undefined;
    if (node && Number.isFinite(entry.x) && Number.isFinite(entry.y)) {
      node.position = { x: entry.x as number, y: entry.y as number };
    }
  }
}
