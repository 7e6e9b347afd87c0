/** Finding nodes and sentences by text, case- and width-insensitively. */
import type { ArgMap, NodeKind } from './schema';

export interface SearchHit {
  type: 'node' | 'sentence';
  id: string;
  /** The text that matched, for the results list. */
  text: string;
  kind?: NodeKind;
}

const fold = (s: string) => s.normalize('NFKC').toLowerCase();

/** Nodes whose text, English rendering, note or tags contain `query`, then matching sentences. */
export function searchMap(map: ArgMap, query: string, limit = 50): SearchHit[] {
  const q = fold(query.trim());
  if (!q) return [];
  const hits: SearchHit[] = [];
  for (const node of map.nodes) {
    const haystack = [
      node.text,
      node.translations?.en ?? '',
      node.note ?? '',
      ...(node.tags ?? []),
    ].join('\n');
    if (fold(haystack).includes(q))
      hits.push({ type: 'node', id: node.id, text: node.text, kind: node.kind });
    if (hits.length >= limit) return hits;
  }
  for (const source of map.sources) {
    for (const sentence of source.sentences) {
      const text = source.text.slice(sentence.start, sentence.end);
      if (fold(text).includes(q)) hits.push({ type: 'sentence', id: sentence.id, text });
      if (hits.length >= limit) return hits;
    }
  }
  return hits;
}

/** Does the node pass the kind and tag filters? (An empty kind list lets every kind through.) */
export function passesFilter(
  node: { kind: NodeKind; tags?: readonly string[] },
  kinds: readonly NodeKind[],
  tag: string | null,
): boolean {
  return (
    (kinds.length === 0 || kinds.includes(node.kind)) && (!tag || (node.tags ?? []).includes(tag))
  );
}
