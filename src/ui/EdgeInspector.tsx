/**
 * The selected edge: its fields (relation, scheme with its critical questions, note, rating; see
 * EdgeFields), both ends by their text (click to go there), and Delete. Every change is one
 * undoable edit.
 */
import type { ArgEdge, ArgMap } from '../model/schema';
import { disconnect } from '../model/operations';
import { useMapStore } from '../store/mapStore';
import { useT } from './i18n';
import { EdgeFields } from './EdgeFields';
import { revealNodes } from './SearchBox';
import { useContentReadOnly } from './sharing/roles';

export function EdgeInspector({ map, edge }: { map: ArgMap; edge: ArgEdge }) {
  const t = useT();
  const edit = useMapStore((s) => s.edit);
  const select = useMapStore((s) => s.select);
  const readOnly = useContentReadOnly();
  const end = (id: string, label: string) => {
    const node = map.nodes.find((n) => n.id === id);
    return (
      <div className="edge-end">
        <span className="muted">{label}</span>
        <button
          className="link"
          data-testid={`edge-${label === t('edgeFrom') ? 'from' : 'to'}`}
          onClick={() => revealNodes([id])}
        >
          {node ? `${t.kind(node.kind)}: ${node.text || '…'}` : id}
        </button>
      </div>
    );
  };
  return (
    <div data-testid="edge-inspector" data-edge-id={edge.id}>
      <h2 className="inspector-head" title={edge.id}>
        {t('edge')}: {t.relation(edge.relation)}
      </h2>
      {end(edge.from, t('edgeFrom'))}
      {end(edge.to, t('edgeTo'))}
      <EdgeFields edge={edge} />
      <button
        className="danger"
        data-testid="delete-edge"
        disabled={readOnly}
        onClick={() => {
          if (edit((m) => disconnect(m, edge.id))) select({ nodeIds: [], edgeIds: [] });
        }}
      >
        {t('deleteEdge')}
      </button>
    </div>
  );
}
