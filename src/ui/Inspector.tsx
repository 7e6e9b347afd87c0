/**
 * Edits the selection: a node's text, kind, English rendering, note (Markdown, shown safely),
 * tags, rating and implicit flag; an inference's scheme and its critical questions; the passages it cites (click to jump, remove); and its
 * incoming and outgoing edges, each with relation, note and rating.
 */
import { lazy, Suspense, useEffect, useMemo, useRef } from 'react';
import { NODE_KINDS } from '../model/vocabulary';
import type { ArgMap, ArgNode, NodeKind } from '../model/schema';
import { removeNode, removeRef, sentenceIndex, updateNode } from '../model/operations';
import { useMapStore } from '../store/mapStore';
import { setFocus, toggleFold } from '../app/actions';
import { useUiStore } from '../store/uiStore';
import { showMessage, useT } from './i18n';
import { pageAt } from '../model/pages';
import { kindStyles } from '../io/kindStyles';
import { EdgeList } from './EdgeList';
import { EdgeInspector } from './EdgeInspector';
import { RatingInput } from './RatingInput';
import { SchemePanel, TourEditor, TourToggle } from './lazyPanels';
import { useContentReadOnly } from './sharing/roles';

const NoteView = lazy(() => import('./NoteView'));
// Loaded with the first selection (and fetched while the editor is idle: see lazyPanels).
const CommentThreads = lazy(() =>
  import('./comments/CommentThreads').then((m) => ({ default: m.CommentThreads })),
);
const NONE: string[] = [];

export function Inspector({ map }: { map: ArgMap }) {
  const t = useT();
  const selectedIds = useMapStore((s) => s.selection.nodeIds);
  const edgeIds = useMapStore((s) => s.selection.edgeIds);
  const error = useMapStore((s) => s.error);
  const node =
    selectedIds.length === 1 ? map.nodes.find((n) => n.id === selectedIds[0]) : undefined;
  const edge =
    selectedIds.length === 0 && edgeIds.length === 1
      ? map.edges.find((e) => e.id === edgeIds[0])
      : undefined;

  return (
    <aside className="inspector" data-testid="inspector" aria-label={t('inspector')}>
      {error && (
        <p className="error" role="alert">
          {showMessage(t, error)}
        </p>
      )}
      {node ? (
        <NodeInspector map={map} node={node} />
      ) : edge ? (
        <EdgeInspector map={map} edge={edge} />
      ) : (
        <>
          <p className="empty">
            {selectedIds.length > 1
              ? `${selectedIds.length} ${t('nodesSelected')}`
              : t('inspectorEmpty')}
          </p>
          <Suspense fallback={null}>
            <TourEditor map={map} />
          </Suspense>
        </>
      )}
      {(node ?? edge) && (
        <Suspense fallback={null}>
          <CommentThreads key={(node ?? edge)!.id} map={map} target={(node ?? edge)!.id} />
        </Suspense>
      )}
    </aside>
  );
}

function NodeInspector({ map, node }: { map: ArgMap; node: ArgNode }) {
  const t = useT();
  const edit = useMapStore((s) => s.edit);
  const select = useMapStore((s) => s.select);
  const readOnly = useContentReadOnly();
  const highlight = useMapStore((s) => s.highlight);
  const folded = useUiStore((s) => s.collapsed[map.id] ?? NONE);
  const focus = useUiStore((s) => s.focus[map.id] ?? null);
  const sources = map.sources;
  const sentences = useMemo(() => sentenceIndex({ sources }), [sources]);
  const id = node.id;
  const patch = (p: Parameters<typeof updateNode>[2], key?: string) =>
    edit((m) => updateNode(m, id, p), key);
  // A command asked for the caret in this node's text (it has just been made, or Enter).
  const editText = useUiStore((s) => s.editText);
  const textRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    const field = textRef.current;
    if (editText?.id !== id || !field) return;
    field.focus();
    field.setSelectionRange(field.value.length, field.value.length);
    useUiStore.getState().set({ editText: null });
  }, [editText, id]);

  return (
    <>
      <h2 className="inspector-head" title={id}>
        <span className="inspector-kind" style={{ borderColor: kindStyles[node.kind].stroke }}>
          {t.kind(node.kind)}
        </span>
        {node.text ? `: ${node.text}` : ''}
      </h2>
      {/* A read-only map's fields are shown, not editable. */}
      <fieldset className="plain" disabled={readOnly}>
        <label>
          {t('text')}
          <textarea
            data-testid="node-text"
            ref={textRef}
            value={node.text}
            rows={4}
            onChange={(e) => patch({ text: e.target.value }, `text:${id}`)}
          />
        </label>
        <label>
          {t('kind')}
          <select
            data-testid="node-kind"
            value={node.kind}
            onChange={(e) => patch({ kind: e.target.value as NodeKind })}
          >
            {NODE_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t.kind(kind)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('english')}
          <textarea
            data-testid="node-english"
            value={node.translations?.en ?? ''}
            rows={3}
            onChange={(e) =>
              patch({ translations: { ...node.translations, en: e.target.value } }, `en:${id}`)
            }
          />
        </label>
        <label>
          {t('note')}
          <textarea
            data-testid="node-note"
            value={node.note ?? ''}
            rows={3}
            onChange={(e) => patch({ note: e.target.value || undefined }, `note:${id}`)}
          />
        </label>
        {node.note && (
          <div className="note-view" data-testid="note-view">
            <Suspense fallback={<p className="muted">{node.note}</p>}>
              <NoteView markdown={node.note} />
            </Suspense>
          </div>
        )}
        <label>
          {t('tags')}
          <input
            data-testid="node-tags"
            defaultValue={(node.tags ?? []).join(', ')}
            key={`${id}:${(node.tags ?? []).join(',')}`}
            onBlur={(e) => {
              const tags = e.target.value
                .split(/[,，]/)
                .map((s) => s.trim())
                .filter(Boolean);
              if (tags.join(',') !== (node.tags ?? []).join(','))
                patch({ tags: tags.length ? tags : undefined });
            }}
          />
        </label>
        <RatingInput
          label={t('rating')}
          value={node.rating}
          onChange={(rating) => patch({ rating })}
        />
        <label className="checkbox">
          <input
            type="checkbox"
            checked={node.implicit === true}
            onChange={(e) => patch({ implicit: e.target.checked || undefined })}
          />
          {t('implicit')}
        </label>
      </fieldset>
      {(node.kind === 'inference' || node.scheme !== undefined) && (
        <Suspense fallback={null}>
          <SchemePanel
            target={{ node: id }}
            scheme={node.scheme}
            undercut={node.kind === 'inference'}
          />
        </Suspense>
      )}
      <div className="row">
        <button onClick={() => toggleFold(id)}>
          {folded.includes(id) ? t('unfold') : t('fold')}
        </button>
        <button onClick={() => setFocus(focus === id ? null : id)}>
          {focus === id ? t('showAll') : t('focusBranch')}
        </button>
        <Suspense fallback={null}>
          <TourToggle map={map} nodeId={id} />
        </Suspense>
        <button
          className="danger"
          disabled={readOnly}
          onClick={() => {
            if (edit((m) => removeNode(m, id))) select({ nodeIds: [], edgeIds: [] });
          }}
        >
          {t('deleteNode')}
        </button>
      </div>

      <h3>{t('cites')}</h3>
      {node.tags?.includes('unanchored') && <p className="warning">{t('unanchored')}</p>}
      {node.refs.length === 0 ? (
        <p className="muted">{node.implicit ? t('implicitNoRefs') : t('noRefs')}</p>
      ) : (
        <ul className="refs" data-testid="node-refs">
          {node.refs.map((ref, i) => {
            const sentence = sentences.get(ref.sentence);
            const text = sentence ? map.sources[sentence.sourceIndex]!.text : '';
            const quote = ref.quote ?? (sentence ? text.slice(sentence.start, sentence.end) : '');
            const page = sentence
              ? pageAt(map.sources[sentence.sourceIndex]!, ref.start ?? sentence.start)
              : undefined;
            return (
              <li key={`${ref.sentence}:${ref.start ?? ''}:${i}`}>
                <button
                  className="quote"
                  title={`${t('sentence')} ${ref.sentence}`}
                  onClick={() => {
                    highlight([ref.sentence]);
                    document
                      .querySelector(`[data-sentence-id="${CSS.escape(ref.sentence)}"]`)
                      ?.scrollIntoView({ block: 'center' });
                  }}
                >
                  <blockquote>{quote}</blockquote>
                  {page !== undefined && (
                    <span className="muted quote-page" data-testid="quote-page">
                      {t('pageNumber').replace('{0}', page)}
                    </span>
                  )}
                </button>
                <button
                  className="small"
                  disabled={readOnly}
                  onClick={() => edit((m) => removeRef(m, id, i))}
                  aria-label={`${t('removeRef')} ${i + 1}`}
                >
                  {t('removeRef')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <EdgeList map={map} nodeId={id} />
    </>
  );
}
