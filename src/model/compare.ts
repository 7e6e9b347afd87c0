/**
 * A student's map checked against a reference map of the same source text (#13), by what they
 * cite. Pure and deterministic: the same two maps always give the same result.
 *
 * **Points** are the statement nodes (every kind but `inference` junctions). Each node's refs are
 * resolved to character ranges of its source (a whole-sentence ref covers its sentence; a span
 * its `start`–`end`). A reference point and a student point are a candidate pair when
 *
 * - their ranges overlap, by at least half of the smaller one (containment ≥ 0.5) or with texts
 *   somewhat alike (character-bigram Dice ≥ 0.3, which works for Chinese and English); or, for
 *   the points left unmatched by those,
 * - their texts are alike (Dice ≥ 0.6), wherever they cite.
 *
 * Each of the two rounds ranks its pairs by `jaccard(ranges) + 0.5 × dice(texts)` (ties:
 * reference order, then student order) and takes them greedily, best first, each point at most
 * once: a one-to-one assignment (each round keeps the 8 best candidates of each reference
 * point, and at most 2,000,000 pairs are compared in all, with a warning past that). A
 * matched pair whose ranges are not identical is reported as a shifted span. Ranges are compared
 * only in sources whose texts are identical in both maps (paired by text, else by position); where
 * a text differs, a warning says so and those points are matched by their text alone.
 *
 * **Relations** are read between points: an edge between two statements as it is; through an
 * inference junction, each of its premises bears the junction's relation on its conclusion; an
 * undercut (an attack on a junction) attacks the junction's conclusion. A reference relation whose
 * two ends are both matched is *agree* (same direction, same relation), *reversed* (supports ↔
 * attacks), *differs* (another relation, or the opposite direction) or *missing*. A reference
 * relation with an end that was not found is not counted as missing: it is listed under
 * `withMissingPoint` (the missing point already counts). Likewise a student relation between two
 * matched points that the reference lacks is *extra*; one touching an extra point is listed under
 * `withExtraPoint`.
 */
import { sentenceIndex } from './operations';
import type { ArgMap, ArgNode, NodeKind, Relation } from './schema';
import { bigrams, dice } from './textSimilarity';

/** A point of either map, with what a feedback sheet shows of it. */
export interface PointInfo {
  id: string;
  kind: NodeKind;
  text: string;
  /** The English rendering, when the node has one. */
  en?: string;
  /** The text it cites (its spans or sentences, joined by " … "); empty when it cites nothing. */
  quote: string;
}

export interface PointMatch {
  reference: PointInfo;
  student: PointInfo;
  /** Characters cited by both ÷ characters cited by either (0 when either cites nothing comparable). */
  spanOverlap: number;
  /** Character-bigram Dice coefficient of the two texts. */
  textSimilarity: number;
  /** Both cite the source, but not exactly the same characters. */
  shifted: boolean;
  /** The two points are of different kinds (e.g. evidence vs claim). */
  kindDiffers: boolean;
}

export interface RelationInfo {
  from: string;
  to: string;
  fromText: string;
  toText: string;
  relation: Relation;
  /** The inference junction it goes through, if any. */
  via?: string;
  /** An attack on the inference (a junction), read as an attack on its conclusion. */
  undercut?: true;
}

export interface RelationPair {
  reference: RelationInfo;
  student: RelationInfo;
  /** For `differs`: what differs. */
  difference?: 'relation' | 'direction';
}

/** A ratio, or null when there is nothing to divide by. */
export type Ratio = number | null;

export interface MapComparison {
  reference: { id: string; title: string; points: number; relations: number };
  student: { id: string; title: string; points: number; relations: number };
  points: {
    found: PointMatch[];
    missing: PointInfo[];
    extra: PointInfo[];
    /** Found points whose cited spans differ (a subset of `found`). */
    shifted: PointMatch[];
    /** Found points of another kind (a subset of `found`). */
    kindDiffers: PointMatch[];
  };
  relations: {
    agree: RelationPair[];
    reversed: RelationPair[];
    differs: RelationPair[];
    missing: RelationInfo[];
    extra: RelationInfo[];
    withMissingPoint: RelationInfo[];
    withExtraPoint: RelationInfo[];
  };
  scores: {
    /** found ÷ reference points; found ÷ student points. */
    points: { recall: Ratio; precision: Ratio };
    /** agree ÷ (agree + reversed + differs + missing); agree ÷ (agree + reversed + differs + extra). */
    relations: { recall: Ratio; precision: Ratio };
    /** Found points citing exactly the reference's span ÷ found points. */
    spans: { exact: Ratio };
  };
  warnings: string[];
}

type Range = { source: number; start: number; end: number };

/** Sorted, merged ranges per source. */
function merge(ranges: Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a.source - b.source || a.start - b.start);
  const out: Range[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && last.source === r.source && r.start <= last.end)
      last.end = Math.max(last.end, r.end);
    else if (r.end > r.start) out.push({ ...r });
  }
  return out;
}

const size = (ranges: Range[]) => ranges.reduce((n, r) => n + r.end - r.start, 0);

function intersection(a: Range[], b: Range[]): number {
  let n = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x.source !== y.source) {
      if (x.source < y.source) i++;
      else j++;
      continue;
    }
    n += Math.max(0, Math.min(x.end, y.end) - Math.max(x.start, y.start));
    if (x.end < y.end) i++;
    else j++;
  }
  return n;
}

interface Point {
  node: ArgNode;
  index: number;
  info: PointInfo;
  ranges: Range[];
  grams: Map<string, number>;
}

/** The points of a map, with their ranges (source indexes translated by `sourceOf`). */
function pointsOf(map: ArgMap, sourceOf: (index: number) => number | undefined): Point[] {
  const sentences = sentenceIndex(map);
  return map.nodes
    .filter((n) => n.kind !== 'inference')
    .map((node, index) => {
      const ranges: Range[] = [];
      const quotes: string[] = [];
      for (const ref of node.refs) {
        const s = sentences.get(ref.sentence);
        if (!s) continue;
        const start = ref.start ?? s.start;
        const end = ref.end ?? s.end;
        quotes.push(map.sources[s.sourceIndex]!.text.slice(start, end));
        const source = sourceOf(s.sourceIndex);
        if (source !== undefined) ranges.push({ source, start, end });
      }
      const en = node.translations?.en;
      return {
        node,
        index,
        ranges: merge(ranges),
        grams: bigrams(node.text),
        info: {
          id: node.id,
          kind: node.kind,
          text: node.text,
          ...(en !== undefined ? { en } : {}),
          quote: quotes.join(' … '),
        },
      };
    });
}

/** The relations between the points of a map (see the module comment). */
function relationsOf(map: ArgMap): RelationInfo[] {
  const byId = new Map(map.nodes.map((n) => [n.id, n]));
  const isJunction = (id: string) => byId.get(id)?.kind === 'inference';
  const conclusion = (junction: string): string | undefined => {
    let at = junction;
    for (let depth = 0; depth < 20 && isJunction(at); depth++) {
      const out = map.edges.find((e) => e.from === at && e.relation !== 'elaborates');
      if (!out) return undefined;
      at = out.to;
    }
    return isJunction(at) ? undefined : at;
  };
  const premises = (junction: string) =>
    map.edges
      .filter((e) => e.to === junction && e.relation === 'supports' && !isJunction(e.from))
      .map((e) => e.from);
  const out: RelationInfo[] = [];
  const seen = new Set<string>();
  const add = (from: string, to: string | undefined, relation: Relation, extra = {}) => {
    if (to === undefined || from === to) return;
    const key = `${from}\u0000${to}\u0000${relation}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({
      from,
      to,
      fromText: byId.get(from)!.text,
      toText: byId.get(to)!.text,
      relation,
      ...extra,
    });
  };
  for (const e of map.edges) {
    if (isJunction(e.to) && e.relation === 'supports') continue; // a premise of the junction
    const undercut = isJunction(e.to) ? { undercut: true as const } : {};
    const to = isJunction(e.to) ? conclusion(e.to) : e.to;
    if (isJunction(e.from)) {
      for (const p of premises(e.from)) add(p, to, e.relation, { via: e.from, ...undercut });
    } else {
      add(e.from, to, e.relation, undercut);
    }
  }
  return out;
}

const ratio = (a: number, b: number): Ratio => (b === 0 ? null : a / b);

/** Width of a cell of the grid that finds overlapping citations, in UTF-16 code units. */
const CELL = 64;
/** Most point pairs compared before matching stops with a warning (bounded work on hostile input). */
const PAIR_BUDGET = 2_000_000;
/** Candidates kept per reference point in each round. */
const CANDIDATES_PER_POINT = 8;

/** Compares a student's map with the reference map of the same text. */
export function compareMaps(reference: ArgMap, student: ArgMap): MapComparison {
  const warnings: string[] = [];
  // Student source index → reference source index, only where the two texts are identical.
  const pairOf = new Map<number, number>();
  const used = new Set<number>();
  student.sources.forEach((s, i) => {
    const same = reference.sources.findIndex((r, j) => !used.has(j) && r.text === s.text);
    if (same >= 0) {
      pairOf.set(i, same);
      used.add(same);
    } else {
      warnings.push(
        `The student's source ${i + 1} ("${s.title ?? s.id}") is not the same text as any reference source: its points are matched by their text only.`,
      );
    }
  });
  const refPoints = pointsOf(reference, (i) => i);
  const stuPoints = pointsOf(student, (i) => pairOf.get(i));

  type Candidate = { r: Point; s: Point; jaccard: number; dice: number; score: number };
  const matchOf = new Map<string, string>(); // reference id → student id
  const matchedStudent = new Set<string>();
  const found: PointMatch[] = [];
  let budget = PAIR_BUDGET;
  const spend = () => {
    if (budget-- > 0) return true;
    if (budget === -1)
      warnings.push(
        `Matching stopped after ${PAIR_BUDGET.toLocaleString('en-US')} comparisons (the maps cite the same passages too often): some points may be reported missing or extra.`,
      );
    return false;
  };
  const pair = (r: Point, s: Point, both: number, d: number): Candidate => {
    const union = size(r.ranges) + size(s.ranges) - both;
    const jaccard = both ? both / union : 0;
    return { r, s, jaccard, dice: d, score: jaccard + 0.5 * d };
  };
  const order = (a: Candidate, b: Candidate) =>
    b.score - a.score || a.r.index - b.r.index || a.s.index - b.s.index;
  /** A reference point's best few candidates: enough for the greedy pass, bounded in number. */
  const best = (mine: Candidate[]) => mine.sort(order).slice(0, CANDIDATES_PER_POINT);
  /** Greedy one-to-one assignment, best score first; ties by reference, then student order. */
  const take = (candidates: Candidate[]) => {
    candidates.sort(order);
    for (const c of candidates) {
      if (matchOf.has(c.r.node.id) || matchedStudent.has(c.s.node.id)) continue;
      matchOf.set(c.r.node.id, c.s.node.id);
      matchedStudent.add(c.s.node.id);
      const sameRanges =
        c.r.ranges.length === c.s.ranges.length &&
        c.r.ranges.every((x, i) => {
          const y = c.s.ranges[i]!;
          return x.source === y.source && x.start === y.start && x.end === y.end;
        });
      found.push({
        reference: c.r.info,
        student: c.s.info,
        spanOverlap: c.jaccard,
        textSimilarity: c.dice,
        shifted: c.r.ranges.length > 0 && c.s.ranges.length > 0 && !sameRanges,
        kindDiffers: c.r.node.kind !== c.s.node.kind,
      });
    }
  };

  // First the pairs that cite overlapping passages, found through a grid of the source texts.
  const cells = (p: Point) => {
    const keys = new Set<string>();
    for (const r of p.ranges)
      for (let c = Math.floor(r.start / CELL); c <= Math.floor((r.end - 1) / CELL); c++)
        keys.add(`${r.source}:${c}`);
    return keys;
  };
  const grid = new Map<string, Point[]>();
  for (const s of stuPoints)
    for (const key of cells(s)) grid.set(key, [...(grid.get(key) ?? []), s]);
  const overlapping: Candidate[] = [];
  for (const r of refPoints) {
    const near = new Set<Point>();
    for (const key of cells(r)) for (const s of grid.get(key) ?? []) near.add(s);
    const rSize = size(r.ranges);
    const mine: Candidate[] = [];
    for (const s of near) {
      if (!spend()) break;
      const both = intersection(r.ranges, s.ranges);
      if (!both) continue;
      const containment = both / Math.min(rSize, size(s.ranges));
      const d = dice(r.grams, s.grams);
      if (containment >= 0.5 || d >= 0.3) mine.push(pair(r, s, both, d));
    }
    overlapping.push(...best(mine));
  }
  take(overlapping);

  // Then what is left, by wording alone, through an index of the texts' bigrams.
  const byGram = new Map<string, Point[]>();
  for (const s of stuPoints) {
    if (matchedStudent.has(s.node.id)) continue;
    for (const g of s.grams.keys()) byGram.set(g, [...(byGram.get(g) ?? []), s]);
  }
  const alike: Candidate[] = [];
  for (const r of refPoints) {
    if (matchOf.has(r.node.id)) continue;
    const near = new Set<Point>();
    for (const g of r.grams.keys()) for (const s of byGram.get(g) ?? []) near.add(s);
    const mine: Candidate[] = [];
    for (const s of near) {
      if (!spend()) break;
      const d = dice(r.grams, s.grams);
      if (d >= 0.6) mine.push(pair(r, s, intersection(r.ranges, s.ranges), d));
    }
    alike.push(...best(mine));
  }
  take(alike);
  const refOrder = new Map(refPoints.map((p) => [p.node.id, p.index]));
  found.sort((a, b) => refOrder.get(a.reference.id)! - refOrder.get(b.reference.id)!);
  const missing = refPoints.filter((p) => !matchOf.has(p.node.id)).map((p) => p.info);
  const extra = stuPoints.filter((p) => !matchedStudent.has(p.node.id)).map((p) => p.info);

  const refRelations = relationsOf(reference);
  const stuRelations = relationsOf(student);
  const byPair = new Map<string, RelationInfo[]>();
  for (const r of stuRelations) {
    const key = `${r.from}\u0000${r.to}`;
    byPair.set(key, [...(byPair.get(key) ?? []), r]);
  }
  const consumed = new Set<RelationInfo>();
  const relations: MapComparison['relations'] = {
    agree: [],
    reversed: [],
    differs: [],
    missing: [],
    extra: [],
    withMissingPoint: [],
    withExtraPoint: [],
  };
  const free = (list: RelationInfo[] | undefined) => (list ?? []).filter((x) => !consumed.has(x));
  for (const r of refRelations) {
    const from = matchOf.get(r.from);
    const to = matchOf.get(r.to);
    if (from === undefined || to === undefined) {
      relations.withMissingPoint.push(r);
      continue;
    }
    const same = free(byPair.get(`${from}\u0000${to}`));
    const opposite = free(byPair.get(`${to}\u0000${from}`));
    const agree = same.find((s) => s.relation === r.relation);
    const reversed = same.find(
      (s) =>
        (s.relation === 'supports' && r.relation === 'attacks') ||
        (s.relation === 'attacks' && r.relation === 'supports'),
    );
    if (agree) {
      consumed.add(agree);
      relations.agree.push({ reference: r, student: agree });
    } else if (reversed) {
      consumed.add(reversed);
      relations.reversed.push({ reference: r, student: reversed });
    } else if (same[0]) {
      consumed.add(same[0]);
      relations.differs.push({ reference: r, student: same[0], difference: 'relation' });
    } else if (opposite[0]) {
      consumed.add(opposite[0]);
      relations.differs.push({ reference: r, student: opposite[0], difference: 'direction' });
    } else {
      relations.missing.push(r);
    }
  }
  for (const s of stuRelations) {
    if (consumed.has(s)) continue;
    if (matchedStudent.has(s.from) && matchedStudent.has(s.to)) relations.extra.push(s);
    else relations.withExtraPoint.push(s);
  }

  const judgedRef =
    relations.agree.length +
    relations.reversed.length +
    relations.differs.length +
    relations.missing.length;
  const judgedStu =
    relations.agree.length +
    relations.reversed.length +
    relations.differs.length +
    relations.extra.length;
  const shifted = found.filter((m) => m.shifted);
  return {
    reference: {
      id: reference.id,
      title: reference.title,
      points: refPoints.length,
      relations: refRelations.length,
    },
    student: {
      id: student.id,
      title: student.title,
      points: stuPoints.length,
      relations: stuRelations.length,
    },
    points: { found, missing, extra, shifted, kindDiffers: found.filter((m) => m.kindDiffers) },
    relations,
    scores: {
      points: {
        recall: ratio(found.length, refPoints.length),
        precision: ratio(found.length, stuPoints.length),
      },
      relations: {
        recall: ratio(relations.agree.length, judgedRef),
        precision: ratio(relations.agree.length, judgedStu),
      },
      spans: { exact: ratio(found.length - shifted.length, found.length) },
    },
    warnings,
  };
}
