/**
 * The argumentation scheme of an inference junction or an edge: chosen from the catalog (names in
 * the interface's language), none, or an imported name the catalog does not know, kept as it is.
 * Below it the scheme's critical questions, each of which becomes an objection (against the
 * conclusion) or an undercut (against the inference) in one undoable step that selects the new
 * node.
 */
import { SCHEMES, findScheme } from '../model/schemes';
import {
  questionToNode,
  setScheme,
  type QuestionKind,
  type SchemeTarget,
} from '../model/schemeOps';
import { moveNodes } from '../model/operations';
import { placeBeside } from '../app/placement';
import { useMapStore } from '../store/mapStore';
import { useUiStore } from '../store/uiStore';
import { useT } from './i18n';
import { SchemeBadge } from './canvas/SchemeBadge';
import { useContentReadOnly } from './sharing/roles';

const fill = (text: string, ...args: (string | number)[]) =>
  text.replace(/\{(\d)\}/g, (_, i: string) => String(args[Number(i)] ?? ''));

export function SchemePanel({
  target,
  scheme,
  undercut = true,
  compact = false,
}: {
  target: SchemeTarget;
  /** The scheme name as stored (undefined: none). */
  scheme: string | undefined;
  /** Whether an undercut can be made (an inference or an edge; not another node). */
  undercut?: boolean;
  /** In a list of edges: the questions folded under their heading. */
  compact?: boolean;
}) {
  const t = useT();
  const edit = useMapStore((s) => s.edit);
  const select = useMapStore((s) => s.select);
  const readOnly = useContentReadOnly();
  const known = findScheme(scheme);
  // A catalog scheme is chosen by its AIFdb name, however the map spells it; an unknown name as is.
  const value = known ? known.aifdbName : (scheme ?? '');

  const raise = (index: number, kind: QuestionKind) => {
    let made = '';
    const ok = edit((m) => {
      const result = questionToNode(m, target, index, kind, t.language);
      made = result.id;
      // Placed beside what it attacks, as a node added by hand is.
      return moveNodes(result.map, { [made]: placeBeside(result.map, result.attacks) });
    });
    if (!ok || !made) return;
    select({ nodeIds: [made], edgeIds: [] });
    useUiStore.getState().set({ keepInView: { ids: [made], at: Date.now() } });
  };

  const questions = known ? known.questions.map((q) => (t.language === 'zh' ? q.zh : q.en)) : [];
  const list =
    scheme === undefined ? null : questions.length === 0 ? (
      <p className="muted">{t('noCriticalQuestions')}</p>
    ) : (
      <ol className="critical-questions" data-testid="critical-questions">
        {questions.map((question, i) => (
          <li key={i} data-question={i}>
            <span className="question">{question}</span>
            <span className="row">
              <button
                className="small"
                data-testid="question-objection"
                disabled={readOnly}
                title={fill(t('toObjectionHint'), i + 1)}
                aria-label={fill(t('toObjectionHint'), i + 1)}
                onClick={() => raise(i, 'objection')}
              >
                {t('toObjection')}
              </button>
              {undercut && (
                <button
                  className="small"
                  data-testid="question-undercut"
                  disabled={readOnly}
                  title={fill(t('toUndercutHint'), i + 1)}
                  aria-label={fill(t('toUndercutHint'), i + 1)}
                  onClick={() => raise(i, 'undercut')}
                >
                  {t('toUndercut')}
                </button>
              )}
            </span>
          </li>
        ))}
      </ol>
    );

  return (
    <div className="scheme-panel" data-testid="scheme-panel">
      <label>
        <span className="row">
          {t('scheme')}
          {scheme !== undefined && <SchemeBadge name={scheme} />}
        </span>
        <select
          data-testid="scheme-select"
          value={value}
          disabled={readOnly}
          onChange={(e) => edit((m) => setScheme(m, target, e.target.value || undefined))}
        >
          <option value="">{t('schemeNone')}</option>
          {!known && scheme !== undefined && (
            <option value={scheme}>{fill(t('schemeNotInCatalog'), scheme)}</option>
          )}
          {SCHEMES.map((s) => (
            <option key={s.aifdbName} value={s.aifdbName}>
              {s.title[t.language]}
            </option>
          ))}
        </select>
      </label>
      {known && <p className="muted scheme-description">{known.description[t.language]}</p>}
      {list &&
        (compact ? (
          <details className="critical-questions-fold">
            <summary>{`${t('criticalQuestions')} (${questions.length})`}</summary>
            {list}
          </details>
        ) : (
          <>
            <h4>{t('criticalQuestions')}</h4>
            {list}
          </>
        ))}
    </div>
  );
}
