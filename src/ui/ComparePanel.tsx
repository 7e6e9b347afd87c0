/**
 * Checking a student's map against the teacher's (#13): the open map is compared with a reference
 * (`model/compare.ts`) and the result shown beside the canvas — the scores, the points found,
 * missing and extra, the relations that agree, are reversed, differ or are missing — and as marks
 * on the map (canvas/CompareBadge.tsx). The teacher confirms or overrides each mark; the scores
 * and the feedback sheet (Markdown download, or printed) count the teacher's verdicts. The
 * comparison and the verdicts live in this session only (store/compareStore.ts): not saved with
 * the map, as the panel says.
 */
import { useDeferredValue, useEffect, useMemo, type ReactNode } from 'react';
import type { ArgMap } from '../model/schema';
import {
  compareMaps,
  type MapComparison,
  type PointInfo,
  type RelationInfo,
} from '../model/compare';
import {
  edgeMarks,
  judgedScores,
  relationKey,
  studentMarks,
  type Judged,
  type PointMark,
  type RelationMark,
  type Verdict,
  type Verdicts,
} from '../model/compareVerdicts';
import { sentenceIndex } from '../model/operations';
import { exportCompareMarkdown } from '../io/exportCompare';
import { download, fileBase } from '../app/exportActions';
import { startComparing, useCompareStore } from '../store/compareStore';
import { useMapStore } from '../store/mapStore';
import { useT, type Translator } from './i18n';
import { revealNodes } from './SearchBox';
import { markTitle } from './canvas/CompareBadge';
import { CompareChooser } from './compare/CompareChooser';
import { CompareSheet, printFeedback } from './compare/CompareSheet';

const NO_VERDICTS: Verdicts = {};

export function ComparePanel({ map }: { map: ArgMap }) {
  const choosing = useCompareStore((s) => s.choosing);
  const reference = useCompareStore((s) => s.reference);
  return (
    <>
      {reference && <Comparison map={map} reference={reference} />}
      {choosing && <CompareChooser openId={map.id} />}
    </>
  );
}

/** Whether the two maps cite at least one source of the same text. */
const shareSource = (a: ArgMap, b: ArgMap) =>
  a.sources.some((s) => b.sources.some((r) => r.text === s.text));

function Comparison({ map, reference }: { map: ArgMap; reference: ArgMap }) {
  const t = useT();
  const byWording = useCompareStore((s) => s.byWording);
  const from = useCompareStore((s) => s.referenceFrom);
  const printing = useCompareStore((s) => s.printing);
  const verdicts = useCompareStore((s) => s.verdicts[map.id]) ?? NO_VERDICTS;
  // Typing in the map stays quick: the comparison follows a moment later.
  const student = useDeferredValue(map);
  const shared = shareSource(student, reference);
  const same = student.id === reference.id && from?.kind === 'library';
  const result = useMemo(
    () => (!same && (shared || byWording) ? compareMaps(reference, student) : null),
    [reference, student, shared, byWording, same],
  );
  const marks = useMemo(() => result && studentMarks(result, verdicts), [result, verdicts]);
  useEffect(() => {
    useCompareStore.setState({
      nodeMarks: marks?.points ?? new Map(),
      edgeMarks: marks ? edgeMarks(student, marks.relations) : new Map(),
    });
  }, [marks, student]);
  useEffect(
    () => () => useCompareStore.setState({ nodeMarks: new Map(), edgeMarks: new Map() }),
    [],
  );
  const markdown = useMemo(
    () => result && exportCompareMarkdown(result, { lang: t.language, verdicts }),
    [result, verdicts, t.language],
  );

  return (
    <aside
      className="compare-panel"
      aria-label={t('compareTitle')}
      data-testid="compare-panel"
      data-canvas-cover
    >
      <header>
        <h2>{t('compareTitle')}</h2>
        <button onClick={() => useCompareStore.getState().stop()} aria-label={t('close')}>
          ✕
        </button>
      </header>
      <p className="compare-reference">
        {t('compareReference')} <strong>{reference.title}</strong>
        {from?.kind === 'file' ? ` (${from.name})` : ''}{' '}
        <button className="small" data-testid="compare-change" onClick={startComparing}>
          {t('compareChange')}
        </button>
      </p>
      <p className="muted compare-session-note">{t('compareNotSaved')}</p>
      {same ? (
        <p className="banner error" role="alert" data-testid="compare-same-map">
          {t('compareSameMap')}
        </p>
      ) : !result ? (
        <div className="banner error" role="alert" data-testid="compare-other-text">
          <p>{t('compareOtherText')}</p>
          <button
            data-testid="compare-by-wording"
            onClick={() => useCompareStore.setState({ byWording: true })}
          >
            {t('compareByWording')}
          </button>{' '}
          <button onClick={startComparing}>{t('compareChange')}</button>
        </div>
      ) : (
        <Results map={map} reference={reference} result={result} verdicts={verdicts} />
      )}
      {result && markdown && (
        <p className="row compare-exports">
          <button
            data-testid="compare-download-md"
            onClick={() =>
              download(`${fileBase(map)}-feedback.md`, markdown, 'text/markdown;charset=utf-8')
            }
          >
            {t('compareDownload')}
          </button>
          <button data-testid="compare-print" onClick={printFeedback}>
            {t('comparePrint')}
          </button>
        </p>
      )}
      {printing && markdown && <CompareSheet markdown={markdown} />}
    </aside>
  );
}

const percent = (r: number | null) => (r === null ? '—' : `${Math.round(r * 100)}%`);

function Results({
  map,
  reference,
  result,
  verdicts,
}: {
  map: ArgMap;
  reference: ArgMap;
  result: MapComparison;
  verdicts: Verdicts;
}) {
  const t = useT();
  const { scores, counts } = useMemo(() => judgedScores(result, verdicts), [result, verdicts]);
  const marks = useMemo(() => studentMarks(result, verdicts), [result, verdicts]);
  const selection = useMapStore((s) => s.selection);
  const edgeMarkOf = useCompareStore((s) => s.edgeMarks);
  const { points, relations } = result;
  const pointMarks = (list: PointInfo[]) => list.map((p) => marks.points.get(p.id)!);
  const relationMarks = (list: RelationInfo[]) =>
    list.map((r) => marks.relations.get(relationKey(r))!);
  const selected = [
    ...selection.nodeIds.flatMap((id) => marks.points.get(id) ?? []),
    ...selection.edgeIds.flatMap((id) => edgeMarkOf.get(id) ?? []),
  ];
  const otherText = result.warnings.filter((w) => /not the same text/.test(w)).length;
  const stopped = result.warnings.some((w) => /^Matching stopped/.test(w));
  return (
    <>
      {otherText > 0 && (
        <p className="banner warning" role="status" data-testid="compare-partly-other-text">
          {t('comparePartlyOtherText').replace('{0}', String(otherText))}
        </p>
      )}
      {stopped && <p className="banner warning">{t('compareStopped')}</p>}
      <table className="compare-scores" data-testid="compare-scores">
        <thead>
          <tr>
            <th />
            <th>{t('compareResult')}</th>
            <th>{t('compareRecall')}</th>
            <th>{t('comparePrecision')}</th>
          </tr>
        </thead>
        <tbody>
          <tr data-testid="compare-score-points">
            <th>{t('comparePoints')}</th>
            <td>{`${counts.pointsRight} / ${result.reference.points}`}</td>
            <td>{percent(scores.points.recall)}</td>
            <td>{percent(scores.points.precision)}</td>
          </tr>
          <tr data-testid="compare-score-relations">
            <th>{t('compareRelations')}</th>
            <td>{`${counts.relationsRight} / ${counts.relationsJudged}`}</td>
            <td>{percent(scores.relations.recall)}</td>
            <td>{percent(scores.relations.precision)}</td>
          </tr>
          <tr data-testid="compare-score-spans">
            <th>{t('compareSpans')}</th>
            <td>{`${counts.exactSpans} / ${counts.pointsRight}`}</td>
            <td>{percent(scores.spans.exact)}</td>
            <td />
          </tr>
        </tbody>
      </table>
      {counts.overridden > 0 && (
        <p className="muted" data-testid="compare-overridden">
          {t('compareOverridden').replace('{0}', String(counts.overridden))}
        </p>
      )}
      <p className="muted compare-legend">{t('compareLegend')}</p>
      {selected.length > 0 && (
        <section className="compare-selected" data-testid="compare-selected">
          <h3>{t('compareSelected')}</h3>
          <ul>
            {selected.map((m) => (
              <MarkEntry key={m.key} mapId={map.id} mark={m} />
            ))}
          </ul>
        </section>
      )}
      <Section id="missing" title={t('compareMissing')} count={points.missing.length} open>
        {points.missing.map((p) => (
          <MissingPoint key={p.id} point={p} reference={reference} student={map} />
        ))}
      </Section>
      <Section id="extra" title={t('compareExtra')} count={points.extra.length} open>
        {pointMarks(points.extra).map((m) => (
          <MarkEntry key={m.key} mapId={map.id} mark={m} />
        ))}
      </Section>
      <Section id="reversed" title={t('compareReversed')} count={relations.reversed.length} open>
        {relationMarks(relations.reversed.map((p) => p.student)).map((m) => (
          <MarkEntry key={m.key} mapId={map.id} mark={m} />
        ))}
      </Section>
      <Section id="differs" title={t('compareDiffers')} count={relations.differs.length} open>
        {relationMarks(relations.differs.map((p) => p.student)).map((m) => (
          <MarkEntry key={m.key} mapId={map.id} mark={m} />
        ))}
      </Section>
      <Section
        id="rel-missing"
        title={t('compareRelMissing')}
        count={relations.missing.length}
        open
      >
        {relations.missing.map((r) => (
          <li key={`${r.from}>${r.to}>${r.relation}`} className="compare-entry">
            <RelationText t={t} r={r} />
          </li>
        ))}
      </Section>
      <Section id="rel-extra" title={t('compareRelExtra')} count={relations.extra.length} open>
        {relationMarks(relations.extra).map((m) => (
          <MarkEntry key={m.key} mapId={map.id} mark={m} />
        ))}
      </Section>
      <Section id="found" title={t('compareFound')} count={points.found.length}>
        {pointMarks(points.found.map((f) => f.student)).map((m) => (
          <MarkEntry key={m.key} mapId={map.id} mark={m} />
        ))}
      </Section>
      <Section id="agree" title={t('compareAgree')} count={relations.agree.length}>
        {relationMarks(relations.agree.map((p) => p.student)).map((m) => (
          <MarkEntry key={m.key} mapId={map.id} mark={m} />
        ))}
      </Section>
    </>
  );
}

function Section({
  id,
  title,
  count,
  open = false,
  children,
}: {
  id: string;
  title: string;
  count: number;
  open?: boolean;
  children: ReactNode;
}) {
  const t = useT();
  return (
    <details className="compare-section" data-testid={`compare-${id}`} open={open}>
      <summary>
        {title} <span className="compare-count">({count})</span>
      </summary>
      {count ? <ul>{children}</ul> : <p className="muted">{t('compareNone')}</p>}
    </details>
  );
}

function RelationText({ t, r }: { t: Translator; r: RelationInfo }) {
  return (
    <span className="compare-relation">
      “{r.fromText}” <strong>{t.relation(r.relation)}</strong> “{r.toText}”
    </span>
  );
}

/** One mark of the student's map: what it is, a click to show it, and the teacher's verdict. */
function MarkEntry({ mapId, mark }: { mapId: string; mark: PointMark | RelationMark }) {
  const t = useT();
  const isPoint = mark.key.startsWith('p:');
  const point = isPoint ? (mark as PointMark) : null;
  const relation = isPoint ? null : (mark as RelationMark);
  const ids = point ? [point.student.id] : [relation!.student.from, relation!.student.to];
  return (
    <li
      className={`compare-entry${mark.overridden ? ' is-overridden' : ''}`}
      data-testid="compare-entry"
      data-key={mark.key}
      data-status={mark.status}
      data-verdict={mark.verdict}
      data-shifted={point?.match?.shifted ? 'true' : undefined}
    >
      <button className="compare-show" onClick={() => revealNodes(ids)} title={t('compareShow')}>
        {point ? (
          <>
            <span className="compare-kind">{t.kind(point.student.kind)}</span> {point.student.text}
          </>
        ) : (
          <RelationText t={t} r={relation!.student} />
        )}
      </button>
      {point?.match && (point.match.shifted || point.match.kindDiffers) && (
        <p className="muted compare-note">
          {point.match.shifted && `${t('compareShiftedMark')}: “${point.match.reference.quote}”`}
          {point.match.kindDiffers &&
            ` ${t('compareKindDiffers')} ${t.kind(point.match.reference.kind)}`}
        </p>
      )}
      {relation?.reference && relation.status !== 'agree' && (
        <p className="muted compare-note">
          {t('compareReferenceHas')} <RelationText t={t} r={relation.reference} />
        </p>
      )}
      <span className="compare-state muted">{markTitle(t, mark)}</span>
      {mark.status !== 'withExtraPoint' && <VerdictButtons mapId={mapId} mark={mark} />}
    </li>
  );
}

function VerdictButtons({ mapId, mark }: { mapId: string; mark: Judged }) {
  const t = useT();
  const give = (v: Verdict) =>
    useCompareStore.getState().setVerdict(mapId, mark.key, v === mark.auto ? null : v);
  return (
    <span className="compare-verdict" role="group" aria-label={t('compareVerdict')}>
      <button
        className="small"
        data-verdict="right"
        aria-pressed={mark.verdict === 'right'}
        onClick={() => give('right')}
      >
        ✓ {t('compareRight')}
      </button>
      <button
        className="small"
        data-verdict="wrong"
        aria-pressed={mark.verdict === 'wrong'}
        onClick={() => give('wrong')}
      >
        ✗ {t('compareWrong')}
      </button>
    </span>
  );
}

/**
 * A reference point the student did not make: its text, the sentence it cites, and a button that
 * shows that sentence in the student's source pane (the same text, so the same characters).
 */
function MissingPoint({
  point,
  reference,
  student,
}: {
  point: PointInfo;
  reference: ArgMap;
  student: ArgMap;
}) {
  const t = useT();
  const sentences = useMemo(() => {
    const node = reference.nodes.find((n) => n.id === point.id);
    const index = sentenceIndex(reference);
    const ids: string[] = [];
    for (const ref of node?.refs ?? []) {
      const s = index.get(ref.sentence);
      if (!s) continue;
      const text = reference.sources[s.sourceIndex]!.text;
      const at = ref.start ?? s.start;
      const source = student.sources.find((x) => x.text === text);
      const hit = source?.sentences.find((x) => x.start <= at && at < x.end);
      if (hit) ids.push(hit.id);
    }
    return ids;
  }, [point.id, reference, student.sources]);
  const show = () => {
    useMapStore.getState().highlight(sentences);
    document
      .querySelector(`[data-sentence-id="${CSS.escape(sentences[0]!)}"]`)
      ?.scrollIntoView({ block: 'center' });
  };
  return (
    <li
      className="compare-entry"
      data-testid="compare-entry"
      data-status="missing"
      data-key={point.id}
    >
      <p className="compare-missing-text">
        <span className="compare-kind">{t.kind(point.kind)}</span> {point.text}
      </p>
      {point.quote && <blockquote>{point.quote}</blockquote>}
      {sentences.length > 0 && (
        <button className="small" data-testid="compare-show-sentence" onClick={show}>
          {t('compareShowSentence')}
        </button>
      )}
    </li>
  );
}
