/** Shown while text is selected in the source pane: make a node citing it, or add it as a ref. */
import { useState } from 'react';
import { NODE_KINDS } from '../model/vocabulary';
import type { ArgMap, NodeKind } from '../model/schema';
import { anchorSpan } from '../source/reanchor';
import { addNodeAction, addRefToSelected, defaultRelation } from '../app/actions';
import { proposeKind } from '../app/proposeKind';
import { useMapStore } from '../store/mapStore';
import { useT } from './i18n';
import type { SourceSelection } from './sourceSelection';
import { useContentReadOnly } from './sharing/roles';

export function SelectionBar({
  map,
  selection,
  onDone,
}: {
  map: ArgMap;
  selection: SourceSelection | null;
  onDone: () => void;
}) {
  const t = useT();
  // The kind the user picked, for this passage and this selected node only: the next passage
  // gets a proposal of its own (never a silent repeat of the last kind).
  const [chosen, setChosen] = useState<{ key: string; kind: NodeKind } | null>(null);
  const selectedId = useMapStore((s) =>
    s.selection.nodeIds.length === 1 ? s.selection.nodeIds[0] : undefined,
  );
  const hasSelectedNode = selectedId !== undefined;
  const readOnly = useContentReadOnly();
  if (!selection || readOnly) return null;
  const key = `${selection.sourceId}:${selection.start}:${selection.end}:${selectedId ?? ''}`;
  const kind = chosen?.key === key ? chosen.kind : proposeKind(map, selectedId, selection);
  const parent = selectedId ? map.nodes.find((n) => n.id === selectedId) : undefined;
  const source = map.sources.find((s) => s.id === selection.sourceId);
  const anchored = source ? anchorSpan(source, selection.start, selection.end) : null;
  const ref = anchored?.ref ?? null;
  const reason = anchored ? (anchored.reason ?? null) : null;
  return (
    // Overlaid on the bottom of the pane (a zero-height sticky holder), so it never shifts the text.
    <div className="selection-bar-holder">
      <div className="selection-bar" role="toolbar" aria-label={t('selectionHint')}>
        <span className="selection-quote">
          {t('selectionHint')} “
          {selection.text.length > 60 ? `${selection.text.slice(0, 60)}…` : selection.text}”
        </span>
        {reason ? (
          <span className="warning">{reason}</span>
        ) : (
          <span className="row">
            <select
              data-testid="selection-kind"
              aria-label={t('proposedKind')}
              value={kind}
              onChange={(e) => setChosen({ key, kind: e.target.value as NodeKind })}
            >
              {NODE_KINDS.filter((k) => k !== 'inference').map((k) => (
                <option key={k} value={k}>
                  {t.kind(k)}
                </option>
              ))}
            </select>
            <button
              data-testid="create-node-from-selection"
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => {
                if (ref && addNodeAction(kind, ref, selection.text.trim(), 'parent')) onDone();
              }}
            >
              {t('createFromSelection')}
            </button>
            {parent && (
              <span className="selection-target muted" data-testid="selection-target">
                {t.relation(defaultRelation(kind))} “
                {parent.text.length > 30 ? `${parent.text.slice(0, 30)}…` : parent.text}”
              </span>
            )}
            <button
              data-testid="add-ref-from-selection"
              disabled={!hasSelectedNode}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => {
                if (ref && addRefToSelected(ref)) onDone();
              }}
            >
              {t('addRefFromSelection')}
            </button>
          </span>
        )}
      </div>
    </div>
  );
}
