/**
 * A map comparison (`model/compare.ts`) as a feedback sheet a teacher can hand out (Markdown, in
 * English or Chinese) or as JSON for other tools. Pure: the same comparison gives the same text.
 *
 * Text from the maps is written on one line, control characters shown escaped (`\x1B`), and
 * Markdown's own characters escaped, so a node text can neither break the sheet's layout nor add
 * links or HTML to it.
 */
import type {
  MapComparison,
  PointInfo,
  PointMatch,
  Ratio,
  RelationInfo,
  RelationPair,
} from '../model/compare';
import {
  judgedScores,
  pointKey,
  relationKey,
  studentMarks,
  type Verdicts,
} from '../model/compareVerdicts';

export type FeedbackLanguage = 'en' | 'zh';

export interface FeedbackOptions {
  lang?: FeedbackLanguage;
  /** Longest text shown for a node or quote before it is cut with "…" (default 160). */
  maxChars?: number;
  /**
   * The teacher's verdicts on the marks (`model/compareVerdicts.ts`): the scores count them, an
   * accepted mark says so, and found points or agreeing relations marked wrong are listed.
   */
  verdicts?: Verdicts;
}

const WORDS = {
  en: {
    title: (s: string, r: string) => `# Feedback: “${s}” compared with “${r}”`,
    intro: (rp: number, rr: number, sp: number, sr: number) =>
      `The reference map has ${rp} points and ${rr} relations; yours has ${sp} points and ${sr} relations. Points are matched by the passages they cite (and by their wording where the passages differ).`,
    scores: 'Scores',
    head: '| | Result | Recall | Precision |',
    pointsRow: (f: number, r: number) => `Points found | ${f} of ${r}`,
    relationsRow: (a: number, j: number) => `Relations that agree | ${a} of ${j}`,
    spansRow: (e: number, f: number) => `Points citing exactly the reference’s span | ${e} of ${f}`,
    missing: 'Missing points',
    missingHint: 'In the reference, not in your map:',
    extra: 'Extra points',
    extraHint: 'In your map, not in the reference:',
    reversed: 'Relations reversed (support ↔ attack)',
    differs: 'Relations of another kind or direction',
    relMissing: 'Missing relations',
    relMissingHint: 'Between points you found, the reference has a relation you do not:',
    relExtra: 'Extra relations',
    shifted: 'Shifted spans',
    shiftedHint: 'You found the point but cite a different passage:',
    kinds: 'Points of another kind',
    withMissing: (n: number) =>
      `${n} relation(s) of the reference touch a missing point; they are not counted again above.`,
    withExtra: (n: number) =>
      `${n} relation(s) of your map touch an extra point; they are not counted above.`,
    none: 'None.',
    youHave: 'you have',
    reference: 'the reference has',
    direction: 'in the opposite direction',
    refCites: 'the reference cites',
    youCite: 'you cite',
    nothing: '(nothing)',
    rel: { supports: 'supports', attacks: 'attacks', elaborates: 'elaborates' },
    kind: {
      conclusion: 'conclusion',
      claim: 'claim',
      evidence: 'evidence',
      objection: 'objection',
      rebuttal: 'rebuttal',
      recommendation: 'recommendation',
      context: 'context',
      inference: 'inference',
    },
    via: 'through an inference',
    warnings: 'Notes',
    accepted: '*accepted by the teacher*',
    markedWrong: 'Marked wrong by the teacher',
    markedWrongHint: 'Found or agreeing, but the teacher does not accept them:',
    teacher: (n: number) =>
      `The teacher changed ${n} of the comparison’s marks; the scores count the teacher’s decisions.`,
  },
  zh: {
    title: (s: string, r: string) => `# 反馈：“${s}”与“${r}”的比较`,
    intro: (rp: number, rr: number, sp: number, sr: number) =>
      `参考图有 ${rp} 个论点、${rr} 条关系；你的图有 ${sp} 个论点、${sr} 条关系。论点按所引原文匹配（原文不同处再按措辞匹配）。`,
    scores: '得分',
    head: '| | 结果 | 召回率 | 精确率 |',
    pointsRow: (f: number, r: number) => `找到的论点 | ${r} 个中找到 ${f} 个`,
    relationsRow: (a: number, j: number) => `一致的关系 | ${j} 条中 ${a} 条一致`,
    spansRow: (e: number, f: number) => `引文与参考完全相同的论点 | ${f} 个中 ${e} 个`,
    missing: '遗漏的论点',
    missingHint: '参考图中有、你的图中没有：',
    extra: '多出的论点',
    extraHint: '你的图中有、参考图中没有：',
    reversed: '相反的关系（支持 ↔ 反对）',
    differs: '类型或方向不同的关系',
    relMissing: '遗漏的关系',
    relMissingHint: '在你找到的论点之间，参考图有而你的图没有的关系：',
    relExtra: '多出的关系',
    shifted: '引文有偏移',
    shiftedHint: '你找到了这个论点，但所引原文不同：',
    kinds: '类型不同的论点',
    withMissing: (n: number) => `参考图中有 ${n} 条关系涉及遗漏的论点，上面不再重复计入。`,
    withExtra: (n: number) => `你的图中有 ${n} 条关系涉及多出的论点，上面未计入。`,
    none: '无。',
    youHave: '你的图为',
    reference: '参考图为',
    direction: '方向相反',
    refCites: '参考图引用',
    youCite: '你引用',
    nothing: '（无）',
    rel: { supports: '支持', attacks: '反对', elaborates: '阐述' },
    kind: {
      conclusion: '结论',
      claim: '主张',
      evidence: '证据',
      objection: '异议',
      rebuttal: '反驳',
      recommendation: '建议',
      context: '背景',
      inference: '推理',
    },
    via: '经由推理节点',
    warnings: '说明',
    accepted: '*教师认可*',
    markedWrong: '教师判为错误',
    markedWrongHint: '比较认为找到或一致，但教师不认可：',
    teacher: (n: number) => `教师更改了 ${n} 处比较标记；得分按教师的判定计算。`,
  },
} as const;

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** One line of text from a map, safe in Markdown and in a terminal, cut at `max` characters. */
function inline(text: string, max: number): string {
  let t = text.replace(/\s+/g, ' ').trim();
  const chars = [...t];
  if (chars.length > max) t = `${chars.slice(0, max - 1).join('')}…`;
  return t
    .replace(/[\\`*_[\]<>#|~!]/g, (c) => `\\${c}`) // first, so an escape's backslash stays single
    .replace(CONTROL, (c) => {
      const code = c.charCodeAt(0);
      const hex = code.toString(16).toUpperCase();
      return code <= 0xff ? `\\x${hex.padStart(2, '0')}` : `\\u${hex.padStart(4, '0')}`;
    });
}

const percent = (r: Ratio) => (r === null ? '—' : `${Math.round(r * 100)}%`);

/** The comparison as a Markdown feedback sheet. */
export function exportCompareMarkdown(
  result: MapComparison,
  options: FeedbackOptions = {},
): string {
  const w = WORDS[options.lang ?? 'en'];
  const max = options.maxChars ?? 160;
  const text = (t: string) => inline(t, max);
  const point = (p: PointInfo) => {
    const en = options.lang !== 'zh' && p.en && p.en !== p.text ? ` (${text(p.en)})` : '';
    return `${w.kind[p.kind]} **${text(p.text)}**${en}`;
  };
  const quote = (q: string) => (q ? `“${text(q)}”` : w.nothing);
  const relation = (r: RelationInfo) =>
    `“${text(r.fromText)}” **${w.rel[r.relation]}** “${text(r.toText)}”${r.via ? ` (${w.via})` : ''}`;
  const lines: string[] = [];
  const section = (title: string, items: string[], hint?: string) => {
    lines.push('', `## ${title} (${items.length})`, '');
    if (!items.length) return void lines.push(w.none);
    if (hint) lines.push(hint, '');
    items.forEach((item, i) => lines.push(`${i + 1}. ${item}`));
  };
  const pair = (p: RelationPair) =>
    `${w.reference} ${relation(p.reference)}; ${w.youHave} ${relation(p.student)}${p.difference === 'direction' ? ` (${w.direction})` : ''}.`;

  const { reference: ref, student: stu, points, relations } = result;
  const verdicts = options.verdicts ?? {};
  const { scores, counts } = judgedScores(result, verdicts);
  const marks = studentMarks(result, verdicts);
  const accepted = (key: string) => (verdicts[key] === 'right' ? ` — ${w.accepted}` : '');
  lines.push(
    w.title(inline(stu.title, max), inline(ref.title, max)),
    '',
    w.intro(ref.points, ref.relations, stu.points, stu.relations),
    '',
    `## ${w.scores}`,
    '',
    w.head,
    '| --- | --- | --- | --- |',
    `| ${w.pointsRow(counts.pointsRight, ref.points)} | ${percent(scores.points.recall)} | ${percent(scores.points.precision)} |`,
    `| ${w.relationsRow(counts.relationsRight, counts.relationsJudged)} | ${percent(scores.relations.recall)} | ${percent(scores.relations.precision)} |`,
    `| ${w.spansRow(counts.exactSpans, counts.pointsRight)} | ${percent(scores.spans.exact)} | |`,
  );
  if (counts.overridden) lines.push('', w.teacher(counts.overridden));
  section(
    w.missing,
    points.missing.map((p) => `${point(p)} — ${quote(p.quote)}`),
    w.missingHint,
  );
  section(
    w.extra,
    points.extra.map((p) => `${point(p)} — ${quote(p.quote)}${accepted(pointKey(p.id))}`),
    w.extraHint,
  );
  section(
    w.reversed,
    relations.reversed.map((p) => `${pair(p)}${accepted(relationKey(p.student))}`),
  );
  section(
    w.differs,
    relations.differs.map((p) => `${pair(p)}${accepted(relationKey(p.student))}`),
  );
  section(w.relMissing, relations.missing.map(relation), w.relMissingHint);
  section(
    w.relExtra,
    relations.extra.map((r) => `${relation(r)}${accepted(relationKey(r))}`),
  );
  section(
    w.shifted,
    points.shifted.map(
      (m: PointMatch) =>
        `${point(m.reference)}: ${w.refCites} ${quote(m.reference.quote)}; ${w.youCite} ${quote(m.student.quote)}.`,
    ),
    w.shiftedHint,
  );
  section(
    w.kinds,
    points.kindDiffers.map(
      (m) =>
        `**${text(m.reference.text)}**: ${w.reference} ${w.kind[m.reference.kind]}; ${w.youHave} ${w.kind[m.student.kind]}.`,
    ),
  );
  const rejected = [
    ...[...marks.points.values()]
      .filter((m) => m.status === 'found' && m.verdict === 'wrong')
      .map((m) => `${point(m.student)} — ${quote(m.student.quote)}`),
    ...[...marks.relations.values()]
      .filter((m) => m.status === 'agree' && m.verdict === 'wrong')
      .map((m) => relation(m.student)),
  ];
  if (rejected.length) section(w.markedWrong, rejected, w.markedWrongHint);
  const notes = [
    ...(relations.withMissingPoint.length
      ? [w.withMissing(relations.withMissingPoint.length)]
      : []),
    ...(relations.withExtraPoint.length ? [w.withExtra(relations.withExtraPoint.length)] : []),
    ...result.warnings.map((x) => inline(x, 400)),
  ];
  if (notes.length) lines.push('', `## ${w.warnings}`, '', ...notes.map((n) => `- ${n}`));
  return `${lines.join('\n')}\n`;
}

/**
 * The comparison as JSON, marked `"format": "argmap-comparison", "version": 1` so other tools can
 * tell it. Characters a terminal would act on (C1 controls, bidirectional overrides) are written as
 * `\u` escapes, which JSON reads back as the same strings.
 */
export function exportCompareJson(result: MapComparison): string {
  const doc = { format: 'argmap-comparison', version: 1, ...result };
  return `${JSON.stringify(doc, null, 2).replace(
    /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )}\n`;
}
