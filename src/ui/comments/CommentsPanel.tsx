/**
 * Every comment thread of the map, open ones first, filtered by open/resolved: activating a
 * thread selects its node or edge and shows it. A panel beside the inspector, opened by the
 * Comments command (its key is in the shortcut list); Esc closes it.
 */
import { useEffect, useRef } from 'react';
import type { ArgMap } from '../../model/schema';
import { threadsOf, type Thread } from '../../model/comments';
import { useMapStore } from '../../store/mapStore';
import { useUiStore } from '../../store/uiStore';
import { useT } from '../i18n';
import { ThreadView } from './CommentThreads';
import { useCommentsUi, type CommentFilter } from './commentsUi';
import { useCommentsWritable } from '../sharing/roles';
import './comments.css';

const FILTERS: CommentFilter[] = ['open', 'resolved', 'all'];

/** Selects what a thread is on and brings it into view. */
export function showTarget(map: ArgMap, target: string) {
  const edge = map.edges.find((e) => e.id === target);
  const select = useMapStore.getState().select;
  if (edge) select({ nodeIds: [], edgeIds: [edge.id] });
  else select({ nodeIds: [target], edgeIds: [] });
  useUiStore
    .getState()
    .set({ reveal: { ids: edge ? [edge.from, edge.to] : [target], at: Date.now() } });
}

export function CommentsPanel({ map }: { map: ArgMap }) {
  const open = useCommentsUi((s) => s.panelOpen);
  if (!open) return null;
  return <Panel map={map} />;
}

function Panel({ map }: { map: ArgMap }) {
  const t = useT();
  const filter = useCommentsUi((s) => s.filter);
  const set = useCommentsUi((s) => s.set);
  const right = useUiStore((s) => s.paneWidths.inspector);
  const writable = useCommentsWritable();
  const panel = useRef<HTMLElement>(null);
  // Opened by its key: the focus goes in, and back where it was when the panel closes.
  useEffect(() => {
    const element = panel.current;
    const before = document.activeElement as HTMLElement | null;
    element?.querySelector<HTMLElement>('[aria-checked="true"]')?.focus();
    return () => {
      const now = document.activeElement;
      if (before?.isConnected && (!now || now === document.body || element?.contains(now)))
        before.focus();
    };
  }, []);
  const all = threadsOf(map);
  const shown = all.filter((thread) =>
    filter === 'all' ? true : filter === 'open' ? !thread.resolved : thread.resolved,
  );
  const count = (f: CommentFilter) =>
    f === 'all' ? all.length : all.filter((th) => th.resolved === (f === 'resolved')).length;
  const label = (thread: Thread) => {
    const node = map.nodes.find((n) => n.id === thread.root.target);
    if (node) return `${t.kind(node.kind)}: ${node.text || '…'}`;
    const edge = map.edges.find((e) => e.id === thread.root.target);
    return edge ? `${t('edge')}: ${t.relation(edge.relation)}` : thread.root.target;
  };
  return (
    <aside
      ref={panel}
      className="comments-panel"
      data-testid="comments-panel"
      aria-label={t('commentList')}
      style={{ right: right + 12 }}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.stopPropagation();
        set({ panelOpen: false });
      }}
    >
      <header>
        <h2>{t('commentList')}</h2>
        <button
          data-testid="comments-panel-close"
          onClick={() => set({ panelOpen: false })}
          aria-label={t('close')}
        >
          ✕
        </button>
      </header>
      <div className="comment-filters" role="radiogroup" aria-label={t('commentFilter')}>
        {FILTERS.map((f) => (
          <button
            key={f}
            role="radio"
            aria-checked={filter === f}
            tabIndex={filter === f ? 0 : -1}
            data-testid={`comment-filter-${f}`}
            className="small"
            onClick={() => set({ filter: f })}
            onKeyDown={(e) => {
              const step =
                e.key === 'ArrowRight' || e.key === 'ArrowDown'
                  ? 1
                  : e.key === 'ArrowLeft' || e.key === 'ArrowUp'
                    ? -1
                    : 0;
              if (!step) return;
              e.preventDefault();
              const next = FILTERS[(FILTERS.indexOf(f) + step + FILTERS.length) % FILTERS.length]!;
              set({ filter: next });
              (
                e.currentTarget.parentElement?.querySelector(
                  `[data-testid="comment-filter-${next}"]`,
                ) as HTMLElement | null
              )?.focus();
            }}
          >
            {t(
              f === 'open'
                ? 'commentFilterOpen'
                : f === 'resolved'
                  ? 'commentFilterResolved'
                  : 'commentFilterAll',
            )}{' '}
            ({count(f)})
          </button>
        ))}
      </div>
      {shown.length === 0 ? (
        <p className="muted" data-testid="comments-empty">
          {all.length === 0 ? t('noCommentsYet') : t('noCommentsHere')}
        </p>
      ) : (
        <ul className="comment-list">
          {shown.map((thread) => (
            <li key={thread.root.id}>
              <button
                className="link comment-target"
                data-testid="comment-target"
                title={t('commentShowTarget')}
                onClick={() => showTarget(map, thread.root.target)}
              >
                {label(thread)}
              </button>
              <ThreadView thread={thread} writable={writable} />
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
}
