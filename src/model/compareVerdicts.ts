/**
 * The teacher's word on a comparison (`compare.ts`): each mark on the student's map, found or
 * extra point, agreeing, reversed, differing or extra relation, is judged right or wrong by the
 * comparison, and the teacher can confirm or override it. The scores are then counted with the
 * teacher's verdicts. Pure; with no verdicts the scores are the comparison's own.
 *
 * - A found point (or one with a shifted span or another kind) is right unless the teacher says
 *   the match is wrong; an extra point is wrong unless the teacher accepts it.
 * - A relation that agrees is right; a reversed, differing or extra one is wrong unless accepted.
 * - Points recall: right found points ÷ reference points. Points precision: (right found + accepted
 *   extra) ÷ student points. Relations alike: right pairs ÷ (pairs + missing); (right pairs +
 *   accepted extra) ÷ (pairs + extra). Exact spans: right found points citing exactly the
 *   reference's span ÷ right found points.
 *
 * Relations touching an extra point are not judged (they are not counted by the comparison
 * either). Missing points and relations have no mark: they are not on the student's map.
 */
import type { MapComparison, PointInfo, PointMatch, Ratio, RelationInfo } from './compare';
import type { ArgMap } from './schema';

export type Verdict = 'right' | 'wrong';
/** The teacher's verdicts, by mark key ({@link pointKey}, {@link relationKey}). */
export type Verdicts = Readonly<Record<string, Verdict>>;

export type PointStatus = 'found' | 'extra';
export type RelationStatus = 'agree' | 'reversed' | 'differs' | 'extra' | 'withExtraPoint';

export interface Judged {
  key: string;
  /** The comparison's own verdict. */
  auto: Verdict;
  /** The verdict that counts: the teacher's, else the comparison's. */
  verdict: Verdict;
  /** The teacher gave a verdict other than the comparison's. */
  overridden: boolean;
  /** The teacher gave a verdict (the same as the comparison's, or not). */
  decided: boolean;
}

export interface PointMark extends Judged {
  status: PointStatus;
  student: PointInfo;
  /** For a found point: its match. */
  match?: PointMatch;
}

export interface RelationMark extends Judged {
  status: RelationStatus;
  student: RelationInfo;
  reference?: RelationInfo;
  difference?: 'relation' | 'direction';
}

export const pointKey = (studentId: string) => `p:${studentId}`;
export const relationKey = (r: Pick<RelationInfo, 'from' | 'to' | 'relation'>) =>
  `r:${r.from}>${r.to}>${r.relation}`;

function judge(key: string, auto: Verdict, verdicts: Verdicts): Judged {
  const given = verdicts[key];
  const verdict = given ?? auto;
  return { key, auto, verdict, overridden: verdict !== auto, decided: given !== undefined };
}

/** Every mark on the student's map: points by student node id, relations by key, in order. */
export function studentMarks(
  result: MapComparison,
  verdicts: Verdicts = {},
): { points: Map<string, PointMark>; relations: Map<string, RelationMark> } {
  const points = new Map<string, PointMark>();
  for (const match of result.points.found) {
    const key = pointKey(match.student.id);
    points.set(match.student.id, {
      ...judge(key, 'right', verdicts),
      status: 'found',
      student: match.student,
      match,
    });
  }
  for (const p of result.points.extra) {
    const key = pointKey(p.id);
    points.set(p.id, { ...judge(key, 'wrong', verdicts), status: 'extra', student: p });
  }
  const relations = new Map<string, RelationMark>();
  const add = (status: RelationStatus, student: RelationInfo, more: Partial<RelationMark> = {}) => {
    const key = relationKey(student);
    const auto: Verdict = status === 'agree' ? 'right' : 'wrong';
    // Not judged: a fixed verdict, whatever was given.
    const judged =
      status === 'withExtraPoint'
        ? { key, auto, verdict: auto, overridden: false, decided: false }
        : judge(key, auto, verdicts);
    relations.set(key, { ...judged, status, student, ...more });
  };
  const r = result.relations;
  for (const p of r.agree) add('agree', p.student, { reference: p.reference });
  for (const p of r.reversed) add('reversed', p.student, { reference: p.reference });
  for (const p of r.differs)
    add('differs', p.student, {
      reference: p.reference,
      ...(p.difference ? { difference: p.difference } : {}),
    });
  for (const x of r.extra) add('extra', x);
  for (const x of r.withExtraPoint) add('withExtraPoint', x);
  return { points, relations };
}

const ratio = (a: number, b: number): Ratio => (b === 0 ? null : a / b);

export interface JudgedCounts {
  /** Found points judged right. */
  pointsRight: number;
  /** Extra points the teacher accepted. */
  extraAccepted: number;
  /** Relation pairs (agree, reversed, differs) judged right. */
  relationsRight: number;
  /** Relations the reference has between found points: pairs + missing. */
  relationsJudged: number;
  /** Extra relations the teacher accepted. */
  extraRelationsAccepted: number;
  /** Right found points citing exactly the reference's span. */
  exactSpans: number;
  /** Marks whose verdict the teacher changed. */
  overridden: number;
}

/** The scores counted with the teacher's verdicts (the comparison's own when there are none). */
export function judgedScores(
  result: MapComparison,
  verdicts: Verdicts = {},
): { scores: MapComparison['scores']; counts: JudgedCounts } {
  const { points, relations } = studentMarks(result, verdicts);
  let pointsRight = 0;
  let extraAccepted = 0;
  let exactSpans = 0;
  let overridden = 0;
  for (const m of points.values()) {
    if (m.overridden) overridden++;
    if (m.verdict !== 'right') continue;
    if (m.status === 'found') {
      pointsRight++;
      if (!m.match!.shifted) exactSpans++;
    } else extraAccepted++;
  }
  let relationsRight = 0;
  let extraRelationsAccepted = 0;
  for (const m of relations.values()) {
    if (m.overridden) overridden++;
    if (m.verdict !== 'right' || m.status === 'withExtraPoint') continue;
    if (m.status === 'extra') extraRelationsAccepted++;
    else relationsRight++;
  }
  const r = result.relations;
  const pairs = r.agree.length + r.reversed.length + r.differs.length;
  return {
    scores: {
      points: {
        recall: ratio(pointsRight, result.reference.points),
        precision: ratio(pointsRight + extraAccepted, result.student.points),
      },
      relations: {
        recall: ratio(relationsRight, pairs + r.missing.length),
        precision: ratio(relationsRight + extraRelationsAccepted, pairs + r.extra.length),
      },
      spans: { exact: ratio(exactSpans, pointsRight) },
    },
    counts: {
      pointsRight,
      extraAccepted,
      relationsRight,
      relationsJudged: pairs + r.missing.length,
      extraRelationsAccepted,
      exactSpans,
      overridden,
    },
  };
}

/**
 * The mark each edge of the student's map carries: an edge between two points carries its
 * relation's; a premise's edge into an inference junction carries the relation that premise bears
 * on the junction's conclusion; an attack on a junction (an undercut), the undercut's. A junction's
 * own edge to its conclusion carries none (its premises' edges do).
 */
export function edgeMarks(
  student: Pick<ArgMap, 'nodes' | 'edges'>,
  relations: ReadonlyMap<string, RelationMark>,
): Map<string, RelationMark> {
  const junctions = new Set(student.nodes.filter((n) => n.kind === 'inference').map((n) => n.id));
  const all = [...relations.values()];
  const out = new Map<string, RelationMark>();
  for (const e of student.edges) {
    if (junctions.has(e.from)) continue;
    let mark: RelationMark | undefined;
    if (!junctions.has(e.to)) mark = relations.get(relationKey(e));
    else if (e.relation === 'supports')
      mark = all.find((m) => m.student.via === e.to && m.student.from === e.from);
    else
      mark = all.find(
        (m) => m.student.undercut && m.student.from === e.from && m.student.relation === e.relation,
      );
    if (mark) out.set(e.id, mark);
  }
  return out;
}
