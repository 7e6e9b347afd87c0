/**
 * The editable fields of one edge, the same wherever an edge is edited (the edge inspector and
 * the node inspector's list of edges): relation, scheme with its critical questions, note and
 * rating. Every change is one undoable edit (typing in the note coalesces into one).
 */
import { Suspense } from 'react';
import type { ArgEdge } from '../model/schema';
import { updateEdge } from '../model/operations';
import { useMapStore } from '../store/mapStore';
import { useT } from './i18n';
import { RatingInput } from './RatingInput';
import { RelationSelect } from './RelationSelect';
import { SchemePanel } from './lazyPanels';
import { useContentReadOnly } from './sharing/roles';

export function EdgeFields({
  edge,
  compact = false,
}: {
  edge: ArgEdge;
  /** In a list of edges: a one-line note, the critical questions folded, no test ids. */
  compact?: boolean;
}) {
  const t = useT();
  const edit = useMapStore((s) => s.edit);
  const readOnly = useContentReadOnly();
  const setNote = (note: string) =>
    edit((m) => updateEdge(m, edge.id, { note: note || undefined }), `edge-note:${edge.id}`);
  return (
    <fieldset className="plain edge-fields" disabled={readOnly}>
      <RelationSelect edge={edge} {...(compact ? {} : { testId: 'edge-relation' })} />
      <Suspense fallback={null}>
        <SchemePanel target={{ edge: edge.id }} scheme={edge.scheme} compact={compact} />
      </Suspense>
      <label>
        {t('edgeNote')}
        {compact ? (
          <input value={edge.note ?? ''} onChange={(e) => setNote(e.target.value)} />
        ) : (
          <textarea
            data-testid="edge-note"
            rows={3}
            value={edge.note ?? ''}
            onChange={(e) => setNote(e.target.value)}
          />
        )}
      </label>
      <RatingInput
        label={t('rating')}
        value={edge.rating}
        onChange={(rating) => edit((m) => updateEdge(m, edge.id, { rating }))}
      />
    </fieldset>
  );
}
