import { describe, expect, it } from 'vitest';
import { compareMaps } from '../../../src/model/compare';
import {
  edgeMarks,
  judgedScores,
  pointKey,
  relationKey,
  studentMarks,
} from '../../../src/model/compareVerdicts';
import { exportCompareMarkdown } from '../../../src/io/exportCompare';
import type { ArgMap } from '../../../src/model/schema';
import { alteredArticle } from './alteredArticle';

/** The altered article, with one point the reference lacks (supporting the first point). */
function withExtraPoint() {
  const altered = alteredArticle();
  const first = altered.student.nodes.find((n) => n.kind !== 'inference')!;
  const student: ArgMap = {
    ...altered.student,
    nodes: [
      ...altered.student.nodes,
      { id: 'extra1', kind: 'claim', text: 'Birds like trees in the park', refs: [] },
    ],
    edges: [
      ...altered.student.edges,
      { id: 'xe1', from: 'extra1', to: first.id, relation: 'supports' },
    ],
  };
  return { ...altered, student, result: compareMaps(altered.reference, student) };
}

describe('the teacher’s verdicts', () => {
  const { result, flipped, student } = withExtraPoint();

  it('without verdicts, gives the comparison’s own scores', () => {
    expect(judgedScores(result).scores).toEqual(result.scores);
    expect(judgedScores(result).counts.overridden).toBe(0);
  });

  it('marks every student point and relation, judged as the comparison does', () => {
    const marks = studentMarks(result);
    expect(marks.points.get('extra1')).toMatchObject({ status: 'extra', verdict: 'wrong' });
    const found = result.points.found[0]!.student.id;
    expect(marks.points.get(found)).toMatchObject({ status: 'found', verdict: 'right' });
    expect(marks.points.size).toBe(result.student.points);
    const reversed = flipped.map(
      (e) => marks.relations.get(relationKey({ ...e, relation: 'attacks' }))?.status,
    );
    expect(reversed).toEqual(['reversed', 'reversed']);
    // On the edges: the flipped edges carry the reversed marks, the extra point's edge its own.
    const onEdges = edgeMarks(student, marks.relations);
    expect(flipped.map((e) => onEdges.get(e.id)?.status)).toEqual(['reversed', 'reversed']);
    expect(onEdges.get('xe1')?.status).toBe('withExtraPoint');
  });

  it('counts an accepted extra point, an accepted reversal and a rejected match', () => {
    const base = judgedScores(result);
    const f = result.points.found[3]!;
    const verdicts = {
      [pointKey('extra1')]: 'right',
      [relationKey({ ...flipped[0]!, relation: 'attacks' })]: 'right',
      [pointKey(f.student.id)]: 'wrong',
    } as const;
    const judged = judgedScores(result, verdicts);
    expect(judged.counts).toMatchObject({
      pointsRight: result.points.found.length - 1,
      extraAccepted: 1,
      relationsRight: result.relations.agree.length + 1,
      overridden: 3,
    });
    expect(judged.scores.points.recall).toBeCloseTo(
      base.scores.points.recall! - 1 / result.reference.points,
    );
    // One right found point fewer, one accepted extra more: the same precision.
    expect(judged.scores.points.precision).toBeCloseTo(base.scores.points.precision!);
    expect(judged.scores.relations.recall).toBeCloseTo(
      base.scores.relations.recall! + 1 / base.counts.relationsJudged,
    );
    // A verdict equal to the comparison's changes nothing.
    expect(judgedScores(result, { [pointKey('extra1')]: 'wrong' }).scores).toEqual(result.scores);

    const md = exportCompareMarkdown(result, { lang: 'en', verdicts });
    expect(md).toContain(
      `| Points found | ${result.points.found.length - 1} of ${result.reference.points} |`,
    );
    expect(md).toContain('The teacher changed 3 of the comparison’s marks');
    expect(md).toMatch(
      /Birds like trees in the park\*\* — \(nothing\) — \*accepted by the teacher\*/,
    );
    expect(md).toContain('## Marked wrong by the teacher (1)');
    expect(md).toContain(`**${f.student.text.replace(/\s+/g, ' ').trim().slice(0, 20)}`);
    const zh = exportCompareMarkdown(result, { lang: 'zh', verdicts });
    expect(zh).toContain('## 教师判为错误 (1)');
    expect(zh).toContain('*教师认可*');
    // Without verdicts, the sheet is as before: no teacher's notes.
    expect(exportCompareMarkdown(result, { lang: 'en' })).not.toContain('teacher');
  });
});
