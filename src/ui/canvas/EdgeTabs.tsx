/**
 * The edges in the Tab order, after the nodes: one visually hidden button per edge, named by its
 * ends' text. Focusing one selects its edge (drawn thicker, with its relation menu), so S, A, E
 * change the relation and Delete removes it. React Flow's own edge elements come before the
 * nodes in the document, so they are left out of the Tab order.
 */
import { memo } from 'react';
import { useStoreApi } from '@xyflow/react';
import { useUiStore } from '../../store/uiStore';
import { useT } from '../i18n';
import type { RoutedFlowEdge } from './RoutedEdge';

/** Above this many edges on the canvas, edges are reached from the inspector's lists instead. */
const MAX_TABS = 500;

export const EdgeTabs = memo(function EdgeTabs({ edges }: { edges: readonly RoutedFlowEdge[] }) {
  const t = useT();
  const store = useStoreApi();
  if (edges.length > MAX_TABS) return null;
  return (
    <ul className="edge-tabs" aria-label={t('edges')} data-testid="edge-tabs">
      {edges.map((edge) => (
        <li key={edge.id}>
          <button
            type="button"
            data-edge-id={edge.id}
            onFocus={() => {
              // As a click on the edge does: React Flow unselects the nodes and selects it.
              store.getState().addSelectedEdges([edge.id]);
              useUiStore
                .getState()
                .set({ keepInView: { ids: [edge.source, edge.target], at: Date.now() } });
            }}
          >
            {edge.ariaLabel}
          </button>
        </li>
      ))}
    </ul>
  );
});
