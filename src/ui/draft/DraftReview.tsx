/**
 * The review list of a draft: each open proposal with its kind, its cue (the words of the text
 * that made it, as they stand there) and its text, accepted or rejected one by one or all at
 * once. A list with one Tab stop: ↑ ↓ Home End move, Enter accepts, Delete rejects; P (a command)
 * goes to the next proposal from anywhere on the canvas. The canvas draws the same proposals
 * apart (DraftLayer.tsx), the current one marked. The list folds away to its heading (a button
 * with aria-expanded) to free the canvas; P, or a click on a proposal, unfolds it.
 */
import {
  useEffect,
  useId,
  useRef,
  useState,
  type KeyboardEvent as ReactKeyboardEvent,
} from 'react';
import type { DraftUnit } from '../../draft/types';
import { kindStyles } from '../../io/kindStyles';
import {
  acceptAllProposals,
  acceptProposals,
  lastDraftMs,
  rejectAllProposals,
  rejectProposals,
} from '../../app/draftActions';
import { useDraftStore } from './draftStore';
import { unitCue, type DraftReview as Review, type OpenProposals } from './proposals';
import { isMessageKey, useT, type Translator } from '../i18n';

/** The cue as shown: its words when they are the text's, else the name of its family. */
export function cueLabel(t: Translator, cue: DraftUnit['cues'][number] | undefined): string {
  if (!cue) return '';
  if (cue.at !== undefined && cue.marker) return cue.marker;
  // A family this interface does not know (a newer producer's): its own words.
  return (isMessageKey(`draftCue_${cue.family}`) && t(`draftCue_${cue.family}`)) || cue.marker;
}

export function DraftReview({ review, open }: { review: Review; open: OpenProposals }) {
  const t = useT();
  const current = useDraftStore((s) => s.current);
  const focusRequest = useDraftStore((s) => s.focusRequest);
  const set = useDraftStore((s) => s.set);
  const list = useRef<HTMLUListElement>(null);
  const [folded, setFolded] = useState(false);
  const bodyId = useId();
  const units = open.units;
  const at = Math.max(
    0,
    units.findIndex((u) => u.id === current),
  );
  const currentId = units[at]?.id;

  // A request (the P key, a click on the canvas, the next after an acceptance) moves the focus
  // to that proposal in the list, and scrolls it into view; a folded list unfolds for it first.
  // Unfolding by the button moves no focus: only a request not yet served does.
  const served = useRef<typeof focusRequest>(null);
  useEffect(() => {
    if (!focusRequest || focusRequest === served.current) return;
    if (folded) {
      setFolded(false);
      return;
    }
    served.current = focusRequest;
    const item = list.current?.querySelector<HTMLElement>(
      `[data-unit="${CSS.escape(focusRequest.id)}"]`,
    );
    item?.focus({ preventScroll: true });
    item?.scrollIntoView({ block: 'nearest' });
  }, [focusRequest, folded]);

  const go = (index: number) => {
    const unit = units[Math.min(units.length - 1, Math.max(0, index))];
    if (unit) set({ current: unit.id, focusRequest: { id: unit.id, at: Date.now() } });
  };
  const onKeyDown = (event: ReactKeyboardEvent, unit: DraftUnit, index: number) => {
    if (event.target !== event.currentTarget) return;
    if (event.key === 'ArrowDown') go(index + 1);
    else if (event.key === 'ArrowUp') go(index - 1);
    else if (event.key === 'Home') go(0);
    else if (event.key === 'End') go(units.length - 1);
    else if (event.key === 'Enter') acceptProposals([unit.id]);
    else if (event.key === 'Delete' || event.key === 'Backspace') rejectProposals([unit.id]);
    else return;
    event.preventDefault();
    // The editor's own keys (Enter edits a node, Delete deletes the selection) must not act too.
    event.stopPropagation();
  };

  return (
    <section
      className={`draft-review${folded ? ' is-folded' : ''}`}
      data-testid="draft-review"
      aria-label={t('draftReview')}
      data-canvas-cover
    >
      <header className="draft-review-head">
        <h2>{t('draftReview')}</h2>
        <span className="muted" data-testid="draft-count">
          {t('draftOpen').replace('{0}', String(units.length))}
        </span>
        <button
          className="small draft-review-fold"
          data-testid="draft-review-fold"
          aria-expanded={!folded}
          aria-controls={bodyId}
          onClick={() => setFolded((f) => !f)}
        >
          {folded ? t('draftListShow') : t('draftListHide')}
        </button>
      </header>
      {!folded && (
        <div className="draft-review-body" id={bodyId}>
          <p className="muted draft-review-by">
            {t(`draftBy_${review.draft.by}`)}
            {review.draft.by === 'rules' && lastDraftMs > 0
              ? ` · ${t('draftTook').replace('{0}', String(Math.round(lastDraftMs)))}`
              : ''}
          </p>
          <div className="row draft-review-all">
            <button
              className="primary"
              data-testid="draft-accept-all"
              onClick={() => acceptAllProposals()}
            >
              {t('draftAcceptAll')}
            </button>
            <button data-testid="draft-reject-all" onClick={rejectAllProposals}>
              {t('draftRejectAll')}
            </button>
          </div>
          <p className="muted draft-review-keys">{t('draftKeys')}</p>
          <ul className="draft-list" ref={list} aria-label={t('draftReview')}>
            {units.map((unit, index) => {
              const style = kindStyles[unit.kind];
              const cue = cueLabel(t, unitCue(unit));
              const isCurrent = unit.id === currentId;
              return (
                <li
                  key={unit.id}
                  className={`draft-item${isCurrent ? ' is-current' : ''}`}
                  data-testid="draft-item"
                  data-unit={unit.id}
                  data-kind={unit.kind}
                  tabIndex={isCurrent ? 0 : -1}
                  aria-current={isCurrent || undefined}
                  aria-label={`${t.kind(unit.kind)} · ${t('draftCue')} ${cue}: ${unit.text.trim()}`}
                  onKeyDown={(e) => onKeyDown(e, unit, index)}
                  onFocus={(e) => {
                    if (e.target === e.currentTarget && !isCurrent) set({ current: unit.id });
                  }}
                >
                  <div className="draft-item-head">
                    <span
                      className="draft-kind"
                      style={{
                        background: style.fill,
                        borderColor: style.stroke,
                        color: style.text,
                      }}
                    >
                      {t.kind(unit.kind)}
                    </span>
                    {cue && (
                      <span
                        className="draft-cue"
                        lang={review.draft.language}
                        title={t('draftCue')}
                      >
                        {cue}
                      </span>
                    )}
                    <span className="draft-item-buttons">
                      <button
                        className="small"
                        data-testid="draft-accept"
                        tabIndex={isCurrent ? 0 : -1}
                        aria-label={t('draftAccept')}
                        title={`${t('draftAccept')} (Enter)`}
                        onClick={() => acceptProposals([unit.id])}
                      >
                        ✓
                      </button>
                      <button
                        className="small"
                        data-testid="draft-reject"
                        tabIndex={isCurrent ? 0 : -1}
                        aria-label={t('draftReject')}
                        title={`${t('draftReject')} (Delete)`}
                        onClick={() => rejectProposals([unit.id])}
                      >
                        ✕
                      </button>
                    </span>
                  </div>
                  <p className="draft-item-text" lang={review.draft.language}>
                    {unit.text.trim()}
                  </p>
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </section>
  );
}
