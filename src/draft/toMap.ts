/**
 * A draft (issue 15) as part of a map: one node per unit citing its span — whole sentences where
 * the unit covers them, else the span inside each sentence it touches — one `inference` junction
 * per junction, one edge per link. The central unit is the map's `conclusion`.
 */
import type { ArgEdge, ArgMap, ArgNode, Ref, Source } from '../model/schema';
import { nextId } from '../model/ids';
import { MessageError, say } from '../model/messages';
import { refsForRange } from '../io/refsForRange';
import type { MapDraft } from './types';

/**
 * The refs of a unit of `source`: `{ sentence }` for each sentence it covers exactly, else
 * `{ sentence, start, end, quote }` for the part of each sentence it touches.
 */
export function unitRefs(source: Source, unit: { start: number; end: number }): Ref[] {
  return refsForRange(source, unit);
}

/**
 * `map` with the draft's units, junctions and links added as nodes and edges (fresh ids after the
 * map's own). The draft's source must be one of the map's; a unit that touches none of its
 * sentences is refused (it could cite nothing).
 */
export function draftAsMap(map: ArgMap, draft: MapDraft): ArgMap {
  const source = map.sources.find((s) => s.id === draft.sourceId);
  if (!source) throw new MessageError(say('draftNoSource', draft.sourceId));
  const nodeIds = map.nodes.map((n) => n.id);
  const edgeIds = map.edges.map((e) => e.id);
  const idOf = new Map<string, string>();
  const fresh = (taken: string[], prefix: string) => {
    const id = nextId(prefix, taken);
    taken.push(id);
    return id;
  };
  const nodes: ArgNode[] = [];
  for (const unit of draft.units) {
    const refs = unitRefs(source, unit);
    if (!refs.length) throw new MessageError(say('draftUnitUncited', unit.id, unit.text));
    const id = fresh(nodeIds, 'n');
    idOf.set(unit.id, id);
    nodes.push({
      id,
      kind: unit.id === draft.central ? 'conclusion' : unit.kind,
      text: unit.text,
      refs,
    });
  }
  for (const junction of draft.junctions) {
    const id = fresh(nodeIds, 'n');
    idOf.set(junction.id, id);
    nodes.push({ id, kind: 'inference', text: '', refs: [] });
  }
  const edges: ArgEdge[] = draft.links.map((link) => {
    const from = idOf.get(link.from);
    const to = idOf.get(link.to);
    if (from === undefined || to === undefined)
      throw new MessageError(say('draftLinkDangling', link.id));
    return { id: fresh(edgeIds, 'e'), from, to, relation: link.relation };
  });
  return { ...map, nodes: [...map.nodes, ...nodes], edges: [...map.edges, ...edges] };
}
