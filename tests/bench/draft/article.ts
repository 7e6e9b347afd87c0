/**
 * The article measure: a drafter drafts the shipped map's source text (no segments), and we count
 * how many of the map's cited sentences it proposes as units and how many of the map's
 * support/attack links among those sentences it finds.
 *
 * - **Cited sentence**: a sentence of the source that some node's `refs` names.
 * - **Proposed**: some unit overlaps the sentence by more than half of the sentence's length
 *   *and* by more than half of the unit's own length (mutual majority, in UTF-16 code units), so a
 *   sentence matches at most one unit and a unit at most one sentence; a unit covering a whole
 *   paragraph does not count for its sentences, nor does a clause that is a small part of one.
 * - **The map's links among cited sentences**: every `supports`/`attacks` edge read as the editor's
 *   comparison reads it (src/model/compare.ts): through an inference junction each premise bears
 *   the junction's relation on its conclusion, an attack on a junction attacks its conclusion; then
 *   lifted to sentences (every cited sentence of the one node → every cited sentence of the other,
 *   pairs within one sentence dropped, duplicates merged).
 * - **Found**: both sentences are proposed and the draft links the one's unit to the other's with
 *   the same relation, in the same direction. A draft link through a junction counts (its premises
 *   bear its relation on its conclusion, as above); how many of the found came through one is
 *   reported. A link only in the opposite direction or with the other relation is not found
 *   (counted apart as `wrongDirectionOrRelation`).
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
export interface SentenceLink {
  readonly from: string;
  readonly to: string;
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

/** The map's cited sentences (by id, with spans) and its support/attack links among them. */
export function mapSentenceLinks(map: MapFile): {
  cited: Map<string, { source: string; start: number; end: number }>;
  links: SentenceLink[];
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
  const links: SentenceLink[] = [];
  for (const r of throughJunctions(map.edges, (id) => junctions.has(id))) {
    for (const a of sentencesOf.get(r.from) ?? []) {
      for (const b of sentencesOf.get(r.to) ?? []) {
        const key = `${a}>${b}:${r.relation}`;
        if (a === b || seen.has(key)) continue;
        seen.add(key);
        links.push({ from: a, to: b, relation: r.relation });
      }
    }
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
  /** Links whose two sentences are both proposed. */
  readonly linksWithBothProposed: number;
  readonly found: number;
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
  const { cited, links } = mapSentenceLinks(map);
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
  let both = 0;
  let found = 0;
  let viaJunction = 0;
  let wrong = 0;
  for (const l of links) {
    const a = unitOf.get(l.from);
    const b = unitOf.get(l.to);
    if (!a || !b) continue;
    both++;
    const hit = draftLinks.get(`${a}>${b}:${l.relation}`);
    const other: Rel = l.relation === 'supports' ? 'attacks' : 'supports';
    if (hit) {
      found++;
      if (hit.via) viaJunction++;
    } else if (
      draftLinks.has(`${a}>${b}:${other}`) ||
      draftLinks.has(`${b}>${a}:supports`) ||
      draftLinks.has(`${b}>${a}:attacks`)
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
    foundThroughJunction: viaJunction,
    wrongDirectionOrRelation: wrong,
    units: [...drafts.values()].reduce((n, d) => n + d.units.length, 0),
    medianMs: times[Math.floor(times.length / 2)] ?? 0,
    runs: times.length,
  };
}
