/** The largest file the limits allow, for the import-time tests. */
import { MAP_LIMITS, POSITION_CHARS } from '../../src/model/limits';
import { serializeMap } from '../../src/io/mapFile';
import type { ArgMap, Draft } from '../../src/model/schema';

/**
 * A native map at the limits: 20 sources of 100,000 sentences together, and as much text as a
 * map may hold (10 million characters), most of it in the sources. Its nodes are few, so that
 * what is measured is the import, not drawing thousands of nodes. They cite the first sentences
 * of each source, and the last node a span of the very last sentence
 * ({@link LAST_SPAN}).
 */
export function largestMapFile(): { map: ArgMap; text: string } {
  const perSource = MAP_LIMITS.sentences / MAP_LIMITS.sources;
  const nodeCount = 200;
  const sentence = (si: number, i: number) =>
    `Source ${si} sentence ${String(i).padStart(6, '0')} says something.`;
  const sources = Array.from({ length: MAP_LIMITS.sources }, (_, si) => {
    const parts: string[] = [];
    const sentences: { id: string; start: number; end: number }[] = [];
    let at = 0;
    for (let i = 0; i < perSource; i++) {
      const s = sentence(si, i);
      sentences.push({ id: `s${si}-${i}`, start: at, end: at + s.length });
      parts.push(s);
      at += s.length + 1;
    }
    return { id: `src${si}`, language: 'en', text: parts.join(' '), sentences };
  });
  const map: Draft<ArgMap> = {
    format: 'argmap',
    version: 2,
    id: 'largest',
    title: 'The largest file',
    sources,
    nodes: [],
    edges: [],
    tours: [],
  };
  for (let i = 0; i < nodeCount; i++) {
    map.nodes.push({
      id: `n${i}`,
      kind: i === 0 ? 'conclusion' : 'claim',
      text: `Node ${i} 核心论点 🙂`,
      refs:
        i === nodeCount - 1
          ? [lastSpan(sources)]
          : [{ sentence: `s${i % MAP_LIMITS.sources}-${Math.floor(i / MAP_LIMITS.sources)}` }],
    });
    if (i > 0)
      map.edges.push({ id: `e${i}`, from: `n${i}`, to: `n${(i - 1) >> 1}`, relation: 'supports' });
  }
  // The rest of the map's text budget (less a margin) goes to appendices after the sentences.
  // The limits count the positions the nodes do not have yet (opening the map lays it out).
  const budgeted = textOf(map) + nodeCount * POSITION_CHARS;
  const share = Math.floor((MAP_LIMITS.mapChars - budgeted - 1_000) / MAP_LIMITS.sources);
  for (const source of sources)
    source.text += ` ${'Filler words in a long appendix. '.repeat(Math.ceil(share / 33))}`.slice(
      0,
      share,
    );
  return { map, text: serializeMap(map) };
}

/** What the last node cites: a span of the very last sentence. */
export const LAST_SPAN = {
  sentence: `s${MAP_LIMITS.sources - 1}-${MAP_LIMITS.sentences / MAP_LIMITS.sources - 1}`,
  quote: 'says something',
} as const;

/**
 * A span of the map's very last sentence ("says something" of it): what the last node cites, so
 * that the end of the text is cited too (the source pane must bring it into view).
 */
function lastSpan(
  sources: readonly { text: string; sentences: { id: string; start: number }[] }[],
) {
  const source = sources[sources.length - 1]!;
  const sentence = source.sentences[source.sentences.length - 1]!;
  const { quote } = LAST_SPAN;
  const start = source.text.indexOf(quote, sentence.start);
  return { sentence: sentence.id, start, end: start + quote.length, quote };
}

/** Characters of text in a map as the limits count them: every string and field name. */
export function textOf(value: unknown): number {
  if (typeof value === 'string') return value.length;
  if (typeof value !== 'object' || value === null) return 0;
  if (Array.isArray(value)) return value.reduce((n: number, v) => n + textOf(v), 0);
  return Object.entries(value).reduce((n, [k, v]) => n + k.length + textOf(v), 0);
}
