/**
 * The article measure: a drafter drafts the shipped map's source text (no segments), and we count
 * how many of the map's cited sentences it proposes as units and how many of the map's
 * support/attack links between the nodes citing them it finds.
 *
 * - **Cited sentence**: a sentence of the source that some node's `refs` names.
 * - **Proposed**: some unit overlaps the sentence by more than half of the sentence's length
 *   *and* by more than half of the unit's own length (mutual majority, in UTF-16 code units), so a
 *   sentence matches at most one unit and a unit at most one sentence; a unit covering a whole
 *   paragraph does not count for its sentences, nor does a clause that is a small part of one.
 * - **The map's links**: every `supports`/`attacks` edge between two nodes that cite sentences,
 *   read as the editor's comparison reads it (src/model/compare.ts): through an inference junction
 *   each premise bears the junction's relation on its conclusion, an attack on a junction attacks
 *   its conclusion. One map link is one link, whatever the number of sentences its two nodes cite
 *   (duplicates merged; a link between two nodes citing the very same sentences dropped).
 * - **Found**: the draft links a unit proposed for one of the first node's sentences to a unit
 *   proposed for one of the other node's, with the same relation, in the same direction. A node
 *   often joins several sentences (a claim and its elaboration); a draft proposes one unit per
 *   sentence, and each unit has one outgoing link, so it cannot link every sentence of a node to
 *   every sentence of another — the link between the two nodes is found when one such pair is
 *   linked. (Until this change the links were lifted to every pair of sentences: 232 pairs for the
 *   article's 142 links, and a link between a one-sentence node and a six-sentence one counted six
 *   times, five of them out of any tree's reach.) A draft link through a junction counts (its
 *   premises bear its relation on its conclusion, as above); how many of the found came through
 *   one is reported. A link only in the opposite direction or with the other relation is not found
 *   (counted apart as `wrongDirectionOrRelation`). `linksWithBothProposed`: links with a proposed
 *   sentence in each node.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { MapDraft } from '../../../src/draft/types';
import type { Drafter } from './evaluate';

export const ARTICLE_MAP = fileURLToPath(
  new URL('../../../maps/us-japan-nuclear-sharing.argmap.json', import.meta.url),
);

/** What the measure reads of a map file. */
export interface MapFile {
  sources: {
    id: string;
    language?: string;
    text: string;
    sentences: { id: string; start: number; end: number }[];
  }[];
  nodes: { id: string; kind: string; refs?: { sentence: string }[] }[];
  edges: { from: string; to: string; relation: string }[];
}

type Rel = 'supports' | 'attacks';
/** A link of the map between two nodes, each given by the sentences it cites. */
export interface MapLink {
  readonly from: readonly string[];
  readonly to: readonly string[];
  readonly relation: Rel;
}

/** Relations between items, read through junctions as src/model/compare.ts does. */
function throughJunctions(
  edges: readonly { from: string; to: string; relation: string }[],
  isJunction: (id: string) => boolean,
): { from: string; to: string; relation: Rel; via?: string }[] {
  const rel = edges.filter(
    (e): e is { from: string; to: string; relation: Rel } =>
      e.relation === 'supports' || e.relation === 'attacks',
  );
  const conclusion = (j: string): string | undefined => rel.find((e) => e.from === j)?.to;
  const premises = (j: string): string[] =>
    rel.filter((e) => e.to === j && e.relation === 'supports').map((e) => e.from);
  const out: { from: string; to: string; relation: Rel; via?: string }[] = [];
  for (const e of rel) {
    if (isJunction(e.to) && e.relation === 'supports') continue; // a premise of the junction
    const to = isJunction(e.to) ? conclusion(e.to) : e.to;
    if (to === undefined || isJunction(to)) continue;
    if (isJunction(e.from))
      for (const p of premises(e.from))
        out.push({ from: p, to, relation: e.relation, via: e.from });
    else
      out.push({
        from: e.from,
        to,
        relation: e.relation,
        ...(isJunction(e.to) ? { via: e.to } : {}),
      });
  }
  return out;
}

/**
 * The map's cited sentences (by id, with spans) and its support/attack links between nodes that
 * cite sentences, each node given by its cited sentences (in the order it cites them); a link
 * whose two nodes cite the very same sentences is dropped, duplicates are merged.
 */
export function mapLinks(map: MapFile): {
  cited: Map<string, { source: string; start: number; end: number }>;
  links: MapLink[];
} {
  const spans = new Map<string, { source: string; start: number; end: number }>();
  for (const s of map.sources)
    for (const x of s.sentences) spans.set(x.id, { source: s.id, start: x.start, end: x.end });
  const sentencesOf = new Map(
    map.nodes.map((n) => [n.id, [...new Set((n.refs ?? []).map((r) => r.sentence))]]),
  );
  const cited = new Map<string, { source: string; start: number; end: number }>();
  for (const ids of sentencesOf.values()) for (const id of ids) cited.set(id, spans.get(id)!);
  const junctions = new Set(map.nodes.filter((n) => n.kind === 'inference').map((n) => n.id));
  const seen = new Set<string>();
  const links: MapLink[] = [];
  for (const r of throughJunctions(map.edges, (id) => junctions.has(id))) {
    const from = sentencesOf.get(r.from) ?? [];
    const to = sentencesOf.get(r.to) ?? [];
    if (!from.some((a) => to.some((b) => a !== b))) continue;
    const key = `${from.join(',')}>${to.join(',')}:${r.relation}`;
    if (seen.has(key)) continue;
    seen.add(key);
    links.push({ from, to, relation: r.relation });
  }
  return { cited, links };
}

/** The unit of `draft` that matches the span by mutual majority overlap, if any. */
export function matchingUnit(draft: MapDraft, start: number, end: number): string | undefined {
  const len = end - start;
  for (const u of draft.units) {
    const overlap = Math.min(end, u.end) - Math.max(start, u.start);
    if (overlap * 2 > len && overlap * 2 > u.end - u.start) return u.id;
  }
  return undefined;
}

export interface ArticleResult {
  readonly cited: number;
  readonly proposed: number;
  readonly links: number;
  /** Links with a proposed sentence in each of their two nodes. */
  readonly linksWithBothProposed: number;
  readonly found: number;
  /**
   * For comparison, the links lifted to every pair of their nodes' sentences (the measure before
   * links were counted per pair of nodes): how many pairs, how many the draft links.
   */
  readonly sentencePairs: number;
  readonly sentencePairsFound: number;
  readonly foundThroughJunction: number;
  readonly wrongDirectionOrRelation: number;
  readonly units: number;
  /** Median drafting time of the article, milliseconds. */
  readonly medianMs: number;
  readonly runs: number;
}

export const readArticleMap = (file: string = ARTICLE_MAP): MapFile =>
  JSON.parse(readFileSync(file, 'utf8')) as MapFile;

/** Scores `drafter` on `map`; the first source is drafted `runs` times for the median time. */
export function scoreArticle(
  drafter: Drafter,
  map: MapFile = readArticleMap(),
  runs = 5,
): ArticleResult {
  const { cited, links } = mapLinks(map);
  const drafts = new Map<string, MapDraft>();
  const times: number[] = [];
  for (const s of map.sources) {
    const input = { sourceId: s.id, text: s.text, ...(s.language ? { language: s.language } : {}) };
    for (let r = 0; r < (s === map.sources[0] ? runs : 1); r++) {
      const t0 = performance.now();
      const d = drafter.draft(input);
      const ms = performance.now() - t0;
      if (s === map.sources[0]) times.push(ms);
      drafts.set(s.id, d);
    }
  }
  const unitOf = new Map<string, string>();
  for (const [id, sp] of cited) {
    const u = matchingUnit(drafts.get(sp.source)!, sp.start, sp.end);
    if (u) unitOf.set(id, `${sp.source}/${u}`);
  }
  const draftLinks = new Map<string, { via?: string }>();
  for (const [sid, d] of drafts) {
    const junctions = new Set(d.junctions.map((j) => j.id));
    for (const r of throughJunctions(d.links, (id) => junctions.has(id))) {
      draftLinks.set(`${sid}/${r.from}>${sid}/${r.to}:${r.relation}`, r.via ? { via: r.via } : {});
    }
  }
  const pairKeys = new Set<string>();
  let pairsFound = 0;
  for (const l of links)
    for (const x of l.from)
      for (const y of l.to) {
        const key = `${x}>${y}:${l.relation}`;
        if (x === y || pairKeys.has(key)) continue;
        pairKeys.add(key);
        const a = unitOf.get(x);
        const b = unitOf.get(y);
        if (a && b && draftLinks.has(`${a}>${b}:${l.relation}`)) pairsFound++;
      }
  let both = 0;
  let found = 0;
  let viaJunction = 0;
  let wrong = 0;
  const other = (r: Rel): Rel => (r === 'supports' ? 'attacks' : 'supports');
  for (const l of links) {
    // The pairs of proposed units, one citing a sentence of each node.
    const pairs: [string, string][] = [];
    for (const x of l.from)
      for (const y of l.to) {
        const a = unitOf.get(x);
        const b = unitOf.get(y);
        if (a && b && a !== b) pairs.push([a, b]);
      }
    if (!pairs.length) continue;
    both++;
    const hit = pairs.map(([a, b]) => draftLinks.get(`${a}>${b}:${l.relation}`)).find(Boolean);
    if (hit) {
      found++;
      if (hit.via) viaJunction++;
    } else if (
      pairs.some(
        ([a, b]) =>
          draftLinks.has(`${a}>${b}:${other(l.relation)}`) ||
          draftLinks.has(`${b}>${a}:supports`) ||
          draftLinks.has(`${b}>${a}:attacks`),
      )
    ) {
      wrong++;
    }
  }
  times.sort((x, y) => x - y);
  return {
    cited: cited.size,
    proposed: unitOf.size,
    links: links.length,
    linksWithBothProposed: both,
    found,
    sentencePairs: pairKeys.size,
    sentencePairsFound: pairsFound,
    foundThroughJunction: viaJunction,
    wrongDirectionOrRelation: wrong,
    units: [...drafts.values()].reduce((n, d) => n + d.units.length, 0),
    medianMs: times[Math.floor(times.length / 2)] ?? 0,
    runs: times.length,
  };
}
