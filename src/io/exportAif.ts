/**
 * The map as AIF JSON in the shape OVA3 saves (`{AIF, text, OVA}`), which AIFdb also reads:
 *
 * - every statement node is an I-node (with a non-standard `argmapKind` field other tools ignore,
 *   so a round trip keeps kinds);
 * - a support is an RA node, an attack a CA node, an elaboration an MA node ("Default Rephrase"),
 *   each between its premise and conclusion; an inference junction is one RA (or CA, when it
 *   attacks) with all its premises; an undercut is a CA pointing at that S-node;
 * - `OVA` holds the layout (stored positions, laid out where missing) and `text` the analysed
 *   source as HTML-escaped text with `<span id="node{I-node id}">` around each node's quoted span
 *   (the dialogue layer — L/YA nodes, locutions — is left empty: the map has no dialogue).
 */
import type { ArgEdge, ArgMap, ArgNode, Position } from '../model/schema';
import { layeredPositions } from './layeredPositions';
import { aifSchemeFields } from './aifSchemes';

export interface AifNode {
  nodeID: string;
  text: string;
  type: 'I' | 'RA' | 'CA' | 'MA';
  timestamp: string;
  argmapKind?: string;
  /** The argumentation scheme of an S-node, as AIFdb writes it (its name is the node's text too). */
  scheme?: string;
  /** AIFdb's id of that scheme, where it is known. */
  schemeID?: string;
}
export interface AifEdge {
  edgeID: number;
  fromID: string;
  toID: string;
}
export interface OvaDocument {
  AIF: {
    nodes: AifNode[];
    edges: AifEdge[];
    locutions: never[];
    participants: never[];
    schemefulfillments: { nodeID: string; schemeID: string }[];
    descriptorfulfillments: never[];
    cqdescriptorfulfillments: never[];
  };
  text: string;
  OVA: {
    firstname: string;
    surname: string;
    url: string;
    nodes: { nodeID: string; visible: boolean; x: number; y: number; timestamp: string }[];
    edges: { fromID: string; toID: string; visible: boolean }[];
  };
}

const SCHEME = { RA: 'Default Inference', CA: 'Default Conflict', MA: 'Default Rephrase' } as const;

/** "2026-11-26T12:00:00.000Z" → "2026-11-26 12:00:00", as AIFdb writes timestamps. */
function aifTimestamp(iso: string | undefined): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})/.exec(iso ?? '');
  return m ? `${m[1]} ${m[2]}` : '';
}

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

export function exportAif(map: ArgMap): OvaDocument {
  const timestamp = aifTimestamp(map.updatedAt ?? map.createdAt);
  const byId = new Map(map.nodes.map((n) => [n.id, n]));
  const edges = map.edges.filter((e) => byId.has(e.from) && byId.has(e.to) && e.from !== e.to);
  const nodes: AifNode[] = [];
  const aifEdges: AifEdge[] = [];
  const aifId = new Map<string, string>(); // map node id → I- or S-node id
  let next = 0;
  const add = (type: AifNode['type'], text: string, extra: Partial<AifNode> = {}) => {
    const nodeID = String(++next);
    nodes.push({ nodeID, text, type, timestamp, ...extra });
    return nodeID;
  };
  const link = (fromID: string, toID: string) =>
    aifEdges.push({ edgeID: aifEdges.length + 1, fromID, toID });

  for (const n of map.nodes) {
    if (n.kind !== 'inference') aifId.set(n.id, add('I', n.text, { argmapKind: n.kind }));
  }
  // A junction is one S-node: a CA when what it does is attack, else an RA.
  const firstOut = new Map<string, ArgEdge>();
  for (const e of edges)
    if (e.relation !== 'elaborates' && !firstOut.has(e.from)) firstOut.set(e.from, e);
  for (const n of map.nodes) {
    if (n.kind !== 'inference') continue;
    const out = firstOut.get(n.id);
    const type = out?.relation === 'attacks' ? 'CA' : 'RA';
    const fields = aifSchemeFields(n.scheme);
    aifId.set(n.id, add(type, fields.scheme ?? SCHEME[type], fields));
  }
  /** Positions of S-nodes created for plain edges: between their two ends. */
  const between = new Map<string, [string, string]>();
  for (const e of edges) {
    const from = aifId.get(e.from)!;
    const to = aifId.get(e.to)!;
    const fromJunction = byId.get(e.from)!.kind === 'inference';
    const toJunction = byId.get(e.to)!.kind === 'inference';
    if (toJunction && e.relation === 'supports') {
      link(from, to); // a premise of the junction
    } else if (fromJunction && e.relation !== 'elaborates') {
      link(from, to); // the junction's conclusion or target
    } else {
      const type = e.relation === 'supports' ? 'RA' : e.relation === 'attacks' ? 'CA' : 'MA';
      const fields = aifSchemeFields(e.scheme);
      const s = add(type, fields.scheme ?? SCHEME[type], fields);
      between.set(s, [e.from, e.to]);
      link(from, s);
      link(s, to);
    }
  }

  const positions = nodePositions(map);
  const ovaNodes: OvaDocument['OVA']['nodes'] = [];
  for (const n of map.nodes) {
    const p = positions[n.id]!;
    ovaNodes.push({
      nodeID: aifId.get(n.id)!,
      visible: true,
      x: Math.round(p.x),
      y: Math.round(p.y),
      timestamp: '',
    });
  }
  for (const [s, [a, b]] of between) {
    const pa = positions[a]!;
    const pb = positions[b]!;
    ovaNodes.push({
      nodeID: s,
      visible: true,
      x: Math.round((pa.x + pb.x) / 2),
      y: Math.round((pa.y + pb.y) / 2),
      timestamp: '',
    });
  }
  ovaNodes.sort((x, y) => Number(x.nodeID) - Number(y.nodeID));

  return {
    AIF: {
      nodes,
      edges: aifEdges,
      locutions: [],
      participants: [],
      schemefulfillments: nodes.flatMap((n) =>
        n.schemeID ? [{ nodeID: n.nodeID, schemeID: n.schemeID }] : [],
      ),
      descriptorfulfillments: [],
      cqdescriptorfulfillments: [],
    },
    text: analysedText(map, aifId),
    OVA: {
      firstname: '',
      surname: '',
      url: '',
      nodes: ovaNodes,
      edges: aifEdges.map((e) => ({ fromID: e.fromID, toID: e.toID, visible: true })),
    },
  };
}

/** Stored positions, with the rest laid out below them. */
function nodePositions(map: ArgMap): Record<string, Position> {
  const sizes: Record<string, { width: number; height: number }> = {};
  for (const n of map.nodes)
    sizes[n.id] = n.kind === 'inference' ? { width: 36, height: 36 } : { width: 240, height: 80 };
  const missing = map.nodes.filter((n) => !n.position);
  const laid = layeredPositions({ nodes: missing, edges: map.edges }, { sizes });
  const placed = map.nodes.filter((n) => n.position);
  const below = placed.length
    ? placed.reduce((max, n) => Math.max(max, n.position!.y), -Infinity) + 150
    : 0;
  const out: Record<string, Position> = {};
  for (const n of map.nodes)
    out[n.id] = n.position ?? { x: laid[n.id]!.x, y: laid[n.id]!.y + below };
  return out;
}

/**
 * The sources' texts, HTML-escaped, with a span around each node's first quoted range; a range
 * inside another nests in its span, and one that would cross a span gets none.
 */
function analysedText(map: ArgMap, aifId: Map<string, string>): string {
  const parts: string[] = [];
  for (const source of map.sources) {
    const sentences = new Map(source.sentences.map((s) => [s.id, s]));
    const ranges: { start: number; end: number; node: ArgNode }[] = [];
    for (const node of map.nodes) {
      const ref = node.refs.find((r) => sentences.has(r.sentence));
      if (!ref || node.kind === 'inference') continue;
      const s = sentences.get(ref.sentence)!;
      ranges.push({ start: ref.start ?? s.start, end: ref.end ?? s.end, node });
    }
    ranges.sort((a, b) => a.start - b.start || b.end - a.end);
    let html = '';
    let at = 0;
    const open: number[] = []; // ends of the spans open around `at`
    const closeUntil = (pos: number) => {
      while (open.length && open[open.length - 1]! <= pos) {
        const end = open.pop()!;
        html += `${escapeHtml(source.text.slice(at, end))}</span>`;
        at = end;
      }
    };
    for (const r of ranges) {
      closeUntil(r.start);
      if (open.length && r.end > open[open.length - 1]!) continue; // would cross a span
      html += escapeHtml(source.text.slice(at, r.start));
      html += `<span id="node${aifId.get(r.node.id)}" class="highlighted">`;
      at = r.start;
      open.push(r.end);
    }
    closeUntil(Infinity);
    parts.push(html + escapeHtml(source.text.slice(at)));
  }
  return parts.join('\n\n');
}
