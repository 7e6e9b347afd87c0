/**
 * How the source pane marks what the nodes cite: a sentence is cut where a span ref starts or
 * ends, and each piece lists the nodes citing it (a whole-sentence ref covers every piece), so
 * two nodes citing two halves of a sentence mark two halves, and overlapping spans show both.
 * Offsets are UTF-16 code units into the source's text, end exclusive.
 */
import type { ArgMap } from '../model/schema';

/** One node's ref into a sentence: a span, or (no start) the whole sentence. */
export interface Citation {
  nodeId: string;
  start?: number;
  end?: number;
}

/** A piece of a sentence and the nodes citing all of it, in map order. */
export interface Piece {
  start: number;
  end: number;
  nodeIds: string[];
}

/** sentence id → the citations of it, in map order. */
export function citationsBySentence(map: Pick<ArgMap, 'nodes'>): Map<string, Citation[]> {
  const out = new Map<string, Citation[]>();
  for (const node of map.nodes)
    for (const ref of node.refs) {
      const list = out.get(ref.sentence) ?? [];
      if (!out.has(ref.sentence)) out.set(ref.sentence, list);
      const citation: Citation =
        ref.start !== undefined && ref.end !== undefined
          ? { nodeId: node.id, start: ref.start, end: ref.end }
          : { nodeId: node.id };
      if (
        !list.some(
          (c) => c.nodeId === node.id && c.start === citation.start && c.end === citation.end,
        )
      )
        list.push(citation);
    }
  return out;
}

/** The sentence [start, end) cut into pieces at every cited span's ends. */
export function pieces(start: number, end: number, citations: readonly Citation[]): Piece[] {
  const cuts = new Set([start, end]);
  for (const c of citations)
    if (c.start !== undefined && c.end !== undefined) {
      cuts.add(Math.max(start, Math.min(end, c.start)));
      cuts.add(Math.max(start, Math.min(end, c.end)));
    }
  const sorted = [...cuts].sort((a, b) => a - b);
  const out: Piece[] = [];
  for (let i = 0; i + 1 < sorted.length; i++) {
    const [a, b] = [sorted[i]!, sorted[i + 1]!];
    const nodeIds: string[] = [];
    for (const c of citations) {
      const covers = c.start === undefined || (c.start! <= a && b <= c.end!);
      if (covers && !nodeIds.includes(c.nodeId)) nodeIds.push(c.nodeId);
    }
    out.push({ start: a, end: b, nodeIds });
  }
  return out;
}
