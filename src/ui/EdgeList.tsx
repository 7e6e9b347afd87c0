/** The selected node's incoming and outgoing edges, each editable: relation, scheme, note, rating. */
import type { ArgEdge, ArgMap } from '../model/schema';
import { disconnect } from '../model/operations';
import { useMapStore } from '../store/mapStore';
import { useT } from './i18n';
import { EdgeFields } from './EdgeFields';
import { revealNodes } from './SearchBox';
import { useContentReadOnly } from './sharing/roles';

export function EdgeList({ map, nodeId }: { map: ArgMap; nodeId: string }) {
  const t = useT();
  const incoming = map.edges.filter((e) => e.to === nodeId);
  const outgoing = map.edges.filter((e) => e.from === nodeId);
  return (
    <>
      <h3>{t('edgesIn')}</h3>
      <EdgeItems map={map} edges={incoming} other={(e) => e.from} />
      <h3>{t('edgesOut')}</h3>
      <EdgeItems map={map} edges={outgoing} other={(e) => e.to} />
    </>
  );
}

function EdgeItems({
  map,
  edges,
  other,
}: {
  map: ArgMap;
  edges: ArgEdge[];
  other: (e: ArgEdge) => string;
}) {
  const t = useT();
  const edit = useMapStore((s) => s.edit);
  const readOnly = useContentReadOnly();
  if (!edges.length) return <p className="muted">–</p>;
  return (
    <ul className="edges">
      {edges.map((edge) => {
        const otherNode = map.nodes.find((n) => n.id === other(edge));
        return (
          <li key={edge.id} data-edge-id={edge.id}>
            <button
              className="link"
              data-node-id={other(edge)}
              onClick={() => revealNodes([other(edge)])}
            >
              {otherNode ? `${t.kind(otherNode.kind)}: ${otherNode.text || '…'}` : other(edge)}
            </button>
            <EdgeFields edge={edge} compact />
            <button
              className="small danger"
              disabled={readOnly}
              onClick={() => edit((m) => disconnect(m, edge.id))}
            >
              {t('deleteEdge')}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
